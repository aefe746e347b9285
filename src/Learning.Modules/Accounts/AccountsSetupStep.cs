using System.Security.Cryptography;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Accounts;

/// <summary>Creates the tenant's roles (at every start, so that new roles appear) and, at setup,
/// its first administrator with a one-time password.</summary>
public sealed class AccountsSetupStep(TimeProvider clock) : ITenantSetupStep
{
    public int Order => 10;

    public bool RunsAtEveryStart => true;

    public async Task RunAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var roles = context.Services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var users = context.Services.GetRequiredService<UserManager<LearningUser>>();
        if (context.AdministratorEmail is null || (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var administrator = new LearningUser
        {
            UserName = context.AdministratorEmail,
            Email = context.AdministratorEmail,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            PreferredCulture = context.Tenant.DefaultCulture,
            PrivacyAcceptedUtc = now,
            CreatedUtc = now,
            ProfileChangedUtc = now,
        };
        var password = NewPassword();
        Check(await users.CreateAsync(administrator, password));
        Check(await users.AddToRoleAsync(administrator, Roles.Administrator));
        Check(await OneTimePassword.MarkAsync(users, administrator));
        context.AdministratorPassword = password;
    }

    /// <summary>20 random characters, readable and easy to type once.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
