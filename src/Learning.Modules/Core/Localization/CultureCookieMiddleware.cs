using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Learning.Modules.Core.Localization;

/// <summary>Remembers the culture a person chose in the URL (through the picker or a link), so that
/// the bare address of the site brings them back to it.</summary>
public sealed class CultureCookieMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var fromPath = CultureResolver.FromPath(context, tenantContext.Tenant);
        if (fromPath is not null && fromPath != CultureResolver.FromCookie(context))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(fromPath)),
                new CookieOptions
                {
                    Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                });
        }

        return next(context);
    }
}
