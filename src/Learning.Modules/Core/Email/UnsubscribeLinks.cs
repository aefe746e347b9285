using System.Security.Cryptography;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.DataProtection;

namespace Learning.Modules.Core.Email;

/// <summary>
/// Signed one-click unsubscribe links, one per person, list and tenant: <c>{base}/{culture}/unsubscribe?token=…</c>.
/// The token is the person's id and the list's key protected by data protection with a purpose per tenant: it cannot be
/// forged or altered, and another tenant's token does not open. It does not expire: an e-mail read months later must
/// still stop the next one. It only ever allows opting out of that list, which is why the page accepts it without a
/// sign-in or an anti-forgery token.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, TenantAddresses addresses)
{
    public const string PagePath = "unsubscribe";

    public string Token(Tenant tenant, string userId, string list) =>
        Protector(tenant).Protect($"{list}\n{userId}");

    /// <summary>The person and list a token names, or null when it was altered or made for another tenant.</summary>
    public (string UserId, string List)? Read(Tenant tenant, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = Protector(tenant).Unprotect(token).Split('\n');
            return parts is [var list, var userId] && list.Length > 0 && userId.Length > 0 ? (userId, list) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            return null; // altered, cut, another tenant's, or not even base64
        }
    }

    /// <summary>The absolute link, under the tenant's base URL and prefix, in the recipient's culture.</summary>
    public string Link(Tenant tenant, string culture, string userId, string list) =>
        Absolute(addresses, tenant, culture, $"{PagePath}?token={Uri.EscapeDataString(Token(tenant, userId, list))}");

    /// <summary>An absolute address in a tenant for a culture, outside any request (a job's e-mails):
    /// base URL, the tenant's prefix if it has one, the culture, then <paramref name="relative"/>.</summary>
    public static string Absolute(TenantAddresses addresses, Tenant tenant, string culture, string relative) =>
        $"{addresses.BaseUrl(tenant)}{(tenant.UrlPrefix is null ? "" : "/" + tenant.UrlPrefix)}/{culture}/{relative.TrimStart('/')}";

    private IDataProtector Protector(Tenant tenant) => protection.CreateProtector("Learning.Core.Email.Unsubscribe", tenant.Name);
}
