using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Core.Email;

/// <summary>Queues e-mails in the tenant's database; they leave with the caller's SaveChanges,
/// so a message is sent if and only if the change that caused it was saved.</summary>
public sealed class EmailOutbox(
    LearningDbContext db,
    TimeProvider clock,
    TenantContext tenantContext,
    UnsubscribeLinks unsubscribeLinks,
    EmailPreferences preferences,
    IStringLocalizerFactory localizers)
{
    /// <summary>Encodes text for an e-mail's HTML body, leaving the letters of the six languages as they are (the default
    /// encoder writes every accented letter as an entity).</summary>
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public void Queue(string to, string subject, string textBody, string htmlBody) =>
        Add(to, subject, textBody, htmlBody, unsubscribeUrl: null);

    /// <summary>
    /// Queues a message of a list (<see cref="EmailList"/>) to a person, unless they opted out of it (then false). The
    /// message gets the person's one-click unsubscribe link as <c>List-Unsubscribe</c> (with <c>List-Unsubscribe-Post</c>,
    /// RFC 8058), and a footer with the same link is added to both bodies, in <paramref name="culture"/> (the recipient's
    /// language, which the link's page also takes).
    /// </summary>
    public async Task<bool> QueueToListAsync(string list, string userId, string culture, string to, string subject, string textBody, string htmlBody, CancellationToken cancellationToken)
    {
        var registered = preferences.FindList(list) ?? throw new ArgumentException($"No e-mail list '{list}' is registered.", nameof(list));
        if (await preferences.IsOptedOutAsync(userId, list, cancellationToken))
        {
            return false;
        }

        var link = unsubscribeLinks.Link(tenantContext.Tenant, culture, userId, list);
        var pageCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var s = localizers.Create(typeof(CoreStrings));
            var name = localizers.Create(registered.Strings)[registered.Name].Value;
            string why = s["You receive this e-mail from the list “{0}” of {1}. To stop receiving these e-mails, open this link:", name, tenantContext.Tenant.DisplayName];
            string stop = s["Unsubscribe from “{0}”", name];
            var html = Html;
            Add(
                to,
                subject,
                $"{textBody.TrimEnd()}\n\n-- \n{why}\n{link}\n",
                $"{htmlBody}<hr><p><small>{html.Encode(why)}<br><a href=\"{html.Encode(link)}\">{html.Encode(stop)}</a></small></p>",
                link);
            return true;
        }
        finally
        {
            CultureInfo.CurrentUICulture = pageCulture;
        }
    }

    private void Add(string to, string subject, string textBody, string htmlBody, string? unsubscribeUrl) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = to,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            UnsubscribeUrl = unsubscribeUrl,
        });

    /// <summary>The messages queued or sent to an address, oldest first: a person's part of "download my data".</summary>
    public async Task<IReadOnlyList<SentEmail>> SentToAsync(string address, CancellationToken cancellationToken) =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id)
            .Select(m => new SentEmail(m.Subject, m.CreatedUtc, m.SentUtc, m.TextBody))
            .ToListAsync(cancellationToken);

    /// <summary>Deletes the messages sent before <paramref name="beforeUtc"/>, and those given up (never sent after every
    /// attempt) created before it: the outbox keeps e-mails only for a while. Returns how many went.</summary>
    public Task<int> DeleteOldAsync(DateTime beforeUtc, CancellationToken cancellationToken)
    {
        var before = DateTime.SpecifyKind(beforeUtc, DateTimeKind.Utc);
        return db.OutboxMessages
            .Where(m => m.SentUtc < before || (m.SentUtc == null && m.Attempts >= SendOutboxJob.MaxAttempts && m.CreatedUtc < before))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Forgets every message to an address, when its owner deletes their account.</summary>
    public Task EraseSentToAsync(string address, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => m.To == address).ExecuteDeleteAsync(cancellationToken);
}
