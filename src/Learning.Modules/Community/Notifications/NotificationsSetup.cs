using Learning.Modules.Core.Email;
using Learning.Modules.Core.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

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
        services.AddQuartz(q =>
        {
            var job = new JobKey(nameof(SendDiscussionNotificationsJob));
            q.AddJob<SendDiscussionNotificationsJob>(j => j.WithIdentity(job));
            q.AddTrigger(t => t.ForJob(job).StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(interval)).RepeatForever()));
        });
    }

    public static void ConfigureModel(ModelBuilder model) => model
        .ApplyConfiguration(new NotificationChoiceConfiguration())
        .ApplyConfiguration(new PlaceFollowConfiguration())
        .ApplyConfiguration(new NotifiedMessageConfiguration())
        .ApplyConfiguration(new NotificationRunConfiguration());
}
