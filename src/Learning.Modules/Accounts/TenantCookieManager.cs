using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Accounts;

/// <summary>Gives each tenant its own sign-in cookie name, so that signing in to one tenant never
/// replaces, nor is read as, a session of another tenant on the same host.</summary>
public sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => inner.GetRequestCookie(context, ForTenant(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        inner.AppendResponseCookie(context, ForTenant(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        inner.DeleteCookie(context, ForTenant(context, key), options);

    private static string ForTenant(HttpContext context, string key) =>
        context.RequestServices.GetRequiredService<TenantContext>().Tenant is { IsDefault: false } tenant ? $"{key}.{tenant.Name}" : key;
}
