using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Community.Privacy.Pages;

/// <summary>Administrators see, for each language, whether the notice is the default one or their own.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class PrivacyAdminModel(PrivacyNotices notices) : PageModel
{
    public Dictionary<string, DateTime> Edited { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Edited = await notices.EditedAsync(cancellationToken);
}
