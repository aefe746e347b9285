using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Learning.Modules.Mooc.Reminders;

/// <summary>Looks for inactive learners in a tenant and queues their reminders (<see cref="CourseReminders"/>);
/// the outbox job sends them.</summary>
public sealed class SendRemindersJob(ILogger<SendRemindersJob> logger) : ITenantJob
{
    public async Task RunAsync(Tenant tenant, IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<CourseReminders>().SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("{Count} course reminders queued for tenant {Tenant}.", sent, tenant.Name);
        }
    }
}
