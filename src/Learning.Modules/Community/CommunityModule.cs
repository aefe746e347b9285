using Learning.Modules.Community.Sharing;
using Learning.Modules.Content.ContentAsides;
using Learning.Modules.Core;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Community;

/// <summary>Learners together: no trainer ever intervenes, so learners talk to each other and to partner editors,
/// and share their own practices for the toolbox.</summary>
public sealed class CommunityModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Share your practice
        services.Configure<SharingOptions>(configuration.GetSection($"{LearningOptions.Section}:Community:Sharing"));
        services.AddScoped<SharedPractices>();
        services.AddScoped<IPersonalDataProvider, SharingPersonalData>();
        services.AddSingleton<IContentAside, SharedByAside>();
        services.AddSingleton(new NavigationItem("Share a practice", "share", 15, typeof(CommunityStrings)));
        services.AddSingleton(new NavigationItem("Shared practices", "editor/submissions", 93, typeof(CommunityStrings), Roles.EditorPolicy));
    }

    public void ConfigureModel(ModelBuilder model)
    {
        // Share your practice
        model.ApplyConfiguration(new PracticeSubmissionConfiguration());
        model.ApplyConfiguration(new SubmissionMessageConfiguration());
    }
}
