using System.Collections.Concurrent;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Reporting.Facts;

/// <summary>One refresh at a time per tenant: the job and a dashboard opened at the same moment would otherwise insert
/// the same rows twice. On this node, a semaphore; across nodes, on PostgreSQL, an advisory lock held by the refresh's
/// connection (released with it should the node die). An SQLite database is one node's file: the semaphore suffices.</summary>
public sealed class FactsRefreshLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> tenants = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> EnterAsync(string tenant, LearningDbContext db, CancellationToken cancellationToken)
    {
        var gate = tenants.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            return new Held(gate, null);
        }

        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken); // kept open, with the lock, until released
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(hashtext('reporting-facts-refresh'))", cancellationToken);
            return new Held(gate, db);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            gate.Release();
            throw;
        }
    }

    private sealed class Held(SemaphoreSlim gate, LearningDbContext? db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (db is not null)
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(hashtext('reporting-facts-refresh'))");
                    await db.Database.CloseConnectionAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
