using System.Net;
using Learning.Modules.Accounts;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Community.Notifications;
using Learning.Modules.Core;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Learning.Tests.Community.Discussions;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community.Notifications;

/// <summary>
/// E-mails of discussions to their followers: one per message for those who chose it, a daily digest for the others, through
/// the list "discussion-notifications" and its one-click unsubscribe. Each run is <see cref="DiscussionNotifier.SendDueAsync"/>,
/// what the job does for each tenant, with a clock moved by the test (messages are posted a minute apart, under the rate limits).
/// </summary>
public sealed class NotificationTests
{
    private const string Base = "https://localhost";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reply_reaches_a_follower_through_smtp_with_its_unsubscribe_headers_and_the_one_click_post_stops_the_next(Db database)
    {
        using var smtp = new SmtpCatcher();
        var clock = new MovableClock();
        await using var app = new LearningApp(database, smtp.Settings, TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var ann = (await app.CreateUserAsync("ann@example.org")).Id;
        var bob = (await app.CreateUserAsync("bob@example.org")).Id;
        var thread = await StartAsync(app, ann, "Who staffs the desk?", "Do you need *two* counsellors?");
        clock.Advance(TimeSpan.FromMinutes(1));

        // Bob follows the thread and chooses an e-mail for each message on "Followed discussions" (none until then).
        await FollowAsync(app, bob, thread);
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("bob@example.org");
        var followed = await client.GetPageAsync("/en/discussions/followed");
        Assert.Equal("True", followed.QuerySelector("[data-testid=discussion-emails-form] input[value=None]")!.HasAttribute("checked").ToString());
        var saved = await client.SubmitAndFollowAsync(followed, "[data-testid=discussion-emails-form]", ("Mode", "EachMessage"));
        Assert.Equal("Your choice is saved.", saved.Text("[data-testid=saved]"));
        Assert.True(saved.QuerySelector("[data-testid=discussion-emails-form] input[value=EachMessage]")!.HasAttribute("checked"));
        clock.Advance(TimeSpan.FromMinutes(1));

        var reply = await ReplyAsync(app, ann, thread, "Use **two** desks <script>alert(1)</script> & a partner.");
        Assert.Equal(1, await RunAsync(app));

        var received = await smtp.WaitForAsync("bob@example.org");
        Assert.Equal("New reply in “Who staffs the desk?”", received.Message.Subject);
        Assert.StartsWith("Hello bob,\n\nann wrote in “Who staffs the desk?”:\n\n> Use two desks <script>alert(1)</script> & a partner.\n\nRead it and reply:\n"
                          + $"{Base}/en/discussions/{thread}#message-{reply}\n", received.Text.Replace("\r\n", "\n"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; a partner.", received.Html);
        Assert.DoesNotContain("<script>", received.Html);
        Assert.Contains($"href=\"{Base}/en/discussions/{thread}#message-{reply}\"", received.Html);
        var header = received.Header("List-Unsubscribe")!;
        Assert.StartsWith($"<{Base}/en/unsubscribe?token=", header);
        Assert.Equal("List-Unsubscribe=One-Click", received.Header("List-Unsubscribe-Post"));
        Assert.Contains("“Discussion notifications”", received.Text);

        // The mail client's one-click POST: no cookie, no token of the page. The list is left; the choice stays as it was.
        using (var oneClick = await app.CreateClient().PostAsync(header[(1 + Base.Length)..^1], new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        await ReplyAsync(app, ann, thread, "Anyone else?");
        Assert.Equal(0, await RunAsync(app));
        Assert.Equal(["bob@example.org"], await RecipientsAsync(app));

        // The followed page says why nothing comes, and saving a choice there takes Bob back onto the list.
        followed = await client.GetPageAsync("/en/discussions/followed");
        Assert.NotNull(followed.QuerySelector("[data-testid=unsubscribed]"));
        await client.SubmitAndFollowAsync(followed, "[data-testid=discussion-emails-form]", ("Mode", "EachMessage"));
        Assert.False(await app.WithTenantAsync(sp => sp.GetRequiredService<EmailPreferences>().IsOptedOutAsync(bob, DiscussionSubscriptions.List, default)));

        // A choice that is not one of the three is refused and changes nothing.
        using (var bad = await client.SubmitAsync(followed, "[data-testid=discussion-emails-form]", ("Mode", "Hourly")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        Assert.Equal(NotificationMode.EachMessage, await app.WithTenantAsync(sp => sp.GetRequiredService<DiscussionSubscriptions>().ModeAsync(bob, default)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_message_goes_once_to_followers_who_may_read_it_never_their_own_nor_to_unconfirmed_deleted_or_opted_out_accounts(Db database)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(database, content: TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var ann = (await app.CreateUserAsync("ann@example.org")).Id;
        var editor = (await app.CreateUserAsync("editor@example.org", null, "Editor")).Id;
        var people = new Dictionary<string, string>();
        foreach (var name in new[] { "bob", "carl", "unconfirmed", "optedout", "deleted", "quiet" })
        {
            people[name] = (await app.CreateUserAsync($"{name}@example.org")).Id;
        }

        var thread = await StartAsync(app, ann, "Opening hours", "When do you open?");
        clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var (name, id) in people)
        {
            await FollowAsync(app, id, thread);
            await ChooseAsync(app, id, name == "quiet" ? NotificationMode.None : NotificationMode.EachMessage);
        }

        await ChooseAsync(app, ann, NotificationMode.EachMessage);
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            await db.Users.Where(u => u.Id == people["unconfirmed"]).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false));
            await sp.GetRequiredService<EmailPreferences>().OptOutAsync(people["optedout"], DiscussionSubscriptions.List, default);
            var users = sp.GetRequiredService<UserManager<LearningUser>>();
            return await users.DeleteAsync((await users.FindByIdAsync(people["deleted"]))!); // its follow and choice outlive it here on purpose
        });
        clock.Advance(TimeSpan.FromMinutes(1));

        // Ann's reply goes to Bob and Carl; Bob's to Ann and Carl; Carl's message, hidden by an editor before the run, to nobody.
        var fromAnn = await ReplyAsync(app, ann, thread, "From nine.");
        clock.Advance(TimeSpan.FromMinutes(1));
        var fromBob = await ReplyAsync(app, people["bob"], thread, "Thanks!");
        clock.Advance(TimeSpan.FromMinutes(1));
        var fromCarl = await ReplyAsync(app, people["carl"], thread, "Buy my course!");
        await app.WithTenantAsync(sp => sp.GetRequiredService<DiscussionBoard>().HideAsync(editor, fromCarl, "Advertising.", default));
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(4, await RunAsync(app));
        Assert.Equal(["ann@example.org", "bob@example.org", "carl@example.org", "carl@example.org"], await RecipientsAsync(app));
        Assert.Equal(
            new[] { (ann, fromBob), (people["bob"], fromAnn), (people["carl"], fromAnn), (people["carl"], fromBob) }.Order().ToList(),
            (await NotifiedAsync(app)).Select(n => (n.UserId, n.MessageId)).Order().ToList());

        // A second run (which reads again a few minutes before its watermark) and a third an hour on send nothing twice.
        Assert.Equal(0, await RunAsync(app));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RunAsync(app));
        Assert.Equal(4, (await RecipientsAsync(app)).Count);

        // A message held for review counts from its approval.
        await app.SettingsAsync(hold: true);
        var newcomer = (await app.CreateUserAsync("newcomer@example.org")).Id;
        var held = await ReplyAsync(app, newcomer, thread, "First post.");
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunAsync(app));
        await app.WithTenantAsync(sp => sp.GetRequiredService<DiscussionBoard>().ApproveAsync(editor, held, default));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await RunAsync(app));
        var latest = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().OutboxMessages.OrderBy(m => m.Id).Skip(4).Select(m => m.To).ToListAsync());
        Assert.Equal(["ann@example.org", "bob@example.org", "carl@example.org"], latest.Order());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Following_a_place_announces_its_new_threads_in_the_language_followed(Db database)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(database, content: TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var ann = (await app.CreateUserAsync("ann@example.org")).Id;
        var bob = (await app.CreateUserAsync("bob@example.org")).Id;
        await ChooseAsync(app, bob, NotificationMode.EachMessage);

        // Bob follows the practice's discussions with the button of its list (in English).
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("bob@example.org");
        var list = await client.GetPageAsync("/en/discussions?place=practice&id=job-desk");
        Assert.Equal("Follow this place", list.Text("[data-testid=place-follow-form] button"));
        list = await client.SubmitAndFollowAsync(list, "[data-testid=place-follow-form]");
        Assert.Equal("Stop following this place", list.Text("[data-testid=place-follow-form] button"));
        var followed = await client.GetPageAsync("/en/discussions/followed");
        Assert.Equal(["Neighbourhood job desk"], followed.QuerySelectorAll("[data-testid=followed-place] a").Select(a => a.TextContent.Trim()));
        using (var unknown = await client.SubmitAsync(await client.GetPageAsync("/en/discussions?place=practice&id=job-desk"), "[data-testid=place-follow-form]", ("id", "no-such-set")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        var thread = await StartAsync(app, ann, "Desk in a library?", "Has anyone tried a *library*?");
        clock.Advance(TimeSpan.FromMinutes(1));
        await StartAsync(app, ann, "Bureau à la bibliothèque ?", "Quelqu'un a essayé ?", culture: "fr");
        clock.Advance(TimeSpan.FromMinutes(1));
        await StartAsync(app, ann, "Elsewhere", "Another place.", set: DiscussionPlaces.General);
        clock.Advance(TimeSpan.FromMinutes(1));
        await ReplyAsync(app, ann, thread, "A reply Bob does not follow.");
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await RunAsync(app));
        var mail = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().OutboxMessages.SingleAsync());
        Assert.Equal("New discussion: “Desk in a library?”", mail.Subject);
        Assert.Contains("ann started the discussion “Desk in a library?”:", mail.TextBody);
        Assert.Contains("> Has anyone tried a library?", mail.TextBody);
        Assert.Equal(["bob@example.org"], await RecipientsAsync(app));

        // The choice and the place followed are Bob's data: exported, and erased with the account.
        var provider = await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetServices<IPersonalDataProvider>().Single(p => p.Section == "discussionNotifications");
            return System.Text.Json.JsonSerializer.Serialize(await data.ExportAsync(bob, default));
        });
        Assert.Contains("\"Mode\":\"EachMessage\"", provider);
        Assert.Contains("\"PlaceKind\":\"practice\",\"PlaceId\":\"job-desk\",\"Culture\":\"en\"", provider);
        await app.WithTenantAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LearningUser>>();
            return await sp.GetRequiredService<AccountErasure>().EraseAsync((await users.FindByIdAsync(bob))!, ErasureChoices.Default, default);
        });
        Assert.Equal((0, 0, 0), await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            return (await db.NotificationChoices.CountAsync(), await db.PlaceFollows.CountAsync(), await db.NotifiedMessages.CountAsync());
        }));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_daily_digest_lists_the_days_messages_by_thread_once_a_day(Db database)
    {
        var clock = new MovableClock();
        // Half past midnight tomorrow, and digests from noon: the test does not depend on when it runs.
        clock.Advance(TimeSpan.FromDays(1) - DateTime.UtcNow.TimeOfDay + TimeSpan.FromMinutes(30));
        await using var app = new LearningApp(database, new Dictionary<string, string?> { ["Learning:Community:Notifications:DigestHourUtc"] = "12" }, TestContent.Small())
        {
            TestServices = s => s.AddSingleton<TimeProvider>(clock),
        };
        var ann = (await app.CreateUserAsync("ann@example.org")).Id;
        var bob = (await app.CreateUserAsync("bob@example.org")).Id;
        var carl = (await app.CreateUserAsync("carl@example.org")).Id;
        var desk = await StartAsync(app, ann, "Desk", "About the desk.");
        var cafe = await StartAsync(app, carl, "Café", "About the café.", set: DiscussionPlaces.General);
        clock.Advance(TimeSpan.FromMinutes(1));
        await FollowAsync(app, bob, desk);
        await FollowAsync(app, bob, cafe);
        await ChooseAsync(app, bob, NotificationMode.DailyDigest);
        clock.Advance(TimeSpan.FromMinutes(1));

        await ReplyAsync(app, ann, desk, "First *answer*.");
        clock.Advance(TimeSpan.FromMinutes(1));
        await ReplyAsync(app, carl, desk, "Second answer.");
        clock.Advance(TimeSpan.FromMinutes(1));
        await ReplyAsync(app, bob, desk, "Bob's own.");
        clock.Advance(TimeSpan.FromMinutes(1));
        await ReplyAsync(app, ann, cafe, "Café answer.");
        clock.Advance(TimeSpan.FromMinutes(1));

        // Before noon, nothing; at noon, one e-mail with the three messages of others, under their threads.
        Assert.Equal(0, await RunAsync(app));
        clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(1, await RunAsync(app));
        var mail = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().OutboxMessages.SingleAsync());
        Assert.Equal("bob@example.org", mail.To);
        Assert.StartsWith("Your discussions of the day", mail.Subject);
        Assert.Contains("New messages in the discussions you follow: 3.", mail.TextBody);
        var text = mail.TextBody.Replace("\r\n", "\n");
        var deskAt = text.IndexOf("== Desk ==", StringComparison.Ordinal);
        var cafeAt = text.IndexOf("== Café ==", StringComparison.Ordinal);
        Assert.True(deskAt > 0 && cafeAt > deskAt, text);
        Assert.Contains("ann wrote:\nFirst answer.", text[deskAt..cafeAt]);
        Assert.Contains("carl wrote:\nSecond answer.", text[deskAt..cafeAt]);
        Assert.Contains("ann wrote:\nCafé answer.", text[cafeAt..]);
        Assert.DoesNotContain("Bob's own", text);
        Assert.DoesNotContain("About the desk", text); // published before Bob followed and chose the digest

        // Later that day nothing more; the next day only what is new.
        clock.Advance(TimeSpan.FromHours(2));
        await ReplyAsync(app, carl, cafe, "Late answer.");
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunAsync(app));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RunAsync(app));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunAsync(app));
        Assert.Equal(["bob@example.org", "bob@example.org"], await RecipientsAsync(app));
        var second = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().OutboxMessages.OrderBy(m => m.Id).Select(m => m.TextBody).ToListAsync());
        Assert.Contains("New messages in the discussions you follow: 1.", second[1]);
        Assert.Contains("Late answer.", second[1]);
    }

    private static Task<int> RunAsync(LearningApp app) => app.WithTenantAsync(sp => sp.GetRequiredService<DiscussionNotifier>().SendDueAsync(default));

    private static Task<int> StartAsync(LearningApp app, string userId, string title, string body, string culture = "en", string set = "job-desk") =>
        app.WithTenantAsync(async sp =>
        {
            var kind = set == DiscussionPlaces.General ? DiscussionPlaces.General : DiscussionPlaces.Practice;
            var place = (await sp.GetRequiredService<DiscussionPlaces>().FindAsync(kind, set, culture, default))!;
            var (outcome, id) = await sp.GetRequiredService<DiscussionBoard>().StartAsync(userId, false, place, culture, title, body, default);
            Assert.Equal(DiscussionOutcome.Done, outcome);
            return id;
        });

    private static Task<int> ReplyAsync(LearningApp app, string userId, int thread, string body) =>
        app.WithTenantAsync(async sp =>
        {
            var (outcome, id) = await sp.GetRequiredService<DiscussionBoard>().ReplyAsync(userId, false, thread, null, body, default);
            Assert.True(outcome is DiscussionOutcome.Done or DiscussionOutcome.Held, outcome.ToString());
            return id;
        });

    private static Task FollowAsync(LearningApp app, string userId, int thread) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<DiscussionBoard>().FollowAsync(userId, false, thread, true, default));

    private static Task ChooseAsync(LearningApp app, string userId, NotificationMode mode) =>
        app.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<DiscussionSubscriptions>().SetModeAsync(userId, mode, default);
            return 0;
        });

    private static Task<List<string>> RecipientsAsync(LearningApp app) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().OutboxMessages.OrderBy(m => m.To).ThenBy(m => m.Id).Select(m => m.To).ToListAsync());

    private static Task<List<NotifiedMessage>> NotifiedAsync(LearningApp app) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().NotifiedMessages.AsNoTracking().ToListAsync());
}
