using System.Collections.Concurrent;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>
/// The latest <see cref="FactsSnapshot"/> of each tenant on this node. The refresh job reads a tenant's snapshot again
/// after each refresh, so that the dashboard rarely waits for it; a request that finds it older than the facts reads
/// it again itself, once however many requests ask at the same time.
/// </summary>
public sealed class FactsSnapshots
{
    private readonly ConcurrentDictionary<string, FactsSnapshot> snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> loading = new(StringComparer.Ordinal);

    public async Task<FactsSnapshot> GetAsync(string tenant, DateTime? refreshedUtc, Func<Task<FactsSnapshot>> load, CancellationToken cancellationToken)
    {
        if (snapshots.TryGetValue(tenant, out var snapshot) && snapshot.RefreshedUtc == refreshedUtc)
        {
            return snapshot;
        }

        var gate = loading.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (snapshots.TryGetValue(tenant, out snapshot) && snapshot.RefreshedUtc == refreshedUtc)
            {
                return snapshot;
            }

            snapshot = await load();
            snapshots[tenant] = snapshot;
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }
}
