using System.ComponentModel.DataAnnotations;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Feedback.Pages.Editor;

/// <summary>
/// Editors triage what learners said: newest first, filtered by status, kind, subject, culture or with a comment only,
/// with the counts per status; each item gets a status and a reply, which its author then sees. Learners are shown by
/// their display name, never their e-mail.
/// </summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class FeedbackListModel(LearningDbContext db, LearnerFeedback feedback, FeedbackSubjects subjects, UserDirectory directory, TimeProvider clock, IStringLocalizer<FeedbackStrings> S) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "set")]
    public string? SetFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? CultureFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "commented")]
    public bool CommentedOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] // not "page": Razor Pages keeps that route value for itself
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? NewStatus { get; set; }

    [BindProperty]
    [StringLength(FeedbackKinds.TextLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Reply { get; set; }

    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<FeedbackStatus, int> Counts { get; private set; } = new Dictionary<FeedbackStatus, int>();

    public IReadOnlyDictionary<(string Kind, string SetId), FeedbackSubject> Subjects { get; private set; } = new Dictionary<(string, string), FeedbackSubject>();

    public IReadOnlyDictionary<string, UserSummary> People { get; private set; } = new Dictionary<string, UserSummary>();

    /// <summary>The item whose triage was refused, shown with what was posted and its message.</summary>
    public int? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTriageAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var status = Enum.GetNames<FeedbackStatus>().Contains(NewStatus, StringComparer.Ordinal) ? Enum.Parse<FeedbackStatus>(NewStatus!) : (FeedbackStatus?)null;
        if (status is null)
        {
            ModelState.AddModelError(nameof(NewStatus), S["Choose a status."]);
        }

        if (!ModelState.IsValid)
        {
            Refused = id;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reply = string.IsNullOrWhiteSpace(Reply) ? null : Reply.Trim();
        if (item.Status != status)
        {
            item.Status = status!.Value;
            item.StatusChangedUtc = now;
            item.RepliedBy = User.UserId();
        }

        if (item.Reply != reply)
        {
            item.Reply = reply;
            item.RepliedUtc = reply is null ? null : now;
            item.RepliedBy = User.UserId();
        }

        await db.SaveChangesAsync(cancellationToken);
        await feedback.ForgetAsync(item.UserId, item.Kind, item.SetId); // the person sees the reply at once
        return LocalRedirect(Link(PageNumber) + "#item-" + id);
    }

    /// <summary>This list with its filters, at a page.</summary>
    public string Link(int page) => Build(StatusFilter, page);

    /// <summary>This list with its other filters, showing one status (all with null).</summary>
    public string WithStatus(string? status) => Build(status, 1);

    private string Build(string? status, int page)
    {
        var query = new QueryBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name, value);
            }
        }

        Add("status", status);
        Add("kind", KindFilter);
        Add("set", SetFilter);
        Add("lang", CultureFilter);
        Add("commented", CommentedOnly ? "true" : null);
        Add("p", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return Request.PathBase + Request.Path + query.ToQueryString();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var items = db.FeedbackItems.AsNoTracking();
        if (FeedbackKinds.All.Contains(KindFilter))
        {
            items = items.Where(i => i.Kind == KindFilter);
        }
        else
        {
            KindFilter = null;
        }

        if (SetFilter is { } set && FeedbackSubjects.IsSetId(set))
        {
            items = items.Where(i => i.SetId == set);
        }
        else
        {
            SetFilter = null;
        }

        if (Cultures.IsSupported(CultureFilter))
        {
            items = items.Where(i => i.Culture == CultureFilter);
        }
        else
        {
            CultureFilter = null;
        }

        if (CommentedOnly)
        {
            items = items.Where(i => i.Comment != null || i.Useful != null || i.Improve != null);
        }

        // The counts per status follow the other filters, so that each says what choosing it would list.
        Counts = (await items.GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Status, c => c.Count);
        if (Enum.GetNames<FeedbackStatus>().Contains(StatusFilter, StringComparer.Ordinal))
        {
            var status = Enum.Parse<FeedbackStatus>(StatusFilter!);
            items = items.Where(i => i.Status == status);
        }
        else
        {
            StatusFilter = null;
        }

        Pager = new Pager(PageNumber, PageSize, await items.CountAsync(cancellationToken));
        Items = await items.OrderByDescending(i => i.CreatedUtc).ThenByDescending(i => i.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(cancellationToken);
        Subjects = await subjects.FindAsync(Items.Select(i => (i.Kind, i.SetId)), Cultures.Current, cancellationToken);
        People = await directory.FindAsync(Items.Select(i => i.UserId).Distinct().ToList(), cancellationToken);
    }
}
