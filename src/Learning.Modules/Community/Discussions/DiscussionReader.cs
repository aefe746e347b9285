using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Discussions;

/// <summary>The discussions as one reader sees them: lists of threads, a thread with its messages, a person's own messages.
/// Authors are named by their display name (Accounts' <see cref="UserDirectory"/>), never their e-mail.</summary>
public sealed class DiscussionReader(LearningDbContext db, UserDirectory directory, MarkdownRenderer markdown)
{
    public const int QuoteLength = 300;

    /// <summary>Replies a thread's page shows: a thread grows without end, its page must not.</summary>
    public const int RepliesPerPage = 50;

    /// <summary>Threads, most recently active first: those of a place when <paramref name="placeKind"/> is given, in
    /// <paramref name="culture"/> unless null (every language); listed ones, plus the reader's own and, for editors, all.</summary>
    public async Task<(IReadOnlyList<ThreadSummary> Threads, int Total)> ThreadsAsync(string? placeKind, string? placeId, string? culture, string? viewerId, bool editor,
        int skip, int take, CancellationToken cancellationToken)
    {
        var threads = Readable(viewerId, editor);
        if (placeKind is not null)
        {
            threads = threads.Where(t => t.PlaceKind == placeKind && t.PlaceId == placeId);
        }

        if (culture is not null)
        {
            threads = threads.Where(t => t.Culture == culture);
        }

        var total = await threads.CountAsync(cancellationToken);
        var messages = db.DiscussionMessages;
        var page = await threads.OrderByDescending(t => t.LastActivityUtc).ThenByDescending(t => t.Id).Skip(skip).Take(take)
            .Select(t => new ThreadSummary(t.Id, t.Title, t.Culture, t.PlaceKind, t.PlaceId, t.AuthorId, t.CreatedUtc, t.LastActivityUtc,
                messages.Count(m => m.ThreadId == t.Id && !m.Opening && m.Status == MessageStatus.Visible), t.Locked, t.Listed))
            .ToListAsync(cancellationToken);
        return (page, total);
    }

    /// <summary>How many threads of a place the reader could see in <paramref name="culture"/> and in other languages: one
    /// query, so that a page whose place has no thread yet (most) pays one.</summary>
    public async Task<(int InCulture, int Others)> PlaceCountsAsync(string placeKind, string placeId, string culture, string? viewerId, bool editor,
        CancellationToken cancellationToken)
    {
        var counts = await Readable(viewerId, editor).Where(t => t.PlaceKind == placeKind && t.PlaceId == placeId)
            .GroupBy(t => t.Culture == culture).Select(g => new { Same = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return (counts.Where(c => c.Same).Sum(c => c.Count), counts.Where(c => !c.Same).Sum(c => c.Count));
    }

    /// <summary>How many threads of a place (or of the tenant) the reader could see in other languages than <paramref name="culture"/>.</summary>
    public Task<int> OtherLanguagesAsync(string? placeKind, string? placeId, string culture, string? viewerId, bool editor, CancellationToken cancellationToken)
    {
        var threads = Readable(viewerId, editor).Where(t => t.Culture != culture);
        if (placeKind is not null)
        {
            threads = threads.Where(t => t.PlaceKind == placeKind && t.PlaceId == placeId);
        }

        return threads.CountAsync(cancellationToken);
    }

    /// <summary>The thread as the reader sees it, or null when they may not (unknown, or held or hidden and not theirs).</summary>
    public Task<ThreadView?> ThreadAsync(int id, string? viewerId, bool editor, CancellationToken cancellationToken) =>
        ThreadAsync(id, viewerId, editor, 1, cancellationToken);

    /// <summary>The thread as the reader sees it with page <paramref name="page"/> of its replies (<see cref="RepliesPerPage"/>
    /// a page, kept within the pages that exist; the question and the pinned answer head every page), or null when they may not.</summary>
    public async Task<ThreadView?> ThreadAsync(int id, string? viewerId, bool editor, int page, CancellationToken cancellationToken)
    {
        var thread = await db.DiscussionThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null || !DiscussionBoard.CanRead(thread, viewerId, editor))
        {
            return null;
        }

        var pinned = thread.PinnedMessageId;
        var shown = Shown(id, viewerId, editor);
        var head = await shown.Where(m => m.Opening || m.Id == pinned).ToListAsync(cancellationToken);
        var replies = Replies(shown, pinned);
        var pager = new Pager(page, RepliesPerPage, await replies.CountAsync(cancellationToken));
        var rows = await replies.OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).Skip(pager.Skip).Take(pager.Size).ToListAsync(cancellationToken);
        var messages = head.OrderBy(m => m.Opening ? 0 : 1).Concat(rows).ToList();
        // Quoted messages may be on other pages (or held, or hidden: then the quote says so).
        var loaded = messages.Select(m => m.Id).ToHashSet();
        var elsewhere = messages.Where(m => m.QuotedMessageId is { } q && !loaded.Contains(q)).Select(m => m.QuotedMessageId!.Value).Distinct().ToList();
        var quoted = elsewhere.Count == 0 ? []
            : await db.DiscussionMessages.AsNoTracking().Where(m => m.ThreadId == id && elsewhere.Contains(m.Id)).ToListAsync(cancellationToken);
        var byId = messages.Concat(quoted).ToDictionary(m => m.Id);
        var names = await NamesAsync(byId.Values.Select(m => m.AuthorId).Append(thread.AuthorId), cancellationToken);
        var views = messages.Select(m => new MessageView(m, Name(names, m.AuthorId), viewerId is not null && m.AuthorId == viewerId, ShowsText(m, viewerId, editor),
            Quote(m.QuotedMessageId, byId, names), m.Id == pinned)).ToList();
        return new ThreadView(thread, Name(names, thread.AuthorId), views) { Pager = pager };
    }

