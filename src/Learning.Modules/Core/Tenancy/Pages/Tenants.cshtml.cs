using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Core.Tenancy.Pages;

[Authorize(Policy = CoreModule.InstallationAdministratorPolicy)]
public sealed class TenantsModel(TenantRegistry registry) : PageModel
{
    public IReadOnlyList<Tenant> Tenants => registry.All;
}
