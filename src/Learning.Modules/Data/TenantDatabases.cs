using System.Collections.Concurrent;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Learning.Modules.Data;

/// <summary>Opens the database of a tenant: its SQLite file, or its PostgreSQL database.</summary>
/// <remarks>EF interceptors registered in the services (a diagnostic, a test's command counter) apply to every tenant.</remarks>
public sealed class TenantDatabases(DataPaths paths, IEnumerable<IInterceptor> interceptors)
{
    private readonly ConcurrentDictionary<string, DbContextOptions> options = new();

    public LearningDbContext Open(Tenant tenant) => tenant.DatabaseProvider switch
    {
        DatabaseProvider.Sqlite => new SqliteLearningDbContext((DbContextOptions<SqliteLearningDbContext>)OptionsFor(tenant)),
        DatabaseProvider.Postgres => new PostgresLearningDbContext((DbContextOptions<PostgresLearningDbContext>)OptionsFor(tenant)),
        _ => throw new NotSupportedException(tenant.DatabaseProvider.ToString()),
    };

    public string SqliteFile(Tenant tenant) => Path.Combine(paths.TenantFolder(tenant.Name), "learning.db");

    /// <summary>Drops a removed tenant's database and its folder of files.</summary>
    public async Task DeleteAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        await using (var db = Open(tenant))
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
        }

        Forget(tenant);
        var folder = paths.TenantFolder(tenant.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Forgets cached options, when a tenant is removed or its database changes.</summary>
    public void Forget(Tenant tenant)
    {
        options.TryRemove(tenant.Name, out _);
        if (tenant.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private DbContextOptions OptionsFor(Tenant tenant) => options.GetOrAdd(tenant.Name, _ => tenant.DatabaseProvider switch
    {
        DatabaseProvider.Sqlite => new DbContextOptionsBuilder<SqliteLearningDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = SqliteFile(tenant), Pooling = true }.ToString())
            .AddInterceptors([new SqlitePragmas(), .. interceptors])
            .Options,
        _ => new DbContextOptionsBuilder<PostgresLearningDbContext>()
            .UseNpgsql(tenant.ConnectionString ?? throw new InvalidOperationException($"Tenant {tenant.Name} has no connection string."))
            .AddInterceptors(interceptors)
            .Options,
    });
}
