using System.Text.Json;
using System.Text.Json.Serialization;

namespace Learning.Modules.Core.Tenancy;

/// <summary>
/// The installation's list of tenants, kept in <c>App_Data/tenants.json</c>. Reads come from an
/// immutable snapshot; writes replace the file atomically and then the snapshot.
/// </summary>
public sealed class TenantRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string file;
    private readonly Lock writeLock = new();
    private IReadOnlyList<Tenant> tenants;

    public TenantRegistry(DataPaths paths)
    {
        file = paths.TenantRegistry;
        tenants = File.Exists(file)
            ? JsonSerializer.Deserialize<List<Tenant>>(File.ReadAllText(file), Json) ?? []
            : [];
    }

    public IReadOnlyList<Tenant> All => tenants;

    public Tenant? Default => Find(Tenant.DefaultName);

    public Tenant? Find(string name) => tenants.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The tenant a request belongs to: its host name first, then the first path segment, and
    /// otherwise the default tenant. Returns the prefix that was matched, if any.
    /// </summary>
    public (Tenant? Tenant, string? Prefix) Resolve(string host, string? firstSegment)
    {
        var byHost = tenants.Where(t => string.Equals(t.HostName, host, StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = byHost.Count > 0 ? byHost : tenants.Where(t => string.IsNullOrEmpty(t.HostName)).ToList();

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

    public void Save(Tenant tenant)
    {
        lock (writeLock)
        {
            var updated = tenants.Where(t => t.Name != tenant.Name).Append(tenant).OrderBy(t => t.IsDefault ? 0 : 1).ThenBy(t => t.Name).ToList();
            Write(updated);
        }
    }

    public void Remove(string name)
    {
        lock (writeLock)
        {
            Write(tenants.Where(t => t.Name != name).ToList());
        }
    }

    private void Write(List<Tenant> updated)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(updated, Json));
        File.Move(temporary, file, overwrite: true);
        tenants = updated;
    }
}
