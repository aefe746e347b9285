using Learning.Modules.Core.Email;
using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Community.Notifications;

/// <summary>What <see cref="CommunityModule"/> registers and maps for the discussion e-mails.</summary>
public static class NotificationsSetup
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<DiscussionSubscriptions>();
        services.AddScoped<DiscussionNotifier>();
        services.AddScoped<IPersonalDataProvider, NotificationPersonalData>();
        services.AddSingleton(new EmailList(DiscussionSubscriptions.List, "Discussion notifications", typeof(CommunityStrings),
            "E-mails about the discussions you follow, for each message or as a daily digest, as you chose on the page “Followed discussions”."));
        var interval = Math.Max(1, configuration.GetValue($"{NotificationOptions.Section}:{nameof(NotificationOptions.IntervalMinutes)}", new NotificationOptions().IntervalMinutes));
        services.AddTenantJob<SendDiscussionNotificationsJob>("discussion-notifications", TimeSpan.FromMinutes(interval));
    }

    public static void ConfigureModel(ModelBuilder model) => model
        .ApplyConfiguration(new NotificationChoiceConfiguration())
        .ApplyConfiguration(new PlaceFollowConfiguration())
        .ApplyConfiguration(new NotifiedMessageConfiguration())
        .ApplyConfiguration(new NotificationRunConfiguration());
}
