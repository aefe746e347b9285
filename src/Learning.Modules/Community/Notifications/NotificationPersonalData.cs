using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Community.Notifications;

/// <summary>The discussion e-mails' part of "download my data" (the choice, the places followed, the messages e-mailed) and
/// of deleting an account (all of it goes).</summary>
public sealed class NotificationPersonalData(LearningDbContext db, IStringLocalizer<CommunityStrings> S, IOptions<NotificationOptions> options) : IPersonalDataProvider
{
    public string Section => "discussionNotifications";

    public string Title => S["Discussion e-mails"];

    public string? Description => S["Your choice of e-mails about the discussions you follow, the places you follow, and which messages were e-mailed to you (kept {0} days).", Math.Max(2, options.Value.KeepSentDays)];

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var choice = await db.NotificationChoices.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { Mode = c.Mode.ToString(), c.SinceUtc, c.ChangedUtc }).SingleOrDefaultAsync(cancellationToken);
        var places = await db.PlaceFollows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.FollowedUtc).ThenBy(f => f.Id)
            .Select(f => new { f.PlaceKind, f.PlaceId, f.Culture, f.FollowedUtc }).ToListAsync(cancellationToken);
        var emailed = await db.NotifiedMessages.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.SentUtc).ThenBy(n => n.Id)
            .Select(n => new { n.MessageId, n.SentUtc, n.Digest }).ToListAsync(cancellationToken);
        return choice is null && places.Count + emailed.Count == 0 ? null : new { choice, places, emailed };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await db.NotificationChoices.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PlaceFollows.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.NotifiedMessages.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
