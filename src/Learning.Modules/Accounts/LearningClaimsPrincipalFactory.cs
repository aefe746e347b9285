using System.Security.Claims;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
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

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LearningUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TenantClaim, tenantContext.Tenant.Name));
        identity.AddClaim(new Claim(SignedInPerson.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(CultureResolver.ProfileClaim, user.PreferredCulture));
        return identity;
    }
}
