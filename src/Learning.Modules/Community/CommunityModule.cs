using Learning.Modules.Core;
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
        services.Configure<Privacy.PrivacyOptions>(configuration.GetSection(Privacy.PrivacyOptions.Section));
        services.AddScoped<Privacy.DefaultPrivacyNotice>();
        services.AddScoped<Privacy.PrivacyNotices>();
        services.AddSingleton(new Core.Navigation.NavigationItem("Privacy notice", "admin/privacy", 130, typeof(CommunityStrings), Core.Security.Roles.AdministratorPolicy));
    }

    public void ConfigureModel(ModelBuilder model)
    {
        model.ApplyConfiguration(new Privacy.PrivacyNoticeConfiguration());
    }
}
