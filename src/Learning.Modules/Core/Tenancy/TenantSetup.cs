using Learning.Modules.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core.Tenancy;

/// <summary>Sets tenants up by running the recipe steps the modules registered, and upgrades them at start-up.</summary>
public sealed class TenantSetup(
    TenantRegistry registry,
    IServiceScopeFactory scopes,
    IEnumerable<ITenantSetupStep> steps,
    IOptions<LearningOptions> options,
    ILogger<TenantSetup> logger)
{
    /// <summary>Runs every step for a new tenant and records it in the registry.
    /// Returns the one-time password of its administrator.</summary>
    public async Task<string?> SetUpAsync(Tenant tenant, string administratorEmail, CancellationToken cancellationToken = default)
    {
        var context = await RunStepsAsync(tenant, administratorEmail, steps, cancellationToken);
        await registry.SaveAsync(tenant, cancellationToken);
        logger.LogInformation("Tenant {Tenant} is set up.", tenant.Name);
        return context.AdministratorPassword;
    }

    /// <summary>At start-up: brings the default tenant's database (which holds the list of tenants) up to date and reads
    /// the list; creates and sets up the default tenant on a fresh installation; and brings every other tenant's schema
    /// up to date. Returns the one-time password of the default tenant's administrator when it was just set up, for the
    /// console only (see <see cref="StartupBanner"/>).</summary>
    public async Task<string?> StartAsync(CancellationToken cancellationToken = default)
    {
        var settings = registry.DefaultFromSettings();
        await RunStepsAsync(settings, null, steps.Where(s => s is SchemaSetupStep), cancellationToken);
        await registry.LoadAsync(cancellationToken);
        await registry.ImportFileOnceAsync(cancellationToken);

        string? password = null;
        string? justSetUp = null;
        if (registry.Default is null)
        {
            password = await SetUpAsync(settings, options.Value.AdminEmail, cancellationToken);
            justSetUp = settings.Name;
        }

        // The tenant just set up ran every step a moment ago, those of every start included.
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running && t.Name != justSetUp))
        {
            // The default tenant's schema was brought up to date above.
            await RunStepsAsync(tenant, null, steps.Where(s => s.RunsAtEveryStart && !(tenant.IsDefault && s is SchemaSetupStep)), cancellationToken);
        }

        return password;
    }

    private async Task<TenantSetupContext> RunStepsAsync(Tenant tenant, string? administratorEmail, IEnumerable<ITenantSetupStep> selected, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateTenantScope(tenant);
        var context = new TenantSetupContext(tenant, scope.ServiceProvider, administratorEmail);
        foreach (var step in selected.OrderBy(s => s.Order))
        {
            await step.RunAsync(context, cancellationToken);
        }

        return context;
    }
}
