using System.Net;
using Learning.Modules.Accounts;
using Learning.Modules.Assessment;
using Learning.Modules.Core;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Modules.Mooc.Contracts;
using Learning.Modules.Mooc.Reminders;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Mooc;

/// <summary>
/// Reminders to learners away from the course for 14 days (the default of Learning:Mooc:RemindAfterDays), once per
/// period of inactivity, on the test content (parts 1 to 4 of six activities, the self-assessment of two), with a clock
/// moved by the test. Each run is <see cref="CourseReminders.SendDueAsync"/>, what the job does for each tenant.
/// </summary>
public sealed class ReminderTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Inactive_learners_are_reminded_once_per_period_and_never_the_unconfirmed_deleted_opted_out_or_finished(Db database)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(database, content: TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var away = await EnrolledAsync(app, "away@example.org");
        var idle = await EnrolledAsync(app, "idle@example.org");             // enrolled, never opened an activity
        var busy = await EnrolledAsync(app, "busy@example.org");
        var unconfirmed = await EnrolledAsync(app, "unconfirmed@example.org");
        var optedOut = await EnrolledAsync(app, "opted.out@example.org");
        var finished = await EnrolledAsync(app, "finished@example.org");
        var deleted = await EnrolledAsync(app, "deleted@example.org");
        var bystander = (await app.CreateUserAsync("not.enrolled@example.org")).Id;
        await app.WithTenantAsync(async sp =>
        {
            var progress = sp.GetRequiredService<CourseProgress>();
            await progress.RememberAsync(away, "part-1", "p1-a03", default);
            await progress.RecordTryAsync(busy, "part-1", "p1-a01", right: true, default);
            var db = sp.GetRequiredService<LearningDbContext>();
            await db.Users.Where(u => u.Id == unconfirmed).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false));
            await sp.GetRequiredService<EmailPreferences>().OptOutAsync(optedOut, CourseReminders.List, default);
            // Every activity done and every part's test passed: the course is completed.
            var parts = await sp.GetRequiredService<Course>().PartsAsync("fr", default);
            foreach (var part in parts)
            {
                foreach (var activity in part.Content.Activities)
                {
                    await progress.RecordTryAsync(finished, part.SetId, activity.Id, right: true, default);
                }

                if (part.TestBank is { } bank)
                {
                    db.Attempts.Add(CourseFactsTests.Submitted(finished, bank, 1, passed: true, clock.GetUtcNow().UtcDateTime));
                }
            }

            await db.SaveChangesAsync();
            // An account deleted without its enrolment (the enrolment outlives it here on purpose).
            var users = sp.GetRequiredService<UserManager<LearningUser>>();
            return await users.DeleteAsync((await users.FindByIdAsync(deleted))!);
        });

        // 13 days on, nobody is due; Busy comes back that day.
        clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(0, await RunAsync(app));
        await app.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<CourseProgress>().RecordTryAsync(busy, "part-1", "p1-a02", right: false, default);
            return 0;
        });

        // 14 days and a minute after they were last active: Away and Idle, and nobody else.
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(2, await RunAsync(app));
        Assert.Equal(
            new[] { (away, "part-1", "p1-a03"), (idle, "part-1", "p1-a01") }.Order(),
            (await RemindersAsync(app)).Select(r => (r.UserId, r.Part!, r.Activity!)).Order());
        Assert.Equal(["away@example.org", "idle@example.org"], (await OutboxAsync(app)).Select(m => m.To).Order());

        // Once per period: the next runs, the same day and weeks later, send them nothing more.
        Assert.Equal(0, await RunAsync(app));
        clock.Advance(TimeSpan.FromDays(20));
        // Busy, last active 21 days ago, is now due, alone.
        Assert.Equal(1, await RunAsync(app));
        Assert.Equal(busy, (await RemindersAsync(app)).Last().UserId);

        // Away comes back (opens an activity), then stays away again: a new reminder only after 14 more days.
        await app.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<CourseProgress>().RememberAsync(away, "part-2", "p2-a04", default);
            return 0;
        });
        clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(0, await RunAsync(app));
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync(app));
        var reminders = await RemindersAsync(app);
        Assert.Equal((away, "part-2", "p2-a04"), (reminders[^1].UserId, reminders[^1].Part!, reminders[^1].Activity!));
        Assert.Equal(2, reminders.Count(r => r.UserId == away));
        Assert.Equal(1, reminders.Count(r => r.UserId == idle));
        Assert.DoesNotContain(reminders, r => r.UserId is var id && (id == unconfirmed || id == optedOut || id == finished || id == deleted || id == bystander));
        Assert.Equal(4, (await OutboxAsync(app)).Count);

        // Away opts out: nothing for them any more, however long they stay away after coming back once more.
        await app.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<CourseProgress>().RememberAsync(away, "part-2", "p2-a05", default);
            await sp.GetRequiredService<EmailPreferences>().OptOutAsync(away, CourseReminders.List, default);
            return 0;
        });
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await RunAsync(app));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_reminder_reaches_the_smtp_server_in_the_learners_language_and_its_link_opens_the_unit_where_they_stopped(Db database)
    {
        using var smtp = new SmtpCatcher();
        var clock = new MovableClock();
        await using var app = new LearningApp(database, smtp.Settings, TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var learner = await EnrolledAsync(app, "lea@example.org", "Léa");
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            await db.Users.Where(u => u.Id == learner).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, "fr"));
            await sp.GetRequiredService<CourseProgress>().RememberAsync(learner, "part-2", "p2-a03", default);
            return 0;
        });
        clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal(1, await RunAsync(app));

        var mail = await smtp.WaitForAsync("lea@example.org");
        Assert.Equal("Le cours vous attend – " + await SiteNameAsync(app), mail.Message.Subject);
        Assert.Contains("Bonjour Léa,", mail.Text);
        Assert.Contains("depuis 14 jours ou plus", mail.Text);
        Assert.Contains($"Vous vous êtes arrêté à « Activity p2-a03 (fr) », dans « {TestContent.PartTitle(2, "fr")} »", mail.Text);
        const string link = "https://localhost/fr/mooc/part-2/activities/p2-a03";
        Assert.Contains(link + "\n", mail.Text);
        Assert.Contains($"href=\"{link}\"", mail.Html);
        Assert.StartsWith("<https://localhost/fr/unsubscribe?token=", mail.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));

        // The link leads the learner, signed in, straight to that activity.
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("lea@example.org", basePath: "/fr");
        var page = await client.GetPageAsync(link["https://localhost".Length..]);
        Assert.Equal("Activity p2-a03 (fr)", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reports_count_the_reminders_of_a_period_and_they_are_the_learners_data_exported_and_erased(Db database)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(database, content: TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var ann = await EnrolledAsync(app, "ann@example.org");
        var ben = await EnrolledAsync(app, "ben@example.org");
        clock.Advance(TimeSpan.FromDays(15));
        var firstRun = clock.GetUtcNow().UtcDateTime;
        Assert.Equal(2, await RunAsync(app));
        await app.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<CourseProgress>().RememberAsync(ann, "part-1", "p1-a02", default);
            return 0;
        });
        clock.Advance(TimeSpan.FromDays(15));
        var secondRun = clock.GetUtcNow().UtcDateTime;
        Assert.Equal(1, await RunAsync(app));

        // Two reminders at the first run, one (Ann's) at the second: counted from (included) to (excluded).
        async Task<int> Count(DateTime from, DateTime to) => await app.WithTenantAsync(sp => sp.GetRequiredService<ReminderFacts>().CountSentAsync(from, to, default));
        Assert.Equal(3, await Count(firstRun, secondRun.AddSeconds(1)));
        Assert.Equal(2, await Count(firstRun, secondRun));
        Assert.Equal(1, await Count(firstRun.AddSeconds(1), secondRun.AddSeconds(1)));
        Assert.Equal(0, await Count(firstRun.AddDays(-30), firstRun));

        // Ann's export names her two reminders; erasing her leaves Ben's.
        var export = await app.WithTenantAsync(async sp => System.Text.Json.JsonSerializer.Serialize(
            await sp.GetServices<IPersonalDataProvider>().OfType<MoocPersonalData>().Single().ExportAsync(ann, default)));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(export, "\"SentUtc\"").Count);
        Assert.Contains("\"Activity\":\"p1-a02\"", export);
        await app.WithTenantAsync(async sp =>
        {
            await sp.GetServices<IPersonalDataProvider>().OfType<MoocPersonalData>().Single().EraseAsync(ann, default);
            return 0;
        });
        Assert.Equal([ben], (await RemindersAsync(app)).Select(r => r.UserId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Handing_in_a_parts_test_counts_as_activity(Db database)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(database, content: TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var learner = await EnrolledAsync(app, "tester@example.org");
        clock.Advance(TimeSpan.FromDays(10));
        await app.WithTenantAsync(async sp =>
        {
            var examiner = sp.GetRequiredService<Examiner>();
            var attempt = (await examiner.StartAsync(learner, "mooc/part-1/validation", default))!;
            return await examiner.SubmitAsync(attempt.Id, default);
        });

        // 15 days after enrolling but 5 after the test: not away long enough; 14 days and a minute after the test: due.
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, await RunAsync(app));
        clock.Advance(TimeSpan.FromDays(9) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync(app));
        Assert.Equal(learner, (await RemindersAsync(app)).Single().UserId);
    }

    /// <summary>A confirmed account (the language English unless changed), enrolled now.</summary>
    private static async Task<string> EnrolledAsync(LearningApp app, string email, string? name = null)
    {
        var user = await app.CreateUserAsync(email);
        await app.WithTenantAsync(async sp =>
        {
            if (name is not null)
            {
                await sp.GetRequiredService<LearningDbContext>().Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name));
            }

            await sp.GetRequiredService<CourseProgress>().EnrolAsync(user.Id, default);
            return 0;
        });
        return user.Id;
    }

    private static Task<int> RunAsync(LearningApp app) => app.WithTenantAsync(sp => sp.GetRequiredService<CourseReminders>().SendDueAsync(default));

    private static Task<List<ReminderSent>> RemindersAsync(LearningApp app) => app.WithTenantAsync(sp =>
        sp.GetRequiredService<LearningDbContext>().RemindersSent.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    private static Task<List<OutboxMessage>> OutboxAsync(LearningApp app) => app.WithTenantAsync(sp =>
        sp.GetRequiredService<LearningDbContext>().OutboxMessages.AsNoTracking().Where(m => m.UnsubscribeUrl != null).OrderBy(m => m.Id).ToListAsync());

    private static Task<string> SiteNameAsync(LearningApp app) => app.WithTenantAsync(sp =>
        Task.FromResult(sp.GetRequiredService<Learning.Modules.Core.Tenancy.TenantContext>().Tenant.DisplayName));
}
