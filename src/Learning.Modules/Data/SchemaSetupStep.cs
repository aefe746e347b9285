using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Data;

/// <summary>First step of every tenant's setup, and of every start: apply the migrations.</summary>
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
        await db.Database.MigrateAsync(cancellationToken);
        if (tenant.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers go on while a writer works; the setting stays with the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
