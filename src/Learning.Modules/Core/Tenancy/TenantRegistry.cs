using System.Text.Json;
using System.Text.Json.Serialization;
using Learning.Modules.Core.Scale;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core.Tenancy;

/// <summary>
/// The installation's list of tenants, kept in the default tenant's database (table <c>Tenants</c>), whose place the
/// settings give (<c>Learning:Database</c>), so that every node reads the same list. Reads come from an immutable
/// snapshot; a change is written to the database and then every node reloads its snapshot (<see cref="Channel"/>).
/// </summary>
public sealed class TenantRegistry(TenantDatabases databases, DataPaths paths, IOptions<LearningOptions> options, ClusterSignals signals,
    TimeProvider clock, ILogger<TenantRegistry> logger)
{
    /// <summary>The signal that tells every node to reload the list.</summary>
    public const string Channel = "tenants";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private IReadOnlyList<Tenant> tenants = [];

    public IReadOnlyList<Tenant> All => tenants;

    public Tenant? Default => Find(Tenant.DefaultName);

    public Tenant? Find(string name) => tenants.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The tenant a request belongs to: its host name first, then the first path segment, and
    /// otherwise the default tenant. Returns the prefix that was matched, if any.
    /// </summary>
    public (Tenant? Tenant, string? Prefix) Resolve(string host, string? firstSegment)
    {
        var current = tenants;
        var byHost = current.Where(t => string.Equals(t.HostName, host, StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = byHost.Count > 0 ? byHost : current.Where(t => string.IsNullOrEmpty(t.HostName)).ToList();

        if (firstSegment is not null)
        {
            var byPrefix = candidates.FirstOrDefault(t => string.Equals(t.UrlPrefix, firstSegment, StringComparison.OrdinalIgnoreCase));
            if (byPrefix is not null)
            {
                return (byPrefix, byPrefix.UrlPrefix);
            }
        }

        return (candidates.FirstOrDefault(t => string.IsNullOrEmpty(t.UrlPrefix)), null);
    }

    /// <summary>The default tenant as the settings describe it: where its database is (and so the list), and what a fresh
    /// installation records.</summary>
    public Tenant DefaultFromSettings()
    {
        var database = options.Value.Database;
        return new Tenant
        {
            Name = Tenant.DefaultName,
            DisplayName = "RéSolution",
            DatabaseProvider = database.Provider,
            ConnectionString = DatabasePasswords.WithoutPassword(database.ConnectionString), // the password stays in the configuration
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>Reads the list from the default tenant's database (migrated before).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var settings = DefaultFromSettings();
        await using var db = databases.Open(settings);
        var rows = await db.Tenants.AsNoTracking().ToListAsync(cancellationToken);
        // The default tenant's database is always where the settings say: it is where this list was just read.
        tenants = rows
            .Select(t => t.IsDefault ? t with { DatabaseProvider = settings.DatabaseProvider, ConnectionString = settings.ConnectionString } : t)
            .OrderBy(t => t.IsDefault ? 0 : 1).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    public async Task SaveAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        await using (var db = databases.Open(DefaultFromSettings()))
        {
            var stored = await db.Tenants.FindAsync([tenant.Name], cancellationToken);
            if (stored is null)
            {
                db.Tenants.Add(tenant);
            }
            else
            {
                db.Entry(stored).CurrentValues.SetValues(tenant);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await signals.PublishAsync(Channel, tenant.Name);
    }

    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        await using (var db = databases.Open(DefaultFromSettings()))
        {
            await db.Tenants.Where(t => t.Name == name).ExecuteDeleteAsync(cancellationToken);
        }

        await signals.PublishAsync(Channel, name);
    }

    /// <summary>
    /// An installation set up before the list moved into the database kept it in <c>App_Data/tenants.json</c>: when the
    /// table is still empty, its tenants are copied in once and the file renamed <c>tenants.json.imported</c>.
    /// </summary>
    public async Task ImportFileOnceAsync(CancellationToken cancellationToken = default)
    {
        var file = paths.TenantRegistry;
        if (tenants.Count > 0 || !File.Exists(file))
        {
            return;
        }

        var listed = JsonSerializer.Deserialize<List<Tenant>>(await File.ReadAllTextAsync(file, cancellationToken), Json) ?? [];
        var settings = DefaultFromSettings();
        if (listed.FirstOrDefault(t => t.IsDefault) is { } old
            && (old.DatabaseProvider != settings.DatabaseProvider || (old.DatabaseProvider == DatabaseProvider.Postgres && old.ConnectionString != settings.ConnectionString)))
        {
            throw new InvalidOperationException(
                $"{file} places the default tenant's database on {old.DatabaseProvider} ({old.ConnectionString}), the settings (Learning:Database) on " +
                $"{settings.DatabaseProvider} ({settings.ConnectionString}). Set Learning:Database to where the default tenant's database is, then start again.");
        }

        await using (var db = databases.Open(settings))
        {
            db.Tenants.AddRange(listed);
            await db.SaveChangesAsync(cancellationToken);
        }

        File.Move(file, file + ".imported", overwrite: true);
        logger.LogInformation("The {Count} tenants of {File} are now kept in the default tenant's database.", listed.Count, file);
        await LoadAsync(cancellationToken);
    }
}
