using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Core.Localization;

/// <summary>Addresses of the current page in other cultures, for the picker and hreflang alternates.</summary>
public static class CultureLinks
{
    /// <summary>The current path with its culture segment replaced (or the home page of
    /// <paramref name="culture"/> when the page has no culture segment), keeping the query.</summary>
    public static string SamePageIn(HttpRequest request, string culture)
    {
        var path = request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !Cultures.IsSupported(segments[0]))
        {
            return $"{request.PathBase}/{culture}/";
        }

        var rest = string.Join('/', segments.Skip(1));
        return $"{request.PathBase}/{culture}/{rest}{request.QueryString}";
    }

    /// <summary>An absolute path under the tenant for a culture: <c>Path("fr", "account/login")</c>.</summary>
    public static string Path(HttpRequest request, string culture, string relative) =>
        $"{request.PathBase}/{culture}/{relative.TrimStart('/')}";

    /// <summary>The address of a local path (PathBase included) under the request's tenant's base URL: links
    /// that leave the page (e-mails, PDFs, feeds, badges) never take the request's Host, which anyone can forge.</summary>
    public static string Absolute(HttpRequest request, string localPath)
    {
        var services = request.HttpContext.RequestServices;
        var tenant = services.GetRequiredService<TenantContext>().Tenant;
        return Absolute(services.GetRequiredService<TenantAddresses>().BaseUrl(tenant), localPath);
    }

    public static string Absolute(string baseUrl, string localPath) => $"{baseUrl.TrimEnd('/')}/{localPath.TrimStart('/')}";
}
