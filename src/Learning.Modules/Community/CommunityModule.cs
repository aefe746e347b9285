using Learning.Modules.Community.Discussions;
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
        // Privacy notice
        services.Configure<Privacy.PrivacyOptions>(configuration.GetSection(Privacy.PrivacyOptions.Section));
        services.AddScoped<Privacy.DefaultPrivacyNotice>();
        services.AddScoped<Privacy.PrivacyNotices>();
        services.AddSingleton(new NavigationItem("Privacy notice", "admin/privacy", 130, typeof(CommunityStrings), Roles.AdministratorPolicy));
        // Discussions
        services.Configure<CommunityOptions>(configuration.GetSection($"{LearningOptions.Section}:Community"));
        services.AddScoped<DiscussionSettingsStore>();
        services.AddScoped<DiscussionPlaces>();
        services.AddScoped<DiscussionBoard>();
        services.AddScoped<DiscussionReader>();
        services.AddScoped<Discussions.Contracts.DiscussionActivity>();
        services.AddScoped<IPersonalDataProvider, DiscussionPersonalData>();
        services.AddSingleton<IContentAside, DiscussionsAside>();
        services.AddSingleton(new NavigationItem("Discussions", "discussions", 60, typeof(CommunityStrings)));
        services.AddSingleton(new NavigationItem("Moderation", "editor/discussions", 93, typeof(CommunityStrings), Roles.EditorPolicy));
        services.AddSingleton(new NavigationItem("Discussion settings", "admin/community", 102, typeof(CommunityStrings), Roles.AdministratorPolicy));
        Notifications.NotificationsSetup.AddServices(services, configuration); // following places, e-mails of discussions
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
        // Privacy notice
        model.ApplyConfiguration(new Privacy.PrivacyNoticeConfiguration());
        // Discussions
        model.ApplyConfiguration(new DiscussionThreadConfiguration());
        model.ApplyConfiguration(new DiscussionMessageConfiguration());
        model.ApplyConfiguration(new MessageReportConfiguration());
        model.ApplyConfiguration(new DiscussionSettingsConfiguration());
        model.ApplyConfiguration(new ThreadFollowConfiguration());
        Notifications.NotificationsSetup.ConfigureModel(model);
        // Share your practice
        model.ApplyConfiguration(new PracticeSubmissionConfiguration());
        model.ApplyConfiguration(new SubmissionMessageConfiguration());
    }
}
