using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Core.Email;

/// <summary>Queues e-mails in the tenant's database; they leave with the caller's SaveChanges,
/// so a message is sent if and only if the change that caused it was saved.</summary>
public sealed class EmailOutbox(LearningDbContext db, TimeProvider clock)
{
    public void Queue(string to, string subject, string textBody, string htmlBody) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = to,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
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
