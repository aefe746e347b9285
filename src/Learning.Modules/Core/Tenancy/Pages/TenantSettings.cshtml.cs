using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Core.Tenancy.Pages;

/// <summary>Disables, enables or deletes a tenant. The default tenant, which holds this page, stays.</summary>
[Authorize(Policy = CoreModule.InstallationAdministratorPolicy)]
public sealed class TenantSettingsModel(TenantRegistry registry, TenantDatabases databases, TenantAddresses addresses, IStringLocalizer<CoreStrings> S) : PageModel
{
    public Tenant Tenant { get; private set; } = null!;

    /// <summary>Where the tenant's e-mailed and printed links lead: its base URL, with its prefix.</summary>
    public string LinksAddress => addresses.BaseUrl(Tenant) + (Tenant.UrlPrefix is null ? "/" : $"/{Tenant.UrlPrefix}/");

    [BindProperty]
    public string? ConfirmName { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IActionResult OnGet(string name) => Load(name) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(string name, CancellationToken cancellationToken) => SetStateAsync(name, TenantState.Disabled, S["The tenant is disabled."], cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string name, CancellationToken cancellationToken) => SetStateAsync(name, TenantState.Running, S["The tenant is running."], cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (!Load(name) || Tenant.IsDefault)
        {
            return NotFound();
        }

        if (ConfirmName != Tenant.Name)
        {
            ModelState.AddModelError(nameof(ConfirmName), S["Type the identifier of the tenant to confirm."]);
            return Page();
        }

        // First stop serving it, then remove its data.
        await registry.RemoveAsync(Tenant.Name, cancellationToken);
        await databases.DeleteAsync(Tenant, cancellationToken);
        Message = S["The tenant {0} and all its data are deleted.", Tenant.DisplayName];
        return Redirect($"{Request.PathBase}/{Cultures.Current}/admin/tenants");
    }

    private async Task<IActionResult> SetStateAsync(string name, TenantState state, string message, CancellationToken cancellationToken)
    {
        if (!Load(name) || Tenant.IsDefault)
        {
            return NotFound();
        }

        await registry.SaveAsync(Tenant with { State = state }, cancellationToken);
        Message = message;
        return Redirect($"{Request.PathBase}{Request.Path}");
    }

    private bool Load(string name)
    {
        Tenant = registry.Find(name)!;
        return Tenant is not null;
    }
}
