using Learning.Modules.Content.ContentAsides;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Learning.Modules.Community.Discussions;

/// <summary>
/// Beside a practice or a part of the course: the place's latest threads in the reader's language, a link to the others
/// (and to those in other languages), and a link to start one. Nothing beside other subjects.
/// </summary>
/// <remarks>A visitor's page is cached and shared (Content's output cache): the aside holds only links, no form and no token,
/// and the same for every visitor. The board empties the cache when a place's list changes.</remarks>
public sealed class DiscussionsAsideViewComponent(DiscussionReader reader, DiscussionSettingsStore settings, IAuthorizationService authorization) : ViewComponent
{
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync(ContentSubject subject)
    {
        if (subject.Kind is not (DiscussionPlaces.Practice or DiscussionPlaces.MoocPart) || !DiscussionPlaces.IsSetId(subject.SetId))
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        var userId = UserClaimsPrincipal.UserId();
        var place = $"place={subject.Kind}&id={Uri.EscapeDataString(subject.SetId)}";
        var here = Request.PathBase + Request.Path;
        var list = CultureLinks.Path(Request, subject.Culture, "discussions") + "?" + place;
        var start = CultureLinks.Path(Request, subject.Culture, "discussions/new") + "?" + place;
        var signIn = CultureLinks.Path(Request, subject.Culture, "account/login") + "?returnUrl=" + Uri.EscapeDataString(here);
        if (userId is null && (await settings.GetAsync(cancellationToken)).MembersOnly)
        {
            return View("/Community/Discussions/Views/DiscussionsAside.cshtml", new DiscussionsAsideView(subject, true, [], 0, 0, list, start, signIn));
        }

        var editor = userId is not null && (await authorization.AuthorizeAsync(UserClaimsPrincipal, Roles.EditorPolicy)).Succeeded;
        var (total, others) = await reader.PlaceCountsAsync(subject.Kind, subject.SetId, subject.Culture, userId, editor, cancellationToken);
        var threads = total == 0 ? [] : (await reader.ThreadsAsync(subject.Kind, subject.SetId, subject.Culture, userId, editor, 0, Shown, cancellationToken)).Threads;
        return View("/Community/Discussions/Views/DiscussionsAside.cshtml", new DiscussionsAsideView(subject, false, threads, total, others, list, start, signIn));
    }
}
