using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Learning.Modules.Core.Email;

/// <summary>Sends a tenant's pending e-mails. A message that fails is tried again at the next run,
/// up to <see cref="MaxAttempts"/> times, and keeps its last error for the administrators.</summary>
public sealed class SendOutboxJob(EmailSender sender, TimeProvider clock, ILogger<SendOutboxJob> logger) : ITenantJob
{
    public const int MaxAttempts = 5;
    private const int BatchSize = 50;

    public Task RunAsync(Tenant tenant, IServiceProvider tenantServices, CancellationToken cancellationToken) =>
        SendPendingAsync(tenantServices.GetRequiredService<LearningDbContext>(), cancellationToken);

    private async Task SendPendingAsync(LearningDbContext db, CancellationToken cancellationToken)
    {
        var pending = await db.OutboxMessages
            .Where(m => m.SentUtc == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in pending)
        {
            message.Attempts++;
            try
            {
                await sender.SendAsync(message, cancellationToken);
                message.SentUtc = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "E-mail {Id} could not be sent (attempt {Attempt}).", message.Id, message.Attempts);
                message.LastError = exception.Message;
            }

            // Saved per message, so that a crash never sends the same e-mail twice.
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The message was erased meanwhile (its recipient deleted their account): nothing to record.
                db.Entry(message).State = EntityState.Detached;
            }
        }
    }
}
