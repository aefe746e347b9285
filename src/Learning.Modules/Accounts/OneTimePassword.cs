using Microsoft.AspNetCore.Identity;

namespace Learning.Modules.Accounts;

/// <summary>Marks an account whose password was made by the platform and shown once (a tenant's first
/// administrator): logging in with it leads to choosing one's own password, and to nothing else.
/// Kept in Identity's per-user token table, so no column is needed.</summary>
public static class OneTimePassword
{
    private const string Provider = "Learning";
    private const string Name = "OneTimePassword";

    public static Task<IdentityResult> MarkAsync(UserManager<LearningUser> users, LearningUser user) =>
        users.SetAuthenticationTokenAsync(user, Provider, Name, "must-choose");

    public static async Task<bool> IsMarkedAsync(UserManager<LearningUser> users, LearningUser user) =>
        await users.GetAuthenticationTokenAsync(user, Provider, Name) is not null;

    public static Task<IdentityResult> ClearAsync(UserManager<LearningUser> users, LearningUser user) =>
        users.RemoveAuthenticationTokenAsync(user, Provider, Name);
}
