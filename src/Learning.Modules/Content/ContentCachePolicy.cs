using Learning.Modules.Core.Serving;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Content;

/// <summary>
/// Anonymous readers' pages of published content come from the output cache, keyed by tenant,
/// culture (both in the address) and query, and tagged with the tenant so that a publication evicts them.
/// Signed-in people and anything but GET/HEAD always get a fresh page.
/// </summary>
public sealed class ContentCachePolicy : IOutputCachePolicy
{
    public const string Name = "content";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = http.User.Identity?.IsAuthenticated != true;
        var readOnly = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous && readOnly;
        context.AllowCacheStorage = anonymous && readOnly;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = true;
        if (context.AllowCacheStorage)
        {
            // The same for every reader: compressed (and kept) once per encoding the readers' browsers accept.
            SharedResponses.Mark(http);
            context.CacheVaryByRules.VaryByValues["encoding"] = SharedPagesOnlyCompression.EncodingFor(http);
        }

        context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        context.Tags.Add(ContentPublisher.CacheTag(http.RequestServices.GetRequiredService<TenantContext>().Tenant.Name));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // A page that sets a cookie (an anti-forgery token, a session) is someone's own. The culture
        // cookie is the exception: its value comes from the address, which is part of the cache key,
        // so replaying it to every visitor of that address is what each of them would get anyway.
        var response = context.HttpContext.Response;
        if (SharedResponses.SetsPersonalCookie(response) || response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
