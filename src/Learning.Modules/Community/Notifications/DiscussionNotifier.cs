using System.Globalization;
using System.Text;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Community.Discussions.Contracts;
using Learning.Modules.Content;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Community.Notifications;

/// <summary>
/// E-mails the followers of discussions, in the current tenant. Reads the messages readers can see that were published since
/// its last run (<see cref="DiscussionActivity"/>, a watermark in <see cref="NotificationRun"/>, re-reading a few minutes
/// before it so that a message saved while the last run read is not missed). Each follower of the thread, and for a new
/// thread each follower of its place, who chose <see cref="NotificationMode.EachMessage"/> gets one e-mail per message;
/// once a day from <see cref="NotificationOptions.DigestHourUtc"/>, those who chose <see cref="NotificationMode.DailyDigest"/>
/// get one e-mail listing the messages since the last digest. Never for one's own message, for one published before one
/// chose e-mails or followed, to an account that is gone, unconfirmed or off the list; never the same message twice
/// (<see cref="NotifiedMessage"/>).
/// </summary>
public sealed class DiscussionNotifier(
    LearningDbContext db,
    DiscussionActivity activity,
    UserDirectory directory,
    EmailPreferences preferences,
    EmailOutbox outbox,
    MarkdownRenderer markdown,
    TenantContext tenantContext,
    TenantAddresses addresses,
    IOptions<NotificationOptions> options,
    IStringLocalizer<CommunityStrings> S,
    TimeProvider clock)
{
    /// <summary>How far before the watermark each run reads again.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    public const int BatchSize = 500;

    public const int ExcerptLength = 300;

    public const int TextLength = 3000;

    /// <summary>Sends what is due now; returns how many e-mails were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = await db.NotificationRuns.SingleOrDefaultAsync(r => r.Id == NotificationRun.SingleId, cancellationToken);
        var choices = await db.NotificationChoices.AsNoTracking().Where(c => c.Mode != NotificationMode.None).ToListAsync(cancellationToken);
        var firstRun = run is null;
        if (run is null)
        {
            run = new NotificationRun { ThroughUtc = choices.Count == 0 ? now : choices.Min(c => c.SinceUtc) };
            db.NotificationRuns.Add(run);
        }

        var sent = 0;
        var each = choices.Where(c => c.Mode == NotificationMode.EachMessage).ToDictionary(c => c.UserId, c => c.SinceUtc, StringComparer.Ordinal);
        if (each.Count > 0)
        {
            foreach (var batch in await PublishedAsync(firstRun ? run.ThroughUtc : run.ThroughUtc - Overlap, now, cancellationToken))
            {
                var recipients = await RecipientsAsync(batch, each, cancellationToken);
                var contacts = await ContactsAsync(recipients.SelectMany(r => r.Value).ToList(), cancellationToken);
                var authors = await directory.FindAsync(batch.Select(m => m.Message.AuthorId).OfType<string>().Distinct().ToList(), cancellationToken);
                foreach (var message in batch)
                {
                    foreach (var userId in recipients.GetValueOrDefault(message.Message.MessageId, []))
                    {
                        if (contacts.TryGetValue(userId, out var contact)
                            && await QueueOneAsync(contact, message, authors.GetValueOrDefault(message.Message.AuthorId ?? "")?.DisplayName, cancellationToken))
                        {
                            db.NotifiedMessages.Add(new NotifiedMessage { UserId = userId, MessageId = message.Message.MessageId, SentUtc = now });
                            sent++;
                        }
                    }
                }

                // The e-mails and the record of them are saved together: one is sent if and only if the other is recorded.
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (now.Hour >= Math.Clamp(options.Value.DigestHourUtc, 0, 23) && (run.LastDigestUtc is null || run.LastDigestUtc.Value.Date < now.Date))
        {
            sent += await SendDigestsAsync(run.LastDigestUtc ?? now.AddDays(-1), now, choices, cancellationToken);
            run.LastDigestUtc = now;
        }

        run.ThroughUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        var keep = now.AddDays(-Math.Max(2, options.Value.KeepSentDays));
        await db.NotifiedMessages.Where(n => n.SentUtc < keep).ExecuteDeleteAsync(cancellationToken);
        return sent;
    }

    private async Task<int> SendDigestsAsync(DateTime fromUtc, DateTime now, IReadOnlyList<NotificationChoice> choices, CancellationToken cancellationToken)
    {
        var digest = choices.Where(c => c.Mode == NotificationMode.DailyDigest).ToDictionary(c => c.UserId, c => c.SinceUtc, StringComparer.Ordinal);
        if (digest.Count == 0)
        {
            return 0;
        }

        var messages = (await PublishedAsync(fromUtc - Overlap, now, cancellationToken)).SelectMany(b => b).ToList();
        var recipients = await RecipientsAsync(messages, digest, cancellationToken);
        var byPerson = recipients.SelectMany(r => r.Value.Select(u => (UserId: u, MessageId: r.Key))).GroupBy(x => x.UserId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.MessageId).ToHashSet());
        var contacts = await ContactsAsync(byPerson.Keys.ToList(), cancellationToken);
        var authors = await directory.FindAsync(messages.Select(m => m.Message.AuthorId).OfType<string>().Distinct().ToList(), cancellationToken);
        var sent = 0;
        foreach (var (userId, ids) in byPerson)
        {
            if (!contacts.TryGetValue(userId, out var contact))
            {
                continue;
            }

            var mine = messages.Where(m => ids.Contains(m.Message.MessageId)).ToList();
            if (await QueueDigestAsync(contact, mine, authors, cancellationToken))
            {
                db.NotifiedMessages.AddRange(mine.Select(m => new NotifiedMessage { UserId = userId, MessageId = m.Message.MessageId, SentUtc = now, Digest = true }));
                sent++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    private sealed record Published(PublishedMessage Message, string Body, bool Opening);

    /// <summary>The messages published after <paramref name="fromUtc"/> up to <paramref name="toUtc"/>, in batches, with their text.</summary>
    private async Task<List<List<Published>>> PublishedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var batches = new List<List<Published>>();
        var seen = new HashSet<int>();
        var from = fromUtc;
        while (true)
        {
            var found = await activity.PublishedSinceAsync(from, null, BatchSize, cancellationToken);
            var fresh = found.Where(m => m.PublishedUtc <= toUtc && seen.Add(m.MessageId)).ToList();
            if (fresh.Count > 0)
            {
                var ids = fresh.Select(m => m.MessageId).ToList();
                var texts = await db.DiscussionMessages.AsNoTracking().Where(m => ids.Contains(m.Id))
                    .Select(m => new { m.Id, m.Body, m.Opening }).ToDictionaryAsync(m => m.Id, cancellationToken);
                batches.Add(fresh.Where(m => texts.ContainsKey(m.MessageId)).Select(m => new Published(m, texts[m.MessageId].Body, texts[m.MessageId].Opening)).ToList());
            }

            if (found.Count < BatchSize || found[^1].PublishedUtc > toUtc)
            {
                return batches;
            }

            // Messages of the same instant may straddle two batches: read from just before it (the ids already seen are skipped).
            var next = found[^1].PublishedUtc.AddTicks(-1);
            from = next > from ? next : found[^1].PublishedUtc;
        }
    }

    /// <summary>For each message, those of <paramref name="people"/> (their ids and when they turned e-mails on) to tell of it:
    /// the thread's followers, and for a thread's opening message its place's followers, who followed and turned e-mails on
    /// before it was published, who did not write it and were not told of it yet.</summary>
    private async Task<Dictionary<int, List<string>>> RecipientsAsync(IReadOnlyList<Published> messages, IReadOnlyDictionary<string, DateTime> people,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, List<string>>();
        if (messages.Count == 0)
        {
            return result;
        }

        var threadIds = messages.Select(m => m.Message.ThreadId).Distinct().ToList();
        var threadFollows = (await db.ThreadFollows.AsNoTracking().Where(f => threadIds.Contains(f.ThreadId))
                .Select(f => new { f.UserId, f.ThreadId, f.FollowedUtc }).ToListAsync(cancellationToken))
            .Where(f => people.ContainsKey(f.UserId)).ToLookup(f => f.ThreadId);
        var placeIds = messages.Where(m => m.Opening).Select(m => m.Message.PlaceId).Distinct().ToList();
        var placeFollows = placeIds.Count == 0
            ? Enumerable.Empty<PlaceFollow>().ToLookup(f => (f.PlaceKind, f.PlaceId))
            : (await db.PlaceFollows.AsNoTracking().Where(f => placeIds.Contains(f.PlaceId)).ToListAsync(cancellationToken))
                .Where(f => people.ContainsKey(f.UserId)).ToLookup(f => (f.PlaceKind, f.PlaceId));
        var messageIds = messages.Select(m => m.Message.MessageId).ToList();
        var told = (await db.NotifiedMessages.AsNoTracking().Where(n => messageIds.Contains(n.MessageId))
            .Select(n => new { n.UserId, n.MessageId }).ToListAsync(cancellationToken)).Select(n => (n.UserId, n.MessageId)).ToHashSet();
        foreach (var item in messages)
        {
            var message = item.Message;
            var to = threadFollows[message.ThreadId].Where(f => f.FollowedUtc <= message.PublishedUtc).Select(f => f.UserId);
            if (item.Opening)
            {
                to = to.Concat(placeFollows[(message.PlaceKind, message.PlaceId)]
                    .Where(f => f.FollowedUtc <= message.PublishedUtc && (f.Culture is null || f.Culture == message.Culture)).Select(f => f.UserId));
            }

            var list = to.Distinct(StringComparer.Ordinal)
                .Where(u => u != message.AuthorId && people[u] <= message.PublishedUtc && !told.Contains((u, message.MessageId)))
                .ToList();
            if (list.Count > 0)
            {
                result[message.MessageId] = list;
            }
        }

        return result;
    }

    /// <summary>Those who may be e-mailed: accounts that exist with a confirmed address, not off the list.</summary>
    private async Task<IReadOnlyDictionary<string, UserContact>> ContactsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<string, UserContact>();
        }

        var contacts = await directory.ContactsAsync(userIds, cancellationToken);
        var optedOut = await preferences.OptedOutAsync(userIds, DiscussionSubscriptions.List, cancellationToken);
        return contacts.Where(c => !optedOut.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    private string Culture(UserContact contact) =>
        tenantContext.Tenant.Supports(contact.PreferredCulture) ? contact.PreferredCulture : tenantContext.Tenant.DefaultCulture;

    private string Link(string culture, string relative) => UnsubscribeLinks.Absolute(addresses, tenantContext.Tenant, culture, relative);

    /// <summary>The message as plain text (Markdown taken off), cut at <paramref name="length"/> characters.</summary>
    public string PlainText(string body, int length)
    {
        string text;
        try
        {
            text = markdown.ToPlainText(body).Trim();
        }
        catch (ArgumentException)
        {
            text = body.Trim();
        }

        return text.Length <= length ? text : text[..length].TrimEnd() + "…";
    }

    private async Task<bool> QueueOneAsync(UserContact contact, Published item, string? authorName, CancellationToken cancellationToken)
    {
        var culture = Culture(contact);
        var message = item.Message;
        var link = Link(culture, $"discussions/{message.ThreadId}#message-{message.MessageId}");
        var settings = Link(culture, "discussions/followed");
        var pageCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var author = authorName ?? (string)S["Former member"];
            string subject = item.Opening ? S["New discussion: “{0}”", message.ThreadTitle] : S["New reply in “{0}”", message.ThreadTitle];
            string greeting = S["Hello {0},", contact.DisplayName];
            string intro = item.Opening ? S["{0} started the discussion “{1}”:", author, message.ThreadTitle] : S["{0} wrote in “{1}”:", author, message.ThreadTitle];
            string read = S["Read it and reply:"];
            string why = S["You receive this e-mail because you follow this discussion or its place and chose an e-mail for each message. Change your choice here:"];
            var text = PlainText(item.Body, TextLength);
            var html = EmailOutbox.Html;
            var quoted = string.Join("\n", text.Split('\n').Select(l => "> " + l));
            return await outbox.QueueToListAsync(
                DiscussionSubscriptions.List,
                contact.Id,
                culture,
                contact.Email,
                subject,
                $"{greeting}\n\n{intro}\n\n{quoted}\n\n{read}\n{link}\n\n{why}\n{settings}\n",
                $"<p>{html.Encode(greeting)}</p><p>{html.Encode(intro)}</p><blockquote style=\"white-space:pre-line\">{html.Encode(text)}</blockquote>"
                + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(read)}</a></p><p>{html.Encode(why)} <a href=\"{html.Encode(settings)}\">{html.Encode(settings)}</a></p>",
                cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = pageCulture;
        }
    }

    private async Task<bool> QueueDigestAsync(UserContact contact, IReadOnlyList<Published> messages, IReadOnlyDictionary<string, UserSummary> authors, CancellationToken cancellationToken)
    {
        var culture = Culture(contact);
        var settings = Link(culture, "discussions/followed");
        var pageCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var site = tenantContext.Tenant.DisplayName;
            string subject = S["Your discussions of the day – {0}", site];
            string greeting = S["Hello {0},", contact.DisplayName];
            string intro = S["New messages in the discussions you follow: {0}.", messages.Count];
            string why = S["You receive this e-mail because you follow these discussions or their places and chose a daily digest. Change your choice here:"];
            var html = EmailOutbox.Html;
            var text = new StringBuilder($"{greeting}\n\n{intro}\n");
            var body = new StringBuilder($"<p>{html.Encode(greeting)}</p><p>{html.Encode(intro)}</p>");
            foreach (var thread in messages.GroupBy(m => m.Message.ThreadId))
            {
                var title = thread.First().Message.ThreadTitle;
                var threadLink = Link(culture, $"discussions/{thread.Key}");
                text.Append($"\n== {title} ==\n{threadLink}\n");
                body.Append($"<h2><a href=\"{html.Encode(threadLink)}\">{html.Encode(title)}</a></h2><ul>");
                foreach (var item in thread)
                {
                    var author = authors.GetValueOrDefault(item.Message.AuthorId ?? "")?.DisplayName ?? (string)S["Former member"];
                    string line = item.Opening ? S["{0} started the discussion:", author] : S["{0} wrote:", author];
                    var excerpt = PlainText(item.Body, ExcerptLength);
                    var link = Link(culture, $"discussions/{item.Message.ThreadId}#message-{item.Message.MessageId}");
                    text.Append($"\n{line}\n{excerpt}\n{link}\n");
                    body.Append($"<li><p><a href=\"{html.Encode(link)}\">{html.Encode(line)}</a></p><p style=\"white-space:pre-line\">{html.Encode(excerpt)}</p></li>");
                }

                body.Append("</ul>");
            }

            text.Append($"\n{why}\n{settings}\n");
            body.Append($"<p>{html.Encode(why)} <a href=\"{html.Encode(settings)}\">{html.Encode(settings)}</a></p>");
            return await outbox.QueueToListAsync(DiscussionSubscriptions.List, contact.Id, culture, contact.Email, subject, text.ToString(), body.ToString(), cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = pageCulture;
        }
    }
}
