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
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running))
        {
            try
            {
                await using var scope = scopes.CreateTenantScope(tenant);
                var sent = await scope.ServiceProvider.GetRequiredService<CourseReminders>().SendDueAsync(cancellationToken);
                if (sent > 0)
                {
                    logger.LogInformation("{Count} course reminders queued for tenant {Tenant}.", sent, tenant.Name);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One tenant's failure (its database unreachable) does not keep the others' learners from their reminders.
                logger.LogError(exception, "Course reminders failed for tenant {Tenant}.", tenant.Name);
            }
        }
    }
}
