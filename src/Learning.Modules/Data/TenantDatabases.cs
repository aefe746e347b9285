using System.Collections.Concurrent;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Data;

/// <summary>Opens the database of a tenant: its SQLite file, or its PostgreSQL database.</summary>
/// <remarks>EF interceptors registered in the services (a diagnostic, a test's command counter) apply to every tenant.
/// Contexts are pooled per tenant: a request's first query no longer pays for building a context's services
/// (a quarter of the course page's query time in bench/profile.sh before pooling).</remarks>
public sealed class TenantDatabases(DataPaths paths, IReadOnlyList<ILearningModule> modules, IEnumerable<IInterceptor> interceptors, IOptions<LearningOptions> settings)
{
    private readonly ConcurrentDictionary<string, PooledDbContextFactory<LearningDbContext>> pools = new();

    /// <summary>A context on the tenant's database, from the tenant's pool; disposing it returns it there.</summary>
    public LearningDbContext Open(Tenant tenant) => pools.GetOrAdd(tenant.Name, _ => new(OptionsFor(tenant), poolSize: 128)).CreateDbContext();

    public string SqliteFile(Tenant tenant) => Path.Combine(paths.TenantFolder(tenant.Name), "learning.db");

    /// <summary>Drops a removed tenant's database and its folder of files.</summary>
    public async Task DeleteAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        await using (var db = Open(tenant))
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
        }

        Forget(tenant);
        foreach (var folder in new[] { paths.TenantFolder(tenant.Name), paths.MediaFolder(tenant.Name) })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Forgets cached options, when a tenant is removed or its database changes.</summary>
    public void Forget(Tenant tenant)
    {
        pools.TryRemove(tenant.Name, out _);
        if (tenant.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private DbContextOptions<LearningDbContext> OptionsFor(Tenant tenant)
    {
        var builder = new DbContextOptionsBuilder<LearningDbContext>();
        if (tenant.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(new SqliteConnectionStringBuilder { DataSource = SqliteFile(tenant), Pooling = true }.ToString())
                .AddInterceptors([new SqlitePragmas(), .. interceptors]);
        }
        else
        {
            builder.UseNpgsql(DatabasePasswords.ForOpening(tenant, settings.Value) ?? throw new InvalidOperationException($"Tenant {tenant.Name} has no connection string."))
                .AddInterceptors(interceptors);
        }

        return ComposeFromModules(builder, modules).Options;
    }

    /// <summary>The model and the migrations come from the listed modules (see <see cref="LearningDbContext"/>).</summary>
    public static DbContextOptionsBuilder<LearningDbContext> ComposeFromModules(DbContextOptionsBuilder<LearningDbContext> builder, IReadOnlyList<ILearningModule> modules)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ModulesOptionsExtension(modules));
        return builder
            .ReplaceService<IModelCacheKeyFactory, ModelPerModulesCacheKeyFactory>()
            .ReplaceService<IMigrationsAssembly, ModuleMigrations>();
    }
}
