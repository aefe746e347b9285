using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core;

/// <summary>Where the installation's files live on disk, resolved once against the content root.</summary>
public sealed class DataPaths(IOptions<LearningOptions> options, IHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));

    public string TenantRegistry => Path.Combine(Root, "tenants.json");

    public string TenantFolder(string tenantName) => Path.Combine(Root, "Sites", tenantName);

    public string MailPickup => Path.Combine(Root, options.Value.Email.PickupFolder);

    /// <summary>Hangfire's storage of the jobs, when the installation runs on SQLite.</summary>
    public string Jobs => Path.Combine(Root, "jobs.db");

    public string DataProtectionKeys => Path.Combine(Root, "keys");
}
