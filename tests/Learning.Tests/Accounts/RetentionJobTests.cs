using Learning.Modules.Accounts;
using Learning.Modules.Core;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Accounts;

public sealed class RetentionJobTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Unconfirmed_accounts_go_after_thirty_days_and_sent_emails_after_ninety(Db db)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(db) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var start = clock.GetUtcNow().UtcDateTime;
        await CreateUnconfirmedAsync(app, "never-confirmed@example.org", start);
        await CreateUnconfirmedAsync(app, "unconfirmed-admin@example.org", start, Roles.Administrator);
        await app.CreateUserAsync("confirmed@example.org");
        await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            data.OutboxMessages.AddRange(
                Mail("never-confirmed@example.org", "Confirm your address", start, sentUtc: start),
                Mail("confirmed@example.org", "Sent on day 0", start, sentUtc: start),
                Mail("confirmed@example.org", "Given up on day 0", start, sentUtc: null, attempts: SendOutboxJob.MaxAttempts),
                Mail("confirmed@example.org", "Sent on day 60", start.AddDays(60), sentUtc: start.AddDays(60)));
            return await data.SaveChangesAsync();
        });

        // Day 29: nothing is old enough.
        clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal((0, 0), await RunAsync(app));

        // Day 31: the unconfirmed learner goes, with the e-mail sent to them (the erasure's own work); an administrator
        // is never removed by the job, nor a confirmed person.
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal((1, 0), await RunAsync(app));
        Assert.Equal(["confirmed@example.org", "unconfirmed-admin@example.org"], await PeopleAsync(app));
        Assert.Equal(["Given up on day 0", "Sent on day 0", "Sent on day 60"], await SubjectsAsync(app));

        // Day 91: what was sent (or given up) on day 0 goes; day 60's stays until day 150.
        clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal((0, 2), await RunAsync(app));
        Assert.Equal(["Sent on day 60"], await SubjectsAsync(app));
        clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal((0, 1), await RunAsync(app));
        Assert.Empty(await SubjectsAsync(app));
    }

    [Fact]
    public async Task The_delays_come_from_the_settings()
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?>
        {
            ["Learning:Accounts:DeleteUnconfirmedAfterDays"] = "3",
            ["Learning:Email:KeepSentDays"] = "5",
        }) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var start = clock.GetUtcNow().UtcDateTime;
        await CreateUnconfirmedAsync(app, "late@example.org", start);
        await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            data.OutboxMessages.Add(Mail("someone@example.org", "Day 0", start, sentUtc: start));
            return await data.SaveChangesAsync();
        });

        clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal((1, 0), await RunAsync(app));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal((0, 1), await RunAsync(app));
    }

    private static Task<(int Accounts, int Emails)> RunAsync(LearningApp app) =>
        app.WithTenantAsync(sp => ActivatorUtilities.CreateInstance<RetentionJob>(app.Services).RunAsync(sp, default));

    private static OutboxMessage Mail(string to, string subject, DateTime createdUtc, DateTime? sentUtc, int attempts = 1) =>
        new() { To = to, Subject = subject, TextBody = "text", HtmlBody = "<p>html</p>", CreatedUtc = createdUtc, SentUtc = sentUtc, Attempts = attempts };

    private static Task<int> CreateUnconfirmedAsync(LearningApp app, string email, DateTime createdUtc, string role = Roles.Learner) => app.WithTenantAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<LearningUser>>();
        var user = new LearningUser { UserName = email, Email = email, DisplayName = "Unconfirmed", PreferredCulture = "en", CreatedUtc = createdUtc, ProfileChangedUtc = createdUtc, PrivacyAcceptedUtc = createdUtc };
        Assert.True((await users.CreateAsync(user, LearningApp.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return 0;
    });

    private static Task<List<string>> PeopleAsync(LearningApp app) => app.WithTenantAsync(async sp =>
        (await sp.GetRequiredService<LearningDbContext>().Users.Where(u => u.Email!.EndsWith("@example.org")).Select(u => u.Email!).ToListAsync()).Order(StringComparer.Ordinal).ToList());

    private static Task<List<string>> SubjectsAsync(LearningApp app) => app.WithTenantAsync(async sp =>
        (await sp.GetRequiredService<LearningDbContext>().OutboxMessages.Select(m => m.Subject).ToListAsync()).Order(StringComparer.Ordinal).ToList());
}
