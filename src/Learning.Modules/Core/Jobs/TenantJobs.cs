using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Learning.Modules.Core.Jobs;

/// <summary>
/// The two methods Hangfire runs. <see cref="Dispatch"/> is each kind's recurring job: it enqueues one
/// <see cref="RunAsync"/> per running tenant, carrying the tenant's name, which opens the tenant's scope and runs the
/// kind's <see cref="ITenantJob"/>.
/// <para>Two runs of one kind for one tenant never overlap: the dispatcher records, for each kind and tenant, the job it
/// enqueued last (a hash in the job storage), and enqueues another only when that one has ended (succeeded, failed
/// after its retries, deleted or expired); a run that is not the one recorded (an old job enqueued again from the
/// dashboard) does nothing. A job being processed is never handed to another worker while its node lives (PostgreSQL:
/// sliding invisibility, see <see cref="JobsSettings.InvisibilityTimeoutSeconds"/>), and is taken over by another node
/// once its node died. (A lock of the storage held during the run would not do: Hangfire.PostgreSql's locks are rows
/// that outlive a dead node for <c>DistributedLockTimeout</c>, ten minutes, and are not renewed for a live one.)</para>
/// </summary>
public sealed class TenantJobs(IEnumerable<TenantJobDefinition> definitions, TenantRegistry registry, IServiceScopeFactory scopes,
    IBackgroundJobClient client, JobsStart start, ILogger<TenantJobs> logger)
{
    /// <summary>Retries of a tenant's failed run, at Hangfire's growing delays (after about 30 s, 45 s, 75 s, 2½ min and 6 min),
    /// before it is left failed in the dashboard; the next run of its kind starts afresh.</summary>
    public const int RetryAttempts = 5;

    /// <summary>This node, as the jobs' log lines name it: machine name and process id (also the Hangfire server's name).</summary>
    public static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>The hash of the job storage holding, per tenant, the job of kind <paramref name="job"/> enqueued last.</summary>
    public static string LastJobs(string job) => $"learning:tenant-jobs:{job}";

    /// <summary>Enqueues one run of <paramref name="job"/> per running tenant whose previous run has ended.</summary>
    [JobDisplayName("{0}: a job per running tenant")]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)] // the next occurrence comes soon
    public void Dispatch(string job, PerformContext? context)
    {
        var definition = Find(job);
        if (definition is null || context is null)
        {
            return;
        }

        if (start.Elapsed < definition.FirstRunAfter)
        {
            logger.LogDebug("Job {Job} waits until {Delay} after this node started.", job, definition.FirstRunAfter);
            return;
        }

        var connection = context.Connection;
        // Two dispatchers of one kind (two occurrences, on two nodes) never enqueue for the same tenant at once. The lock
        // is held for milliseconds; when it cannot be had (another dispatcher, or one whose node died while holding it:
        // the storage frees it after its lock timeout), this occurrence is skipped rather than keep a worker waiting.
        IDisposable dispatching;
        try
        {
            dispatching = connection.AcquireDistributedLock($"learning:dispatch:{job}", TimeSpan.FromSeconds(5));
        }
        catch (DistributedLockTimeoutException)
        {
            logger.LogWarning("Job {Job}: another dispatch holds its lock; this occurrence is skipped.", job);
            return;
        }

        using var _ = dispatching;
        var last = connection.GetAllEntriesFromHash(LastJobs(job)) ?? new Dictionary<string, string>();
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running))
        {
            if (last.TryGetValue(tenant.Name, out var previous) && !HasEnded(connection, previous))
            {
                logger.LogDebug("Job {Job} for tenant {Tenant}: the previous run ({Id}) has not ended.", job, tenant.Name, previous);
                continue;
            }

            // Recorded before it can run (a worker may take an enqueued job at once, and would find another recorded):
            // created scheduled, recorded, then enqueued. Should this node die in between, the scheduler enqueues it anyway.
            var id = client.Create(Job.FromExpression<TenantJobs>(j => j.RunAsync(job, tenant.Name, null, CancellationToken.None)),
                new ScheduledState(TimeSpan.FromMinutes(1)));
            using (var transaction = connection.CreateWriteTransaction())
            {
                transaction.SetRangeInHash(LastJobs(job), [new(tenant.Name, id)]);
                transaction.Commit();
            }

            client.ChangeState(id, new EnqueuedState(), ScheduledState.StateName);
        }
    }

    /// <summary>Runs <paramref name="job"/> in a scope of <paramref name="tenant"/>; a tenant removed or disabled since does nothing.</summary>
    [JobDisplayName("{0} for tenant {1}")]
    [AutomaticRetry(Attempts = RetryAttempts, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(string job, string tenant, PerformContext? context, CancellationToken cancellationToken)
    {
        var definition = Find(job);
        var found = registry.Find(tenant);
        if (definition is null || found is not { State: TenantState.Running })
        {
            logger.LogInformation("Job {Job} for tenant {Tenant}: nothing to do (the job or the running tenant is gone).", job, tenant);
            return;
        }

        if (context is not null && context.Connection.GetAllEntriesFromHash(LastJobs(job))?.GetValueOrDefault(tenant) is { } current && current != context.BackgroundJob.Id)
        {
            logger.LogInformation("Job {Job} for tenant {Tenant}: job {Id} is not the current run ({Current}); nothing done.", job, tenant, context.BackgroundJob.Id, current);
            return;
        }

        try
        {
            await using var scope = scopes.CreateTenantScope(found);
            var work = (ITenantJob)scope.ServiceProvider.GetRequiredService(definition.JobType);
            await work.RunAsync(found, scope.ServiceProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Job {Job} for tenant {Tenant} failed on {Node}.", job, tenant, Node);
            throw;
        }

        logger.LogInformation("Job {Job} for tenant {Tenant} ran on {Node}", job, tenant, Node);
    }

    private TenantJobDefinition? Find(string job)
    {
        var definition = definitions.LastOrDefault(d => d.Id == job);
        if (definition is null)
        {
            logger.LogWarning("No job {Job} is registered (its module left out?): nothing done.", job);
        }

        return definition;
    }

    private static readonly HashSet<string> EndedStates = new(StringComparer.OrdinalIgnoreCase)
    {
        SucceededState.StateName, FailedState.StateName, DeletedState.StateName,
    };

    private static bool HasEnded(IStorageConnection connection, string id) =>
        connection.GetStateData(id) is not { } state || EndedStates.Contains(state.Name);
}

/// <summary>When this node's jobs started: a kind's first run waits its <see cref="TenantJobDefinition.FirstRunAfter"/> from here.</summary>
public sealed class JobsStart
{
    private long started = System.Diagnostics.Stopwatch.GetTimestamp();

    public TimeSpan Elapsed => System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref started));

    internal void Restart() => Interlocked.Exchange(ref started, System.Diagnostics.Stopwatch.GetTimestamp());
}
