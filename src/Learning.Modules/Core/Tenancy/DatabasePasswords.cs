using System.Data.Common;

namespace Learning.Modules.Core.Tenancy;

/// <summary>
/// PostgreSQL passwords stay in the configuration (appsettings, environment variables, a secret store), never in
/// tenants.json: the registry keeps a connection string without one, and the password joins it when the database
/// is opened. An older registry entry that still carries its password keeps working.
/// </summary>
public static class DatabasePasswords
{
    // Npgsql's names for the password.
    private static readonly string[] Keys = ["Password", "Pwd", "Psw"];

    /// <summary>The connection string to record in the registry.</summary>
    public static string? WithoutPassword(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var key in Keys)
        {
            builder.Remove(key);
        }

        return builder.ConnectionString;
    }

    /// <summary>The connection string to open: the tenant's password from <c>Learning:Tenants:&lt;name&gt;:DatabasePassword</c>,
    /// else, for the default tenant, the one of <c>Learning:Database:ConnectionString</c>, else what the registry holds.</summary>
    public static string? ForOpening(Tenant tenant, LearningOptions options)
    {
        var password = options.Tenants.GetValueOrDefault(tenant.Name)?.DatabasePassword
                       ?? (tenant.IsDefault ? PasswordOf(options.Database.ConnectionString) : null);
        if (password is null || string.IsNullOrWhiteSpace(tenant.ConnectionString))
        {
            return tenant.ConnectionString;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = WithoutPassword(tenant.ConnectionString) };
        builder["Password"] = password;
        return builder.ConnectionString;
    }

    private static string? PasswordOf(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return Keys.Select(k => builder.TryGetValue(k, out var value) ? value?.ToString() : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));
    }
}
