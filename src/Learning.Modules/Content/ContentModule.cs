using Learning.Modules.Core;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Content;

/// <summary>Content items in localization sets, immutable versions, Markdown, search, import and export.</summary>
public sealed class ContentModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContentOptions>(configuration.GetSection($"{LearningOptions.Section}:Content"));
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<VideoPosters>();
        services.AddSingleton<ContentChanges>();
        services.OnClusterSignal(ContentChanges.ContentChannel, async (sp, tenant) =>
        {
            sp.GetRequiredService<ContentChanges>().Signal(tenant);
            await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag(tenant), default);
        });
        services.OnClusterSignal(ContentChanges.PagesChannel, (sp, tenant) =>
            sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag(tenant), default).AsTask());
        services.AddScoped<SearchIndex>();
        services.AddScoped<ContentReader>();
        services.AddScoped<ContentPublisher>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        services.AddScoped<Xliff>();
        services.AddScoped<IMediaStorage, FileMediaStorage>();
        services.AddScoped<MediaUploads>();
        services.AddSingleton<ITenantSetupStep, ContentSetupStep>();
        services.AddOutputCache();
        services.Configure<OutputCacheOptions>(o => o.AddPolicy(ContentCachePolicy.Name, new ContentCachePolicy()));
        services.AddSingleton(new NavigationItem("Content", "editor", 90, typeof(ContentStrings), Roles.EditorPolicy));

        // Readers' page views: counted in memory (cached pages too), written every minute and when the site stops.
        services.AddSingleton<ReadCounter>();
        services.AddScoped<ReadCounts>();
        // Per node, not a Hangfire job: each node writes the reads it counted (every minute, and when it stops).
        services.AddHostedService<FlushReadCountsJob>();
    }

    // Before the output cache, which answers most readers' pages without running them.
    public void UseMiddleware(IApplicationBuilder app) => app.UseMiddleware<ReadCountingMiddleware>();

    public void ConfigureModel(ModelBuilder model) => model
        .ApplyConfiguration(new ContentItemConfiguration())
        .ApplyConfiguration(new ContentVersionConfiguration())
        .ApplyConfiguration(new MediaFileConfiguration())
        .ApplyConfiguration(new ContentReadConfiguration());

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Media are public, like the content that shows them; their names are random and never change.
        endpoints.MapGet("/media/{name}", async (string name, LearningDbContext db, IMediaStorage storage, HttpContext context) =>
        {
            var file = await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.StorageName == name);
            if (file is null || storage.Open(file.StorageName) is not { } stream)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Stream(stream, file.ContentType, enableRangeProcessing: true);
        }).AllowAnonymous();
    }
}