    /// <summary>The page of the thread's replies that shows the message as the reader sees the thread (1 for the question and
    /// the pinned answer, which head every page, and for a message not of the thread).</summary>
    public async Task<int> PageOfAsync(int threadId, int messageId, string? viewerId, bool editor, CancellationToken cancellationToken)
    {
        var pinned = await db.DiscussionThreads.Where(t => t.Id == threadId).Select(t => t.PinnedMessageId).SingleOrDefaultAsync(cancellationToken);
        var message = await db.DiscussionMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId && m.ThreadId == threadId, cancellationToken);
        if (message is null || message.Opening || message.Id == pinned)
        {
            return 1;
        }

        var before = await Replies(Shown(threadId, viewerId, editor), pinned)
            .CountAsync(m => m.CreatedUtc < message.CreatedUtc || (m.CreatedUtc == message.CreatedUtc && m.Id < message.Id), cancellationToken);
        return before / RepliesPerPage + 1;
    }

    /// <summary>A message of the thread a reply may quote (visible, neither deleted nor removed), wherever its page; else null.</summary>
    public async Task<MessageView?> QuotableAsync(int threadId, int messageId, string? viewerId, CancellationToken cancellationToken)
    {
        var message = await db.DiscussionMessages.AsNoTracking().SingleOrDefaultAsync(
            m => m.Id == messageId && m.ThreadId == threadId && m.Status == MessageStatus.Visible && m.DeletedUtc == null && !m.ContentRemoved, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var names = await NamesAsync([message.AuthorId], cancellationToken);
        return new MessageView(message, Name(names, message.AuthorId), viewerId is not null && message.AuthorId == viewerId, true, null, false);
    }

    /// <summary>The thread's messages the reader sees: held ones are their author's and the editors' only.</summary>
    private IQueryable<DiscussionMessage> Shown(int threadId, string? viewerId, bool editor) =>
        db.DiscussionMessages.AsNoTracking().Where(m => m.ThreadId == threadId && (editor || m.Status != MessageStatus.Held || (viewerId != null && m.AuthorId == viewerId)));

    private static IQueryable<DiscussionMessage> Replies(IQueryable<DiscussionMessage> shown, int? pinned) =>
        pinned is { } id ? shown.Where(m => !m.Opening && m.Id != id) : shown.Where(m => !m.Opening);

    /// <summary>The person's messages, newest first, with their threads' titles, status and the editors' reasons.</summary>
    public async Task<IReadOnlyList<(DiscussionMessage Message, string ThreadTitle)>> MineAsync(string userId, int take, CancellationToken cancellationToken) =>
        (await db.DiscussionMessages.AsNoTracking().Where(m => m.AuthorId == userId)
            .Join(db.DiscussionThreads, m => m.ThreadId, t => t.Id, (m, t) => new { Message = m, t.Title })
            .OrderByDescending(x => x.Message.CreatedUtc).ThenByDescending(x => x.Message.Id).Take(take).ToListAsync(cancellationToken))
        .Select(x => (x.Message, x.Title)).ToList();

    /// <summary>The threads the person follows (those they can still read), most recently active first, each with its replies
    /// by others published since they last read it.</summary>
    public async Task<IReadOnlyList<(ThreadSummary Thread, int Unread)>> FollowedAsync(string userId, bool editor, int take, CancellationToken cancellationToken)
    {
        var messages = db.DiscussionMessages;
        var followed = await db.ThreadFollows.AsNoTracking().Where(f => f.UserId == userId)
            .Join(Readable(userId, editor), f => f.ThreadId, t => t.Id, (f, t) => new { f, t })
            .OrderByDescending(x => x.t.LastActivityUtc).ThenByDescending(x => x.t.Id).Take(take)
            .Select(x => new
            {
                Thread = new ThreadSummary(x.t.Id, x.t.Title, x.t.Culture, x.t.PlaceKind, x.t.PlaceId, x.t.AuthorId, x.t.CreatedUtc, x.t.LastActivityUtc,
                    messages.Count(m => m.ThreadId == x.t.Id && !m.Opening && m.Status == MessageStatus.Visible), x.t.Locked, x.t.Listed),
                Unread = messages.Count(m => m.ThreadId == x.t.Id && m.PublishedUtc > x.f.LastReadUtc && m.Status == MessageStatus.Visible && m.DeletedUtc == null
                    && (m.AuthorId == null || m.AuthorId != userId)),
            })
            .ToListAsync(cancellationToken);
        return followed.Select(x => (x.Thread, x.Unread)).ToList();
    }

    public Task<bool> FollowsAsync(string userId, int threadId, CancellationToken cancellationToken) =>
        db.ThreadFollows.AnyAsync(f => f.UserId == userId && f.ThreadId == threadId, cancellationToken);

    /// <summary>Display names by user id; a former member (null id, or an account gone) has none.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken) =>
        (await directory.FindAsync(userIds.OfType<string>().Distinct().ToList(), cancellationToken)).ToDictionary(p => p.Key, p => p.Value.DisplayName);

    /// <summary>The message's text as HTML: Markdown through Content's pipeline, raw HTML off, only safe links.
    /// A text nested deeper than Markdig renders (stored before the pages refused it) shows as plain text instead of failing the page.</summary>
    public string Html(string body)
    {
        try
        {
            return markdown.ToHtml(body);
        }
        catch (ArgumentException)
        {
            return $"<p>{System.Net.WebUtility.HtmlEncode(body)}</p>";
        }
    }

    private string PlainText(string body)
    {
        try
        {
            return markdown.ToPlainText(body);
        }
        catch (ArgumentException)
        {
            return body;
        }
    }

    private IQueryable<DiscussionThread> Readable(string? viewerId, bool editor) =>
        editor ? db.DiscussionThreads.AsNoTracking() : db.DiscussionThreads.AsNoTracking().Where(t => t.Listed || (viewerId != null && t.AuthorId == viewerId));

    private static string? Name(IReadOnlyDictionary<string, string> names, string? userId) => userId is null ? null : names.GetValueOrDefault(userId);

    /// <summary>Everyone reads a visible message's text; a held or hidden one only its author and the editors; a deleted or
    /// removed one nobody.</summary>
    private static bool ShowsText(DiscussionMessage message, string? viewerId, bool editor) =>
        message.DeletedUtc is null && !message.ContentRemoved
        && (message.Status == MessageStatus.Visible || editor || (viewerId is not null && message.AuthorId == viewerId));

    private QuoteView? Quote(int? quotedId, IReadOnlyDictionary<int, DiscussionMessage> byId, IReadOnlyDictionary<string, string> names)
    {
        if (quotedId is not { } id || !byId.TryGetValue(id, out var quoted))
        {
            return null;
        }

        var readable = quoted.DeletedUtc is null && !quoted.ContentRemoved && quoted.Status == MessageStatus.Visible;
        var text = readable ? PlainText(quoted.Body).Trim() : null;
        return new QuoteView(id, Name(names, quoted.AuthorId),
            text is null ? null : TypedTextAttribute.Cut(text, QuoteLength) + (text.Length > QuoteLength ? "…" : ""));
    }
}
