using System.Reflection;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Data;

/// <summary>First step of every tenant's setup, and of every start: apply the listed modules' migrations.</summary>
public sealed class SchemaSetupStep(TenantDatabases databases) : ITenantSetupStep
{
    public int Order => 0;

    public bool RunsAtEveryStart => true;

    public async Task RunAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant;
        if (tenant.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(databases.SqliteFile(tenant))!);
        }

        var db = context.Services.GetRequiredService<LearningDbContext>();
        await MigrateAsync(db, cancellationToken);
        if (tenant.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers go on while a writer works; the setting stays with the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Brings a tenant's database to the listed modules' latest schema, keeping every row.</summary>
    public static async Task MigrateAsync(LearningDbContext db, CancellationToken cancellationToken)
    {
        await RecordSupersededAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>A database set up before modules kept their own migrations already has their tables:
    /// each module migration that supersedes an applied one is recorded as applied, not run.</summary>
    private static async Task RecordSupersededAsync(LearningDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToHashSet();
        foreach (var (id, type) in db.GetService<IMigrationsAssembly>().Migrations)
        {
            if (!applied.Contains(id) && type.GetCustomAttribute<SupersedesAttribute>() is { } supersedes && supersedes.MigrationIds.Any(applied.Contains))
            {
                await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())), cancellationToken);
            }
        }
    }
}
