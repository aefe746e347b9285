using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Navigation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Tutorials;

/// <summary>Tutorials: how each practice was built — mind map, timeline, actors, testimonials, videos.</summary>
public sealed class TutorialsModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TutorialType>();
        services.AddSingleton<IContentType>(sp => sp.GetRequiredService<TutorialType>());
        services.AddSingleton(new NavigationItem("Tutorials", "tutorials", 20, typeof(TutorialsStrings),
            HomeDescription: "How each project was built: mind map, video, timeline, the actors involved, testimonials."));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // A video's subtitles in a culture: that culture's cues, as WebVTT.
        endpoints.MapGet("/{culture:culture}/tutorials/{slug}/video-{number:int}.vtt", async (string culture, string slug, int number, ContentReader reader, CancellationToken cancellationToken) =>
        {
            var found = await reader.FindAsync(TutorialType.TypeName, slug, culture, cancellationToken);
            var videos = found is null ? [] : Tutorial.From(ContentFields.Parse(found.Version.Fields)).Videos;
            if (number < 1 || number > videos.Count)
            {
                return Results.NotFound();
            }

            return Results.Text(videos[number - 1].ToWebVtt(), "text/vtt; charset=utf-8");
        }).AllowAnonymous().CacheOutput(ContentCachePolicy.Name);
    }
}
