using Learning.Modules.Core.Tenancy;

namespace Learning.Modules.Core.Jobs;

/// <summary>
/// A job that runs for one tenant at a time, registered with <see cref="TenantJobServices.AddTenantJob{TJob}"/>. It is
/// resolved from a scope of the tenant (<paramref name="tenantServices"/> in <see cref="RunAsync"/>): its database, its
/// settings. A failure throws: Hangfire tries that tenant's run again with back-off, the other tenants' runs go on.
/// </summary>
public interface ITenantJob
{
    Task RunAsync(Tenant tenant, IServiceProvider tenantServices, CancellationToken cancellationToken);
}

/// <summary>A kind of tenant job: its identifier (the recurring job's, in the dashboard), its class, how often it runs
/// and how long after this node started it first runs (Hangfire's schedule is the clock's, not the start's).</summary>
public sealed record TenantJobDefinition(string Id, Type JobType, TimeSpan Interval, TimeSpan FirstRunAfter);
