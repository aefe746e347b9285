using Learning.Modules.Content;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Community.Discussions;

/// <summary>
/// What people do in the discussions, with its rules: who may post and where, the rate limits, holding a new account's
/// first messages, editing in time, deleting, reporting, and the editors' moderation. The pages check the input's form
/// (lengths, control characters) and who is an editor; this checks everything that depends on the stored rows.
/// </summary>
/// <remarks>Visitors' pages of practices and parts come from the output cache with the list of their threads: the cache is
/// emptied when that list changes (a thread listed, hidden or retitled), not for every reply, which the list does not show.</remarks>
public sealed class DiscussionBoard(LearningDbContext db, DiscussionSettingsStore settingsStore, IOptions<CommunityOptions> options, TimeProvider clock,
    ContentChanges changes, TenantContext tenant)
{
    private CommunityOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens a thread with its first message; the new thread's id comes back with <see cref="DiscussionOutcome.Done"/>
    /// or <see cref="DiscussionOutcome.Held"/>.</summary>
    public async Task<(DiscussionOutcome Outcome, int ThreadId)> StartAsync(string userId, bool editor, DiscussionPlace place, string culture, string title, string body,
        CancellationToken cancellationToken)
    {
        if (await LimitAsync(userId, cancellationToken) is { } limited)
        {
            return (limited, 0);
        }

        var now = Now;
        var held = await HoldsAsync(userId, editor, cancellationToken);
        var thread = new DiscussionThread
        {
            PlaceKind = place.Kind, PlaceId = place.Id, Culture = culture, Title = title, AuthorId = userId, CreatedUtc = now, LastActivityUtc = now, Listed = !held,
        };
        db.DiscussionThreads.Add(thread);
        await db.SaveChangesAsync(cancellationToken);
        db.DiscussionMessages.Add(NewMessage(thread.Id, userId, null, body, held, now, opening: true));
        // Who asks wants the answers.
        db.ThreadFollows.Add(new ThreadFollow { UserId = userId, ThreadId = thread.Id, FollowedUtc = now, LastReadUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        if (!held)
        {
            await EvictAsync(cancellationToken);
        }

        return (held ? DiscussionOutcome.Held : DiscussionOutcome.Done, thread.Id);
    }

    /// <summary>Answers a thread the person can read, quoting one of its messages they can read when <paramref name="quotedId"/> is given.</summary>
    public async Task<(DiscussionOutcome Outcome, int MessageId)> ReplyAsync(string userId, bool editor, int threadId, int? quotedId, string body, CancellationToken cancellationToken)
    {
        var thread = await db.DiscussionThreads.SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null || !CanRead(thread, userId, editor))
        {
            return (DiscussionOutcome.NotFound, 0);
        }

        if (thread.Locked)
        {
            return (DiscussionOutcome.Locked, 0);
        }

        if (quotedId is { } quoted && !await db.DiscussionMessages.AnyAsync(
                m => m.Id == quoted && m.ThreadId == threadId && m.DeletedUtc == null && m.Status == MessageStatus.Visible, cancellationToken))
        {
            return (DiscussionOutcome.NotFound, 0);
        }

        if (await LimitAsync(userId, cancellationToken) is { } limited)
        {
            return (limited, 0);
        }

        var now = Now;
        var held = await HoldsAsync(userId, editor, cancellationToken);
        var message = NewMessage(threadId, userId, quotedId, body, held, now, opening: false);
        db.DiscussionMessages.Add(message);
        if (!held)
        {
            thread.LastActivityUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (held ? DiscussionOutcome.Held : DiscussionOutcome.Done, message.Id);
    }

    /// <summary>The author changes their message (and the thread's title, for its opening message) within the time allowed.</summary>
    public async Task<DiscussionOutcome> EditAsync(string userId, int messageId, string body, string? title, CancellationToken cancellationToken)
    {
        var message = await db.DiscussionMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return DiscussionOutcome.NotFound;
        }

        if (message.AuthorId != userId)
        {
            return DiscussionOutcome.NotYours;
        }

        if (message.DeletedUtc is not null || message.Status == MessageStatus.Hidden)
        {
            return DiscussionOutcome.Gone;
        }

        if (!CanStillEdit(message))
        {
            return DiscussionOutcome.TooLate;
        }

        message.Body = body;
        message.EditedUtc = Now;
        var retitled = false;
        if (message.Opening && title is not null)
        {
            var thread = await db.DiscussionThreads.SingleAsync(t => t.Id == message.ThreadId, cancellationToken);
            retitled = thread.Title != title && thread.Listed;
            thread.Title = title;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (retitled)
        {
            await EvictAsync(cancellationToken);
        }

        return DiscussionOutcome.Done;
    }

    /// <summary>Whether the author may still change the message (the page offers the link only then).</summary>
    public bool CanStillEdit(DiscussionMessage message) => Now - message.CreatedUtc <= TimeSpan.FromMinutes(Options.EditMinutes);

    /// <summary>The author deletes their message: its text goes, its place stays as "message deleted".</summary>
    public async Task<DiscussionOutcome> DeleteAsync(string userId, int messageId, CancellationToken cancellationToken)
    {
        var message = await db.DiscussionMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return DiscussionOutcome.NotFound;
        }

        if (message.AuthorId != userId)
        {
            return DiscussionOutcome.NotYours;
        }

        if (message.DeletedUtc is not null)
        {
            return DiscussionOutcome.Gone;
        }

        message.DeletedUtc = Now;
        message.Body = "";
        await db.DiscussionThreads.Where(t => t.Id == message.ThreadId && t.PinnedMessageId == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.PinnedMessageId, (int?)null), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return DiscussionOutcome.Done;
    }

    /// <summary>A signed-in person reports someone else's message they can read; reporting it again replaces their reason.</summary>
    public async Task<DiscussionOutcome> ReportAsync(string userId, bool editor, int messageId, string reason, CancellationToken cancellationToken)
    {
        var message = await db.DiscussionMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        var thread = message is null ? null : await db.DiscussionThreads.AsNoTracking().SingleAsync(t => t.Id == message.ThreadId, cancellationToken);
        if (message is null || thread is null || !CanRead(thread, userId, editor) || message.Status != MessageStatus.Visible || message.DeletedUtc is not null)
        {
            return DiscussionOutcome.NotFound;
        }

        if (message.AuthorId == userId)
        {
            return DiscussionOutcome.NotYours;
        }

        var open = await db.MessageReports.SingleOrDefaultAsync(r => r.MessageId == messageId && r.ReporterId == userId && r.ResolvedUtc == null, cancellationToken);
        if (open is null)
        {
            if (await LimitAsync(userId, cancellationToken) is { } limited)
            {
                return limited;
            }

            db.MessageReports.Add(new MessageReport { MessageId = messageId, ReporterId = userId, Reason = reason, CreatedUtc = Now });
        }
        else
        {
            open.Reason = reason;
        }

        await db.SaveChangesAsync(cancellationToken);
        return DiscussionOutcome.Done;
    }

    /// <summary>An editor hides a message with the reason its author will read; its reports are settled.</summary>
    public Task<DiscussionOutcome> HideAsync(string editorId, int messageId, string reason, CancellationToken cancellationToken) =>
        ModerateAsync(editorId, messageId, MessageStatus.Hidden, reason, cancellationToken);

    /// <summary>An editor shows a hidden message again, with a reason for its author if they wish.</summary>
    public Task<DiscussionOutcome> RestoreAsync(string editorId, int messageId, string? reason, CancellationToken cancellationToken) =>
        ModerateAsync(editorId, messageId, MessageStatus.Visible, reason, cancellationToken);

    /// <summary>An editor lets a held message through: readers see it from now on.</summary>
    public async Task<DiscussionOutcome> ApproveAsync(string editorId, int messageId, CancellationToken cancellationToken)
    {
        var message = await db.DiscussionMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return DiscussionOutcome.NotFound;
        }

        if (message.Status != MessageStatus.Held)
        {
            return DiscussionOutcome.Gone;
        }

        return await ModerateAsync(editorId, messageId, MessageStatus.Visible, null, cancellationToken);
    }

    /// <summary>An editor settles a message's reports without acting on it.</summary>
    public async Task<DiscussionOutcome> DismissReportsAsync(string editorId, int messageId, CancellationToken cancellationToken)
    {
        var now = Now;
        var settled = await db.MessageReports.Where(r => r.MessageId == messageId && r.ResolvedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedUtc, now).SetProperty(r => r.ResolvedBy, editorId), cancellationToken);
        return settled == 0 ? DiscussionOutcome.NotFound : DiscussionOutcome.Done;
    }

    /// <summary>An editor locks a thread (no more replies) or opens it again.</summary>
    public async Task<DiscussionOutcome> LockAsync(int threadId, bool locked, CancellationToken cancellationToken) =>
        await db.DiscussionThreads.Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Locked, locked), cancellationToken) == 0
            ? DiscussionOutcome.NotFound : DiscussionOutcome.Done;

    /// <summary>An editor pins a useful answer of the thread (shown first after the question), or unpins it with null.</summary>
    public async Task<DiscussionOutcome> PinAsync(int threadId, int? messageId, CancellationToken cancellationToken)
    {
        var thread = await db.DiscussionThreads.SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return DiscussionOutcome.NotFound;
        }

        if (messageId is { } id && !await db.DiscussionMessages.AnyAsync(
                m => m.Id == id && m.ThreadId == threadId && !m.Opening && m.Status == MessageStatus.Visible && m.DeletedUtc == null, cancellationToken))
        {
            return DiscussionOutcome.NotFound;
        }

        thread.PinnedMessageId = messageId;
        await db.SaveChangesAsync(cancellationToken);
        return DiscussionOutcome.Done;
    }

    /// <summary>The person follows a thread they can read (from now: earlier replies count as read), or stops following it.</summary>
    public async Task<DiscussionOutcome> FollowAsync(string userId, bool editor, int threadId, bool follow, CancellationToken cancellationToken)
    {
        var thread = await db.DiscussionThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null || !CanRead(thread, userId, editor))
        {
            return DiscussionOutcome.NotFound;
        }

        var existing = await db.ThreadFollows.SingleOrDefaultAsync(f => f.UserId == userId && f.ThreadId == threadId, cancellationToken);
        if (follow && existing is null)
        {
            db.ThreadFollows.Add(new ThreadFollow { UserId = userId, ThreadId = threadId, FollowedUtc = Now, LastReadUtc = Now });
        }
        else if (!follow && existing is not null)
        {
            db.ThreadFollows.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        return DiscussionOutcome.Done;
    }

    /// <summary>The person opened a thread they follow: its replies so far are read.</summary>
    public Task MarkReadAsync(string userId, int threadId, CancellationToken cancellationToken)
    {
        var now = Now;
        return db.ThreadFollows.Where(f => f.UserId == userId && f.ThreadId == threadId).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastReadUtc, now), cancellationToken);
    }

    /// <summary>Whether the person (null for a visitor) may read the thread: a listed one, or their own, or any for an editor.</summary>
    public static bool CanRead(DiscussionThread thread, string? userId, bool editor) =>
        thread.Listed || editor || (userId is not null && thread.AuthorId == userId);

    private async Task<DiscussionOutcome> ModerateAsync(string editorId, int messageId, MessageStatus status, string? reason, CancellationToken cancellationToken)
    {
        var message = await db.DiscussionMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return DiscussionOutcome.NotFound;
        }

        var now = Now;
        message.Status = status;
        message.ModerationReason = reason;
        message.ModeratedBy = editorId;
        message.ModeratedUtc = now;
        var thread = await db.DiscussionThreads.SingleAsync(t => t.Id == message.ThreadId, cancellationToken);
        if (status == MessageStatus.Visible && message.PublishedUtc is null)
        {
            message.PublishedUtc = now;
            thread.LastActivityUtc = now;
        }

        if (status == MessageStatus.Hidden && thread.PinnedMessageId == messageId)
        {
            thread.PinnedMessageId = null;
        }

        var listed = thread.Listed;
        if (message.Opening)
        {
            thread.Listed = status == MessageStatus.Visible;
        }

        await db.MessageReports.Where(r => r.MessageId == messageId && r.ResolvedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedUtc, now).SetProperty(r => r.ResolvedBy, editorId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (listed != thread.Listed)
        {
            await EvictAsync(cancellationToken);
        }

        return DiscussionOutcome.Done;
    }

    private static DiscussionMessage NewMessage(int threadId, string userId, int? quotedId, string body, bool held, DateTime now, bool opening) => new()
    {
        ThreadId = threadId, AuthorId = userId, QuotedMessageId = quotedId, Body = body, Opening = opening, CreatedUtc = now,
        Status = held ? MessageStatus.Held : MessageStatus.Visible, PublishedUtc = held ? null : now,
    };

    /// <summary>Against flooding: the person's messages and reports, then the whole tenant's messages, in the last minute.
    /// Counted from the tables, so that it holds across restarts and several nodes.</summary>
    private async Task<DiscussionOutcome?> LimitAsync(string userId, CancellationToken cancellationToken)
    {
        var since = Now.AddMinutes(-1);
        var own = await db.DiscussionMessages.CountAsync(m => m.AuthorId == userId && m.CreatedUtc > since, cancellationToken)
            + await db.MessageReports.CountAsync(r => r.ReporterId == userId && r.CreatedUtc > since, cancellationToken);
        if (own >= Options.MessagesPerMinutePerPerson)
        {
            return DiscussionOutcome.TooManyForPerson;
        }

        return await db.DiscussionMessages.CountAsync(m => m.CreatedUtc > since, cancellationToken) >= Options.MessagesPerMinutePerTenant
            ? DiscussionOutcome.TooManyForTenant : null;
    }

    /// <summary>A new account's messages wait for approval while the tenant holds first messages and fewer than
    /// <see cref="CommunityOptions.HeldFirstMessages"/> of theirs were published; editors' never do.</summary>
    private async Task<bool> HoldsAsync(string userId, bool editor, CancellationToken cancellationToken) =>
        !editor && (await settingsStore.GetAsync(cancellationToken)).HoldFirstMessages
        && await db.DiscussionMessages.CountAsync(m => m.AuthorId == userId && m.PublishedUtc != null, cancellationToken) < Options.HeldFirstMessages;

    /// <summary>Visitors' cached pages of practices and parts show the new list of threads (or the tenant's new settings).</summary>
    public Task EvictAsync(CancellationToken cancellationToken) =>
        changes.PagesChangedAsync(tenant.Tenant.Name);
}
