using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Discussions.Contracts;

/// <summary>
/// The seam for notifications (following a thread or a place, e-mails as each happens or as a digest): the messages
/// readers can see that were published after a time, by thread if asked. A message held for review counts from its
/// approval, and one later deleted or hidden is left out, so a reader of this never announces what nobody may read.
/// </summary>
public sealed class DiscussionActivity(LearningDbContext db)
{
    public async Task<IReadOnlyList<PublishedMessage>> PublishedSinceAsync(DateTime sinceUtc, int? threadId, int take, CancellationToken cancellationToken)
    {
        var messages = db.DiscussionMessages.AsNoTracking()
            .Where(m => m.PublishedUtc > sinceUtc && m.Status == MessageStatus.Visible && m.DeletedUtc == null && !m.ContentRemoved);
        if (threadId is { } id)
        {
            messages = messages.Where(m => m.ThreadId == id);
        }

        return await messages.Join(db.DiscussionThreads.Where(t => t.Listed), m => m.ThreadId, t => t.Id, (m, t) => new { m, t })
            .OrderBy(x => x.m.PublishedUtc).ThenBy(x => x.m.Id).Take(take)
            .Select(x => new PublishedMessage(x.m.Id, x.t.Id, x.t.Title, x.t.Culture, x.t.PlaceKind, x.t.PlaceId, x.m.AuthorId, x.m.PublishedUtc!.Value))
            .ToListAsync(cancellationToken);
    }
}
