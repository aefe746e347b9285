using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core;

/// <summary>Where the installation's files live on disk, resolved once against the content root.</summary>
public sealed class DataPaths(IOptions<LearningOptions> options, IHostEnvironment environment)
{
    private readonly string? mediaPath = string.IsNullOrEmpty(options.Value.MediaPath) ? null
        : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.MediaPath));

    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));

    /// <summary>Where the list of tenants was kept before it moved to the default tenant's database (read once, to import it).</summary>
    public string TenantRegistry => Path.Combine(Root, "tenants.json");

    public string TenantFolder(string tenantName) => Path.Combine(Root, "Sites", tenantName);

    public string MailPickup => Path.Combine(Root, options.Value.Email.PickupFolder);

    /// <summary>Hangfire's storage of the jobs, when the installation runs on SQLite.</summary>
    public string Jobs => Path.Combine(Root, "jobs.db");

    /// <summary>Where the key ring was kept before it moved to the default tenant's database (read once, to import it).</summary>
    public string DataProtectionKeys => Path.Combine(Root, "keys");

    /// <summary>A tenant's media files: on the shared media path when one is set (several nodes), otherwise in the
    /// tenant's folder.</summary>
    public string MediaFolder(string tenantName) => string.IsNullOrEmpty(mediaPath)
        ? Path.Combine(TenantFolder(tenantName), "media")
        : Path.Combine(mediaPath, tenantName);
}
