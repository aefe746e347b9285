using System.Text.Json;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Serving;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Learning.Modules.Core;

/// <summary>The host's few calls: register the listed modules, run the request pipeline, map them.</summary>
public static class LearningModules
{
    public static WebApplicationBuilder AddLearningModules(this WebApplicationBuilder builder, IReadOnlyList<ILearningModule> modules)
    {
        var leftOut = builder.Configuration.GetSection($"{LearningOptions.Section}:{nameof(LearningOptions.LeaveOutModules)}").Get<string[]>() ?? [];
        IReadOnlyList<ILearningModule> listed = modules.Where(m => !leftOut.Contains(m.Folder(), StringComparer.OrdinalIgnoreCase)).ToList();
        builder.Services.AddSingleton(listed);
        foreach (var module in listed)
        {
            module.AddServices(builder.Services, builder.Configuration);
        }

        // Every page of the library is compiled in; only those in a listed module's folder get a route.
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.Add(new ListedModulesPages(listed)));
        return builder;
    }

    /// <summary>Sets up the default tenant on a fresh installation and upgrades every tenant's schema; once the
    /// site listens, the console says where to open it, where its data lives and the first administrator's password.</summary>
    public static async Task SetUpTenantsAsync(this WebApplication app)
    {
        var password = await app.Services.GetRequiredService<TenantSetup>().StartAsync(app.Lifetime.ApplicationStopping);
        StartupBanner.PrintWhenStarted(app.Services, app.Lifetime, password);
    }

    /// <summary>First in the pipeline: the client's address, scheme and host as the configured proxies forwarded
    /// them (so cookies get Secure, HSTS is sent and the rate limiter tells clients apart), then 400 for a host
    /// the installation does not serve.</summary>
    public static WebApplication UseProxiesAndKnownHosts(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<KnownHostsMiddleware>();
        return app;
    }

    /// <summary>Resolves the tenant and the culture before anything else looks at the request.</summary>
    public static WebApplication UseTenantsAndCultures(this WebApplication app)
    {
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<CompressedStaticFiles>(); // text files compressed once, kept in memory
        app.UseStaticFiles(StaticFileCaching.Options()); // the rest; a year for fingerprinted links, else revalidated
        app.UseAuthentication(); // before cultures: a signed-in person's profile chooses their language
        app.UseRequestLocalization();
        app.UseMiddleware<CultureCookieMiddleware>();
        return app;
    }

    /// <summary>Inside the output cache, so that a cached page is kept compressed, once per encoding; only pages
    /// every reader shares are compressed (<see cref="SharedPagesOnlyCompression"/>).</summary>
    public static WebApplication UseSharedPageCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        return app;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    /// <summary>The listed modules' middleware (<see cref="ILearningModule.UseMiddleware"/>), in the order of the list.</summary>
    public static WebApplication UseLearningModules(this WebApplication app)
    {
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<ILearningModule>>())
        {
            module.UseMiddleware(app);
        }

        return app;
    }

    public static WebApplication MapLearningModules(this WebApplication app)
    {
        var modules = app.Services.GetRequiredService<IReadOnlyList<ILearningModule>>();
        // Deny by default: a page or endpoint is public only when it says [AllowAnonymous]. (Not a fallback
        // policy, which would also send visitors of a mistyped address to the login page instead of a 404.)
        app.MapRazorPages().RequireAuthorization();
        var endpoints = app.MapGroup("").RequireAuthorization();
        foreach (var module in modules)
        {
            module.MapEndpoints(endpoints);
        }

        app.MapGet("/health", WriteHealthAsync).AllowAnonymous();
        return app;
    }

    /// <summary>A bare status for anyone (a load balancer's probe); the checks that open every tenant's database,
    /// and their names, only for <see cref="HealthDetailsAccess"/>.</summary>
    private static async Task WriteHealthAsync(HttpContext context, HealthCheckService health, HealthDetailsAccess access)
    {
        var details = await access.AllowsAsync(context);
        var report = await health.CheckHealthAsync(
            details ? null : c => !c.Tags.Contains(HealthDetailsAccess.DetailsTag), context.RequestAborted);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(details
            ? JsonSerializer.Serialize(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            })
            : JsonSerializer.Serialize(new { status = report.Status.ToString() }));
    }
}
