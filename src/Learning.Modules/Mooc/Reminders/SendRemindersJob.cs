using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Learning.Modules.Mooc.Reminders;

/// <summary>Looks for inactive learners in every running tenant and queues their reminders (<see cref="CourseReminders"/>);
/// the outbox job sends them.</summary>
[DisallowConcurrentExecution]
public sealed class SendRemindersJob(TenantRegistry registry, IServiceScopeFactory scopes, ILogger<SendRemindersJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await scopes.ForEachRunningTenantAsync(registry, logger, "Course reminders", async (tenant, services) =>
        {
            var sent = await services.GetRequiredService<CourseReminders>().SendDueAsync(cancellationToken);
            if (sent > 0)
            {
                logger.LogInformation("{Count} course reminders queued for tenant {Tenant}.", sent, tenant.Name);
            }
        }, cancellationToken);
    }
}
