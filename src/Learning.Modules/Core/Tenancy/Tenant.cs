namespace Learning.Modules.Core.Tenancy;

/// <summary>
/// A partner network hosted by the installation. Each tenant has its own database, so no query
/// made for one tenant can ever see another tenant's rows.
/// </summary>
public sealed record Tenant
{
    public const string DefaultName = "default";

    /// <summary>Identifier: lower-case letters, digits and dashes; names the tenant's folder and cookies.</summary>
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>First path segment that selects the tenant (<c>/schaerbeek/...</c>), if any.</summary>
    public string? UrlPrefix { get; init; }

    /// <summary>Host name that selects the tenant, if any.</summary>
    public string? HostName { get; init; }

    /// <summary>The address of the tenant's site (<c>https://north.example.org</c>), which every absolute link of
    /// the tenant starts with. When empty: its host name with the installation's scheme, or the installation's
    /// base URL for a tenant found by path segment (see <see cref="TenantAddresses"/>).</summary>
    public string? BaseUrl { get; init; }

    public IReadOnlyList<string> Cultures { get; init; } = Core.Cultures.All;

    public string DefaultCulture { get; init; } = Core.Cultures.Default;

    public DatabaseProvider DatabaseProvider { get; init; }

    /// <summary>PostgreSQL connection string; an SQLite tenant's database is a file in its folder.</summary>
    public string? ConnectionString { get; init; }

    public TenantState State { get; init; }

    public DateTime CreatedUtc { get; init; }

    public bool IsDefault => Name == DefaultName;

    public bool Supports(string? culture) => culture is not null && Cultures.Contains(culture);
}

public enum TenantState
{
    Running,
    Disabled,
}
