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
    public async Task<ThreadView?> ThreadAsync(int id, string? viewerId, bool editor, CancellationToken cancellationToken)
    {
        var thread = await db.DiscussionThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null || !DiscussionBoard.CanRead(thread, viewerId, editor))
        {
            return null;
        }

        var all = await db.DiscussionMessages.AsNoTracking().Where(m => m.ThreadId == id).OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        // Held messages are their author's and the editors' only.
        var messages = all.Where(m => m.Status != MessageStatus.Held || editor || (viewerId is not null && m.AuthorId == viewerId)).ToList();
        var names = await NamesAsync(messages.Select(m => m.AuthorId).Append(thread.AuthorId), cancellationToken);
        var byId = all.ToDictionary(m => m.Id);
        var views = messages.Select(m => new MessageView(m, Name(names, m.AuthorId), viewerId is not null && m.AuthorId == viewerId, ShowsText(m, viewerId, editor),
            Quote(m.QuotedMessageId, byId, names), m.Id == thread.PinnedMessageId)).ToList();
        var ordered = views.Where(v => v.Message.Opening).Concat(views.Where(v => v.Pinned)).Concat(views.Where(v => !v.Message.Opening && !v.Pinned)).ToList();
        return new ThreadView(thread, Name(names, thread.AuthorId), ordered);
    }

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
