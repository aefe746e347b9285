namespace Learning.Modules.Core.Tenancy;

/// <summary>
/// One step of the recipe that sets a tenant up: create the schema, the roles and the first
/// administrator, import content. Modules register their steps; they run in <see cref="Order"/>.
/// </summary>
public interface ITenantSetupStep
{
    int Order { get; }

    /// <summary>Whether the step also runs for every tenant each time the installation starts
    /// (schema migrations, roles): such steps must be idempotent.</summary>
    bool RunsAtEveryStart => false;

    Task RunAsync(TenantSetupContext context, CancellationToken cancellationToken);
}

/// <summary>What a setup step works with: the tenant, services scoped to it, and what it reports back.</summary>
public sealed class TenantSetupContext(Tenant tenant, IServiceProvider services, string? administratorEmail)
{
    public Tenant Tenant { get; } = tenant;

    /// <summary>Services of a scope whose tenant is <see cref="Tenant"/>.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>E-mail of the administrator to create; null at start-up, when no one is created.</summary>
    public string? AdministratorEmail { get; } = administratorEmail;

    /// <summary>Set when an administrator was created: the one-time password to show once.</summary>
    public string? AdministratorPassword { get; set; }
}
