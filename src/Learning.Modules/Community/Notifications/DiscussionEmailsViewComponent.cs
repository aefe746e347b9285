using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Learning.Modules.Community.Notifications;

/// <summary>On "Followed discussions": the person's choice of e-mails, and the places they follow.</summary>
public sealed class DiscussionEmailsViewComponent(DiscussionSubscriptions subscriptions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? error = null)
    {
        if (UserClaimsPrincipal.UserId() is not { } userId)
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        var view = new DiscussionEmailsView(
            await subscriptions.ModeAsync(userId, cancellationToken),
            await subscriptions.UnsubscribedAsync(userId, cancellationToken),
            await subscriptions.PlacesAsync(userId, Cultures.Current, cancellationToken),
            Request.Query["saved"] == "true",
            error);
        return View("/Community/Notifications/Views/DiscussionEmails.cshtml", view);
    }
}

public sealed record DiscussionEmailsView(NotificationMode Mode, bool Unsubscribed, IReadOnlyList<(PlaceFollow Follow, Discussions.DiscussionPlace Place)> Places, bool Saved,
    string? Error);

/// <summary>On a place's thread list, for a signed-in person: follow the place (hear of its new threads) or stop.</summary>
public sealed class PlaceFollowViewComponent(DiscussionSubscriptions subscriptions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Discussions.DiscussionPlace? place, bool allLanguages)
    {
        if (place is null || UserClaimsPrincipal.UserId() is not { } userId)
        {
            return Content("");
        }

        var follows = await subscriptions.FollowsPlaceAsync(userId, place.Kind, place.Id, HttpContext.RequestAborted);
        return View("/Community/Notifications/Views/PlaceFollow.cshtml", new PlaceFollowView(place, follows, allLanguages));
    }
}

public sealed record PlaceFollowView(Discussions.DiscussionPlace Place, bool Follows, bool AllLanguages);
