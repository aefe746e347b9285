using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
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
        services.AddScoped<SearchIndex>();
        services.AddScoped<ContentPublisher>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        services.AddScoped<Xliff>();
        services.AddSingleton<ITenantSetupStep, ContentSetupStep>();
        services.AddOutputCache();
    }
}
