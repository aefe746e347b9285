using System.Security.Claims;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Learning.Modules.Core.Localization;

/// <summary>
/// Chooses the culture of a request, among the tenant's cultures: the first path segment, then the
/// signed-in person's profile, then the culture cookie, then Accept-Language, then the tenant default.
/// </summary>
public static class CultureResolver
{
    public const string ProfileClaim = "culture";

    public static string? FromPath(HttpContext context, Tenant tenant)
    {
        var path = context.Request.Path.Value ?? "";
        var end = path.IndexOf('/', 1);
        var segment = path.Length > 1 ? (end < 0 ? path[1..] : path[1..end]) : null;
        return tenant.Supports(segment) ? segment : null;
    }

    public static string Resolve(HttpContext context, Tenant tenant)
    {
        if (FromPath(context, tenant) is { } fromPath)
        {
            return fromPath;
        }

        if (context.User.FindFirstValue(ProfileClaim) is { } fromProfile && tenant.Supports(fromProfile))
        {
            return fromProfile;
        }

        if (FromCookie(context) is { } fromCookie && tenant.Supports(fromCookie))
        {
            return fromCookie;
        }

        return FromAcceptLanguage(context, tenant) ?? tenant.DefaultCulture;
    }

    public static string? FromCookie(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieRequestCultureProvider.DefaultCookieName, out var value)
            ? CookieRequestCultureProvider.ParseCookieValue(value)?.UICultures.FirstOrDefault().Value
            : null;

    private static string? FromAcceptLanguage(HttpContext context, Tenant tenant)
    {
        if (!StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var languages))
        {
            return null;
        }

        return languages
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(tenant.Supports);
    }
}
