using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Navigation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Toolbox;

/// <summary>The toolbox of transferable practices: catalogue with search and facets, practice pages, PDF.</summary>
public sealed class ToolboxModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PracticeType>();
        services.AddSingleton<IContentType>(sp => sp.GetRequiredService<PracticeType>());
        services.AddScoped<PracticeCatalog>();
        services.AddSingleton<PracticePdf>();
        services.AddSingleton(new NavigationItem("Toolbox", "toolbox", 10, typeof(ToolboxStrings),
            HomeDescription: "Project sheets written by partner organisations: what was done, how, with whom, and with what results."));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/{culture:culture}/toolbox/feed.atom", ToolboxFeeds.AtomAsync).AllowAnonymous().CacheOutput(ContentCachePolicy.Name);
        endpoints.MapGet("/sitemap.xml", ToolboxFeeds.SitemapAsync).AllowAnonymous().CacheOutput(ContentCachePolicy.Name);
    }
}
