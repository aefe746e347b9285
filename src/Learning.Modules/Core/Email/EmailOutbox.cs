using Learning.Modules.Data;

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
}
