using Learning.Modules.Community.Discussions;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Community.Pages.Discussions;

/// <summary>
/// The tenant's recent discussions (<c>/{culture}/discussions</c>), or one place's (<c>?place=practice&amp;id=…</c>), in the
/// reader's language, or in every language with <c>all=true</c>. Visitors read it unless the tenant keeps discussions to members.
/// </summary>
[AllowAnonymous]
public sealed class DiscussionListModel(DiscussionReader reader, DiscussionPlaces places, DiscussionSettingsStore settings, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "place")]
    public string? PlaceKind { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? PlaceId { get; set; }

    [BindProperty(SupportsGet = true, Name = "all")]
    public bool AllLanguages { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The place whose threads are listed; null for the whole tenant.</summary>
    public DiscussionPlace? Place { get; private set; }

    public IReadOnlyList<ThreadSummary> Threads { get; private set; } = [];

    public IReadOnlyDictionary<(string Kind, string Id), DiscussionPlace> Places { get; private set; } = new Dictionary<(string, string), DiscussionPlace>();

    public int OtherLanguages { get; private set; }

    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (userId is null && (await settings.GetAsync(cancellationToken)).MembersOnly)
        {
            return Challenge();
        }

        if (PlaceKind is not null || PlaceId is not null)
        {
            Place = await places.FindAsync(PlaceKind, PlaceId, Cultures.Current, cancellationToken);
            if (Place is null)
            {
                return NotFound();
            }
        }

        var editor = userId is not null && (await authorization.AuthorizeAsync(User, Roles.EditorPolicy)).Succeeded;
        var culture = AllLanguages ? null : Cultures.Current;
        var (_, total) = await reader.ThreadsAsync(Place?.Kind, Place?.Id, culture, userId, editor, 0, 0, cancellationToken);
        Pager = new Pager(PageNumber, PageSize, total)
        {
            Kept = [new("place", Place?.Kind), new("id", Place?.Id), new("all", AllLanguages ? "true" : null)],
        };
        (Threads, _) = await reader.ThreadsAsync(Place?.Kind, Place?.Id, culture, userId, editor, Pager.Skip, Pager.Size, cancellationToken);
        OtherLanguages = AllLanguages ? 0 : await reader.OtherLanguagesAsync(Place?.Kind, Place?.Id, Cultures.Current, userId, editor, cancellationToken);
        Places = Place is null ? await places.FindAsync(Threads.Select(t => (t.PlaceKind, t.PlaceId)), Cultures.Current, cancellationToken) : new Dictionary<(string, string), DiscussionPlace>();
        return Page();
    }

    /// <summary>This list in every language, or back in the reader's.</summary>
    public string LanguagesLink(bool all) =>
        "?" + string.Join("&", new[] { Place is null ? null : $"place={Place.Kind}&id={Uri.EscapeDataString(Place.Id)}", all ? "all=true" : null }.OfType<string>());

    public string NewThreadLink => CultureLinks.Path(Request, Cultures.Current, "discussions/new")
        + $"?place={Place?.Kind ?? DiscussionPlaces.General}&id={Uri.EscapeDataString(Place?.Id ?? DiscussionPlaces.General)}";
}
