using Learning.Modules.Community.Discussions;
using Learning.Modules.Core.Email;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Notifications;

/// <summary>
/// A person's discussion e-mails: their choice (none, each message, a daily digest) and the places they follow. The
/// one-click unsubscribe of the list <see cref="List"/> stops the e-mails whatever the choice; choosing e-mails again
/// here is asking for them, so it takes the person back onto the list.
/// </summary>
public sealed class DiscussionSubscriptions(LearningDbContext db, DiscussionPlaces places, EmailPreferences preferences, TimeProvider clock)
{
    /// <summary>The e-mail list of discussion notifications (<see cref="EmailList"/>).</summary>
    public const string List = "discussion-notifications";

    public async Task<NotificationMode> ModeAsync(string userId, CancellationToken cancellationToken) =>
        (await db.NotificationChoices.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken))?.Mode ?? NotificationMode.None;

    public Task<bool> UnsubscribedAsync(string userId, CancellationToken cancellationToken) => preferences.IsOptedOutAsync(userId, List, cancellationToken);

    public async Task SetModeAsync(string userId, NotificationMode mode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var choice = await db.NotificationChoices.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (mode == NotificationMode.None)
        {
            if (choice is not null)
            {
                db.NotificationChoices.Remove(choice);
            }
        }
        else if (choice is null)
        {
            db.NotificationChoices.Add(new NotificationChoice { UserId = userId, Mode = mode, SinceUtc = now, ChangedUtc = now });
        }
        else
        {
            choice.Mode = mode;
            choice.ChangedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (mode != NotificationMode.None)
        {
            await preferences.OptInAsync(userId, List, cancellationToken);
        }
    }

    /// <summary>The places the person follows, with their titles in <paramref name="culture"/> (unknown places left out).</summary>
    public async Task<IReadOnlyList<(PlaceFollow Follow, DiscussionPlace Place)>> PlacesAsync(string userId, string culture, CancellationToken cancellationToken)
    {
        var follows = await db.PlaceFollows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.FollowedUtc).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var found = await places.FindAsync(follows.Select(f => (f.PlaceKind, f.PlaceId)), culture, cancellationToken);
        return follows.Where(f => found.ContainsKey((f.PlaceKind, f.PlaceId))).Select(f => (f, found[(f.PlaceKind, f.PlaceId)])).ToList();
    }

    public Task<bool> FollowsPlaceAsync(string userId, string kind, string id, CancellationToken cancellationToken) =>
        db.PlaceFollows.AnyAsync(f => f.UserId == userId && f.PlaceKind == kind && f.PlaceId == id, cancellationToken);

    /// <summary>Follows (new threads in <paramref name="culture"/>, or in every language when null) or stops following a place
    /// that exists; false for an unknown place.</summary>
    public async Task<bool> FollowPlaceAsync(string userId, string? kind, string? id, string? culture, bool follow, string pageCulture, CancellationToken cancellationToken)
    {
        if (await places.FindAsync(kind, id, pageCulture, cancellationToken) is not { } place)
        {
            return false;
        }

        var existing = await db.PlaceFollows.SingleOrDefaultAsync(f => f.UserId == userId && f.PlaceKind == place.Kind && f.PlaceId == place.Id, cancellationToken);
        if (follow && existing is null)
        {
            db.PlaceFollows.Add(new PlaceFollow { UserId = userId, PlaceKind = place.Kind, PlaceId = place.Id, Culture = culture, FollowedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (follow && existing is not null)
        {
            existing.Culture = culture;
        }
        else if (!follow && existing is not null)
        {
            db.PlaceFollows.Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (follow)
        {
            // followed by another request at the same moment
        }

        return true;
    }
}
