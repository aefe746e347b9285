using System.Collections.Concurrent;

namespace Learning.Modules.Reporting.Facts;

/// <summary>One refresh at a time per tenant on this node: the job and a dashboard opened at the same moment
/// would otherwise insert the same rows twice.</summary>
public sealed class FactsRefreshLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> tenants = new(StringComparer.Ordinal);

    public SemaphoreSlim For(string tenant) => tenants.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
}
