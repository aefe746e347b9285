using System.Text.Json;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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

    /// <summary>Sets up the default tenant on a fresh installation and upgrades every tenant's schema.</summary>
    public static Task SetUpTenantsAsync(this WebApplication app) =>
        app.Services.GetRequiredService<TenantSetup>().StartAsync(app.Lifetime.ApplicationStopping);

    /// <summary>Resolves the tenant and the culture before anything else looks at the request.</summary>
    public static WebApplication UseTenantsAndCultures(this WebApplication app)
    {
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseStaticFiles();
        app.UseAuthentication(); // before cultures: a signed-in person's profile chooses their language
        app.UseRequestLocalization();
        app.UseMiddleware<CultureCookieMiddleware>();
        return app;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
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

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }));
    }
}
