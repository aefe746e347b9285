using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Content;

/// <summary>
/// Counts readers' views of the pages marked <see cref="CountsReadsAttribute"/>. It runs before the output cache, so it
/// sees the pages the cache answers, which their handlers never do. A view is a GET answered 200 (not HEAD, not a
/// 404 for a made-up slug, not the page's other handlers such as its PDF), by a person: not a crawler or a link
/// preview, not a prefetch the browser may never show.
/// </summary>
public sealed class ReadCountingMiddleware(RequestDelegate next, ReadCounter counter)
{
    private static readonly string[] Robots = ["bot", "crawler", "spider", "preview"];

    public async Task InvokeAsync(HttpContext context)
    {
        var counted = HttpMethods.IsGet(context.Request.Method) ? context.GetEndpoint()?.Metadata.GetMetadata<CountsReadsAttribute>() : null;
        await next(context);
        if (counted is not null
            && context.Response.StatusCode == StatusCodes.Status200OK
            && IsPersonViewing(context.Request)
            && context.Request.RouteValues["culture"] is string culture
            && context.Request.RouteValues["slug"] is string slug)
        {
            counter.Count(context.RequestServices.GetRequiredService<TenantContext>().Tenant.Name, counted.Type, culture, slug);
        }
    }

    private static bool IsPersonViewing(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        return !Robots.Any(r => agent.Contains(r, StringComparison.OrdinalIgnoreCase))
            && !IsPrefetch(request.Headers["Purpose"]) && !IsPrefetch(request.Headers["Sec-Purpose"])
            && !request.Query.ContainsKey("handler");
    }

    // "Sec-Purpose: prefetch;prerender" is a prerender, which may never be shown either.
    private static bool IsPrefetch(string? purpose) => purpose?.Contains("prefetch", StringComparison.OrdinalIgnoreCase) == true;
}
