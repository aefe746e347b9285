using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Learning.Modules.Core.Security;

/// <summary>
/// Answers 400 to a request naming a host the installation does not serve (after forwarded headers, so the host
/// is the one the visitor typed). Links never come from the Host header; this stops the rest of the site from
/// being served under a stranger's domain.
/// </summary>
public sealed class KnownHostsMiddleware(RequestDelegate next, TenantAddresses addresses)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (addresses.Answers(context.Request.Host))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }
}
