using System.Security.Claims;

namespace Learning.Modules.Core.Security;

/// <summary>What every module may know of the signed-in person: the claims Accounts puts in the sign-in cookie.</summary>
public static class SignedInPerson
{
    public const string DisplayNameClaim = "display_name";

    /// <summary>The person's id (Identity's default user id claim); null for a visitor.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The name a signed-in person is shown by (the author of what they save).</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
