using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Discussions;

/// <summary>
/// The discussions' part of "download my data" and of deleting an account. The export holds the threads the person
/// started, their messages (with the editors' reasons) and their reports. Erasure keeps other people's threads readable:
/// the person's threads and messages stay, by a "former member" (no author); their text goes too when the tenant says so;
/// their reports and follows go; an editor's id on what they moderated is forgotten.
/// </summary>
public sealed class DiscussionPersonalData(LearningDbContext db, DiscussionSettingsStore settings, DiscussionBoard board) : IPersonalDataProvider
{
    public string Section => "discussions";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var threads = await db.DiscussionThreads.AsNoTracking().Where(t => t.AuthorId == userId).OrderBy(t => t.CreatedUtc).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.PlaceKind, t.PlaceId, t.Culture, t.Title, t.CreatedUtc, t.Locked })
            .ToListAsync(cancellationToken);
        var messages = await db.DiscussionMessages.AsNoTracking().Where(m => m.AuthorId == userId).OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.ThreadId, m.QuotedMessageId, m.Body, Status = m.Status.ToString(), m.CreatedUtc, m.PublishedUtc, m.EditedUtc, m.DeletedUtc,
                m.ModerationReason, m.ModeratedUtc,
            })
            .ToListAsync(cancellationToken);
        var reports = await db.MessageReports.AsNoTracking().Where(r => r.ReporterId == userId).OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Select(r => new { r.MessageId, r.Reason, r.CreatedUtc, r.ResolvedUtc })
            .ToListAsync(cancellationToken);
        var follows = await db.ThreadFollows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.FollowedUtc).ThenBy(f => f.Id)
            .Select(f => new { f.ThreadId, f.FollowedUtc, f.LastReadUtc })
            .ToListAsync(cancellationToken);
        return threads.Count + messages.Count + reports.Count + follows.Count == 0 ? null : new { threads, messages, reports, follows };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var remove = (await settings.GetAsync(cancellationToken)).RemoveErasedContent;
        if (remove)
        {
            await db.DiscussionMessages.Where(m => m.AuthorId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorId, (string?)null).SetProperty(m => m.Body, "").SetProperty(m => m.ContentRemoved, true), cancellationToken);
            await db.DiscussionThreads.Where(t => t.AuthorId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.AuthorId, (string?)null).SetProperty(t => t.Title, ""), cancellationToken);
        }
        else
        {
            await db.DiscussionMessages.Where(m => m.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorId, (string?)null), cancellationToken);
            await db.DiscussionThreads.Where(t => t.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(t => t.AuthorId, (string?)null), cancellationToken);
        }

        await db.MessageReports.Where(r => r.ReporterId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ThreadFollows.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.MessageReports.Where(r => r.ResolvedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedBy, (string?)null), cancellationToken);
        await db.DiscussionMessages.Where(m => m.ModeratedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ModeratedBy, (string?)null), cancellationToken);
        if (remove)
        {
            await board.EvictAsync(cancellationToken);
        }
    }
}
