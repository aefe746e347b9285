using System.Text;
using Learning.Modules.Core.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Learning.Modules.Accounts;

/// <summary>Absolute links sent by e-mail, carrying Identity's tokens in a URL-safe form.</summary>
public static class AccountLinks
{
    public static string WithToken(HttpRequest request, string culture, string page, string userId, string token) =>
        CultureLinks.Absolute(request, CultureLinks.Path(request, culture,
            $"{page}?userId={Uri.EscapeDataString(userId)}&code={Encode(token)}"));

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token, or null when the code was tampered with.</summary>
    public static string? Decode(string? code)
    {
        try
        {
            return code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
