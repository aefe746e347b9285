using System.Security.Claims;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Accounts;

/// <summary>Adds to the sign-in cookie the tenant it was issued for, the person's display name and language.</summary>
public sealed class LearningClaimsPrincipalFactory(
    UserManager<LearningUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    TenantContext tenantContext)
    : UserClaimsPrincipalFactory<LearningUser, IdentityRole>(users, roles, options)
{
    public const string TenantClaim = "tenant";
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LearningUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TenantClaim, tenantContext.Tenant.Name));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(CultureResolver.ProfileClaim, user.PreferredCulture));
        return identity;
    }
}

public static class SignedInPerson
{
    /// <summary>The name a signed-in person is shown by (the author of what they save).</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(LearningClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
