using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Mooc.Pages;

/// <summary>
/// A formative activity. Answers are checked on the server and come back with the feedback of each chosen
/// answer; tries are unlimited, and the first try with every answer right completes the activity.
/// Works without JavaScript: a check is a plain form post.
/// </summary>
[Authorize]
public sealed class ActivityPageModel(Course course, CourseProgress progress, ContentReader reader, MarkdownRenderer markdown, Glossary.ServiceGlossary glossary, IStringLocalizer<MoocStrings> S) : PageModel
{
    public CoursePart Part { get; private set; } = null!;

    public Activity Activity { get; private set; } = null!;

    public int Position { get; private set; }

    public string IntroHtml { get; private set; } = "";

    public bool Done { get; private set; }

    /// <summary>After a check: what was ticked for each question and whether it was right.</summary>
    public IReadOnlyList<(IReadOnlySet<int> Ticked, bool Right)>? Results { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The toolbox practice a recipe card comes from, as readers of this culture see it.</summary>
    public ReaderLink? Practice { get; private set; }

    /// <summary>A case's services that the glossary explains: those its scene, persona, questions and choices name
    /// (not the feedback, which would tell the answer).</summary>
    public IReadOnlyList<Glossary.GlossaryEntry> Services { get; private set; } = [];

    public Activity? NextActivity => Position + 1 < Part.Content.Activities.Count ? Part.Content.Activities[Position + 1] : null;

    public Task<IActionResult> OnGetAsync(string part, string activity, CancellationToken cancellationToken) =>
        ShowAsync(part, activity, remember: true, cancellationToken);

    public async Task<IActionResult> OnPostCheckAsync(string part, string activity, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(part, activity, remember: false, cancellationToken);
        if (shown is not PageResult page)
        {
            return shown;
        }

        var questions = Activity.AllQuestions;
        var ticked = new List<IReadOnlySet<int>>();
        for (var i = 0; i < questions.Count; i++)
        {
            var values = Request.Form[$"q{i}"];
            var choices = values.Select(v => int.TryParse(v, out var n) ? n : -1).ToHashSet();
            if (choices.Any(c => c < 0 || c >= questions[i].Choices.Count) || (!questions[i].Multiple && choices.Count > 1))
            {
                Error = S["This answer is not one of the choices. Reload the page and try again."];
                return page;
            }

            ticked.Add(choices);
        }

        if (questions.Count == 0 || ticked.Any(t => t.Count == 0))
        {
            Error = S["Answer every question, then check your answers."];
            return page;
        }

        Results = ticked.Select((t, i) => (t, questions[i].IsRight(t))).ToList();
        var right = Results.All(r => r.Right);
        await progress.RecordTryAsync(User.UserId()!, Part.SetId, Activity.Id, right, cancellationToken);
        Done = Done || right;
        return page;
    }

    /// <summary>A recipe card without questions is done once read.</summary>
    public async Task<IActionResult> OnPostReadAsync(string part, string activity, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(part, activity, remember: false, cancellationToken);
        if (shown is not PageResult page)
        {
            return shown;
        }

        if (Activity.AllQuestions.Count > 0)
        {
            return BadRequest();
        }

        await progress.RecordTryAsync(User.UserId()!, Part.SetId, Activity.Id, right: true, cancellationToken);
        Done = true;
        return page;
    }

    private async Task<IActionResult> ShowAsync(string part, string activity, bool remember, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        var found = await course.PartAsync(part, Cultures.Current, cancellationToken);
        var position = found?.Content.Activities.ToList().FindIndex(a => a.Id == activity) ?? -1;
        if (found is null || position < 0)
        {
            return NotFound();
        }

        if (await progress.LearnerAsync(userId, cancellationToken) is not { } learner)
        {
            // Activities are for enrolled learners: the course page has the one-click enrolment.
            return Redirect(CultureLinks.Path(Request, Cultures.Current, "mooc"));
        }

        Part = found;
        Position = position;
        Activity = found.Content.Activities[position];
        IntroHtml = markdown.ToHtml(Activity.Intro);
        Done = learner.Completed.Contains(Activity.Id);
        Practice = Activity.Practice is { } practice ? await reader.FindInSetAsync(MoocPartType.LinkedPracticeType, practice, Cultures.Current, cancellationToken) : null;
        if (Activity.Kind == "case" && await glossary.InAsync(found.Culture, cancellationToken) is { } services)
        {
            Services = services.NamedIn([Activity.Intro, .. Activity.Persona?.Facts ?? [], .. Activity.Questions.SelectMany(q => q.Choices.Select(c => c.Text).Prepend(q.Prompt))]);
        }

        if (remember)
        {
            await progress.RememberAsync(userId, part, activity, cancellationToken);
        }

        return Page();
    }
}
