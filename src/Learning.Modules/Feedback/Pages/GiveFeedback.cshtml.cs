using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Feedback.Pages;

/// <summary>
/// Where the feedback forms beside readers' pages are posted (signed-in people only), and the form alone for a subject
/// (<c>?kind=practice&amp;setId=…</c>): it shows again what was posted, with what is wrong. A post stores the person's
/// opinion (again: it updates it) and returns to the page it came from, when that is a page of this tenant.
/// </summary>
public sealed class GiveFeedbackModel(FeedbackSubjects subjects, LearnerFeedback feedback, IStringLocalizer<FeedbackStrings> S) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SetId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Read as text, so that anything but 1 to 5 gets this page's own message.</summary>
    [BindProperty]
    public string? Rating { get; set; }

    [BindProperty]
    [StringLength(FeedbackKinds.TextLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Comment { get; set; }

    [BindProperty]
    [StringLength(FeedbackKinds.TextLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Useful { get; set; }

    [BindProperty]
    [StringLength(FeedbackKinds.TextLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Improve { get; set; }

    [BindProperty]
    public string? Recommend { get; set; }

    /// <summary>The subject, or null on the page without one (which says where opinions are given).</summary>
    public FeedbackSubject? Subject { get; private set; }

    public FeedbackItem? Own { get; private set; }

    public FeedbackForm? Form { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Subject = await subjects.FindAsync(Kind, SetId, Cultures.Current, cancellationToken);
        if (Subject is not null)
        {
            Own = await feedback.OwnAsync(User.UserId()!, Subject.Kind, Subject.SetId, cancellationToken);
            Form = FeedbackForm.For(Subject.Kind, Subject.SetId, LocalReturn() ?? SubjectPage(Subject), Own);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await subjects.FindAsync(Kind, SetId, Cultures.Current, cancellationToken) is not { } subject)
        {
            return NotFound();
        }

        var survey = FeedbackKinds.IsSurvey(subject.Kind);
        int? rating = null;
        if (!string.IsNullOrWhiteSpace(Rating) || !survey)
        {
            if (int.TryParse(Rating, NumberStyles.None, CultureInfo.InvariantCulture, out var given) && given is >= 1 and <= 5)
            {
                rating = given;
            }
            else
            {
                ModelState.AddModelError(nameof(Rating), S["Choose a rating from 1 to 5."]);
            }
        }

        Recommendation? recommend = null;
        if (survey && !string.IsNullOrEmpty(Recommend))
        {
            if (Enum.GetNames<Recommendation>().Contains(Recommend, StringComparer.Ordinal))
            {
                recommend = Enum.Parse<Recommendation>(Recommend);
            }
            else
            {
                ModelState.AddModelError(nameof(Recommend), S["Choose yes, no or not sure."]);
            }
        }

        var answer = survey
            ? new FeedbackAnswer(subject.Kind, subject.SetId, Cultures.Current, rating, null, Text(Useful), Text(Improve), recommend)
            : new FeedbackAnswer(subject.Kind, subject.SetId, Cultures.Current, rating, Text(Comment));
        if (survey && ModelState.IsValid && answer is { Rating: null, Useful: null, Improve: null, Recommend: null })
        {
            ModelState.AddModelError(nameof(Useful), S["Answer at least one of the questions."]);
        }

        if (!survey)
        {
            // Fields the form of this kind does not have: a tampered post's, ignored rather than shown as errors nobody can fix.
            ModelState.Remove(nameof(Useful));
            ModelState.Remove(nameof(Improve));
        }
        else
        {
            ModelState.Remove(nameof(Comment));
        }

        if (!ModelState.IsValid)
        {
            Subject = subject;
            Own = await feedback.OwnAsync(User.UserId()!, subject.Kind, subject.SetId, cancellationToken);
            Form = new FeedbackForm(subject.Kind, subject.SetId, LocalReturn() ?? SubjectPage(subject), Rating, Comment, Useful, Improve, Recommend, Own is not null);
            return Page();
        }

        await feedback.SaveAsync(User.UserId()!, answer, cancellationToken);
        return LocalRedirect((LocalReturn() ?? SubjectPage(subject)) + "#opinion-title");
    }

    /// <summary>The page the form came from, when it is a page of this tenant in one of the cultures: never an address
    /// elsewhere (an open redirect), nor another tenant's page.</summary>
    private string? LocalReturn()
    {
        var prefix = Request.PathBase.Value + "/";
        if (ReturnUrl is not { Length: > 0 and <= 2000 } path || !Url.IsLocalUrl(path) || !path.StartsWith(prefix, StringComparison.Ordinal)
            || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\\' or '#')
            // No "." or ".." segment, written or encoded: the browser would resolve /fr/../north/… to another tenant.
            || path.Split('?')[0].Split('/').Any(segment => segment is "." or "..") || path.Contains("%2e", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var culture = path[prefix.Length..].Split('/', '?')[0];
        return Cultures.IsSupported(culture) && !path.StartsWith(prefix + culture + "//", StringComparison.Ordinal) ? path : null;
    }

    private string SubjectPage(FeedbackSubject subject) => CultureLinks.Path(Request, Cultures.Current, subject.Path);

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
