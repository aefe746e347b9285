using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Content;
using Learning.Modules.Content.ContentAsides;
using Learning.Modules.Core;
using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Mooc.Reminders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Mooc;

/// <summary>The MOOC: its parts and self-assessment, formative activities, enrolment, progress and "continue".</summary>
public sealed class MoocModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddSingleton<MoocPartType>();
        services.AddSingleton<IContentType>(sp => sp.GetRequiredService<MoocPartType>());
        services.AddScoped<Course>();

        // The glossary of services: its content type, its reader, its page and the aside beside practices.
        services.AddSingleton<Glossary.GlossaryType>();
        services.AddSingleton<IContentType>(sp => sp.GetRequiredService<Glossary.GlossaryType>());
        services.AddScoped<Glossary.ServiceGlossary>();
        services.AddSingleton<IContentAside, Glossary.GlossaryAside>();
        services.AddSingleton(new NavigationItem("Glossary", Glossary.GlossaryType.PagePath, 35, typeof(MoocStrings)));
        services.AddScoped<CourseProgress>();
        services.OnClusterSignal(CourseProgress.LearnerChannel, CourseProgress.ForgetHere);
        services.AddScoped<ITestSubmittedHandler, ProgressOnSubmission>();
        services.AddSingleton<ITestOwner, PartTests>();
        services.AddSingleton<ITenantSetupStep, MoocSetupStep>();
        services.AddScoped<Contracts.CourseTests>();
        services.AddScoped<LearnerStates>();
        services.AddScoped<Contracts.CourseFacts>();
        services.AddScoped<IPersonalDataProvider, MoocPersonalData>();

        // Reminders to inactive learners: a list learners may leave, found by a job, sent through the outbox.
        services.Configure<MoocOptions>(configuration.GetSection(MoocOptions.Section));
        services.AddScoped<CourseReminders>();
        services.AddScoped<Contracts.ReminderFacts>();
        services.AddSingleton(new EmailList(CourseReminders.List, "Course reminders", typeof(MoocStrings),
            "An e-mail when you have not been back to the course for a while, with a link to where you stopped."));
        var interval = Math.Max(1, configuration.GetValue($"{MoocOptions.Section}:{nameof(MoocOptions.ReminderIntervalMinutes)}", new MoocOptions().ReminderIntervalMinutes));
        // The first run a minute after start, when the site is up; then at every interval.
        services.AddTenantJob<SendRemindersJob>("course-reminders", TimeSpan.FromMinutes(interval));
        services.AddSingleton(new NavigationItem("MOOC", "mooc", 30, typeof(MoocStrings),
            HomeDescription: "Four parts to define target publics, improve outreach, better support people and meet the world of work, with a certificate."));
        services.AddSingleton(new NavigationItem("Course progress", "admin/progress", 106, typeof(MoocStrings), Roles.AdministratorPolicy));
    }

    public void ConfigureModel(ModelBuilder model) => model
        .ApplyConfiguration(new EnrolmentConfiguration())
        .ApplyConfiguration(new ActivityProgressConfiguration())
        .ApplyConfiguration(new ReminderSentConfiguration());

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The subtitles of a part's introduction video in a culture: that culture's cues, as WebVTT.
        endpoints.MapGet("/{culture:culture}/mooc/{part}/video.vtt", async (string culture, string part, Course course, CancellationToken cancellationToken) =>
            await course.PartAsync(part, culture, cancellationToken) is { } found && found.Culture == culture
                ? Results.Text(found.Content.Video.ToWebVtt(), "text/vtt; charset=utf-8")
                : Results.NotFound())
            .AllowAnonymous().CacheOutput(ContentCachePolicy.Name);

        // The subtitles of a part's further videos ("videos:"), numbered from 1.
        endpoints.MapGet("/{culture:culture}/mooc/{part}/video-{number:int}.vtt", async (string culture, string part, int number, Course course, CancellationToken cancellationToken) =>
            await course.PartAsync(part, culture, cancellationToken) is { } found && found.Culture == culture && number >= 1 && number <= found.Content.Videos.Count
                ? Results.Text(found.Content.Videos[number - 1].ToWebVtt(), "text/vtt; charset=utf-8")
                : Results.NotFound())
            .AllowAnonymous().CacheOutput(ContentCachePolicy.Name);

        // Attempts were once addressed under the course; old links and bookmarks lead to their pages now.
        endpoints.MapGet("/{culture:culture}/mooc/attempts/{id:int}", (string culture, int id, HttpContext http) =>
            Results.Redirect(CultureLinks.Path(http.Request, culture, TestPaths.Attempt(id)), permanent: true)).AllowAnonymous();
        endpoints.MapGet("/{culture:culture}/mooc/attempts/{id:int}/{position:int}", (string culture, int id, int position, HttpContext http) =>
            Results.Redirect(CultureLinks.Path(http.Request, culture, TestPaths.Question(id, position)), permanent: true)).AllowAnonymous();
    }
}
