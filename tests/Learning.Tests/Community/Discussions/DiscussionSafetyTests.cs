using System.Net;
using System.Text.Json;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Community.Discussions.Contracts;
using Learning.Modules.Content;
using Learning.Tests.Core;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community.Discussions;

public sealed class DiscussionSafetyTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_person_posting_beyond_the_limit_per_minute_and_a_tenant_beyond_its_own_get_a_message_and_nothing_is_stored(Db db)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(db, new Dictionary<string, string?>
        {
            ["Learning:Community:MessagesPerMinutePerPerson"] = "2", ["Learning:Community:MessagesPerMinutePerTenant"] = "3",
        }, TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        await app.CreateUserAsync("cid@example.org");
        var (ann, bob, cid) = (app.CreateClient(), app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await bob.LogInSuccessfullyAsync("bob@example.org");
        await cid.LogInSuccessfullyAsync("cid@example.org");

        // Ann: a thread and a reply are her 2 in the minute; the third is refused with its message and stores nothing.
        var thread = await ann.StartAsync("Flood", "One");
        using (var second = await ann.ReplyAsync(thread, "Two"))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        using (var third = await ann.ReplyAsync(thread, "Three"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            var page = await Browser.ParseAsync(third);
            Assert.Equal("You have posted many messages in the last minute: wait a minute, then post again.", page.FieldError());
            Assert.Equal("Three", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name=Body]")!.Value);
        }

        using (var newThread = await ann.SubmitAsync(await ann.GetPageAsync(DiscussionSteps.NewThreadPath()), "form[data-testid=new-thread-form]", ("Title", "Again"), ("Body", "Four")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, newThread.StatusCode);
        }

        Assert.Equal(2, (await app.MessagesAsync()).Count);
        Assert.Single(await app.ThreadsAsync());

        // Bob's message is the tenant's third in the minute; Cid's would be the fourth.
        using (var bobs = await bob.ReplyAsync(thread, "Bob's"))
        {
            Assert.Equal(HttpStatusCode.Redirect, bobs.StatusCode);
        }

        using (var cids = await cid.ReplyAsync(thread, "Cid's"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, cids.StatusCode);
            Assert.Equal("Many messages are being posted right now: wait a minute, then post again.", (await Browser.ParseAsync(cids)).FieldError());
        }

        Assert.Equal(["One", "Two", "Bob's"], (await app.MessagesAsync()).Select(m => m.Body));

        // A minute later, all can post again.
        clock.Advance(TimeSpan.FromSeconds(61));
        using (var later = await cid.ReplyAsync(thread, "Cid's, later"))
        {
            Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        }

        using (var annLater = await ann.ReplyAsync(thread, "Ann's, later"))
        {
            Assert.Equal(HttpStatusCode.Redirect, annLater.StatusCode);
        }

        Assert.Equal(5, (await app.MessagesAsync()).Count);
    }

    public static readonly string[] HostileBodies =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![pic](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[ref][x]\n\n[x]: javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "`<script>` in code is text",
        "<svg><script>alert(1)</script></svg>",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
    ];

    [Fact]
    public void Markdown_from_learners_never_lets_html_script_or_unsafe_links_through()
    {
        var markdown = new MarkdownRenderer();
        foreach (var body in HostileBodies)
        {
            var html = markdown.ToHtml(body);
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
            Assert.Empty(document.Body!.QuerySelectorAll("script, iframe, svg, img[onerror], div, object, embed"));
            Assert.DoesNotContain(document.Body.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            foreach (var link in document.Body.QuerySelectorAll("[href], [src]"))
            {
                var url = (link.GetAttribute("href") ?? link.GetAttribute("src"))!.Trim().ToLowerInvariant();
                Assert.False(url.Contains("script:") || url.StartsWith("data:"), $"{body} gave {html}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hostile_titles_and_messages_render_inert_on_the_thread_the_lists_and_the_editors_queue(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        await app.CreateUserAsync("eve@example.org", null, Learning.Modules.Core.Security.Roles.Editor);
        var (ann, bob, editor) = (app.CreateClient(), app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await bob.LogInSuccessfullyAsync("bob@example.org");
        await editor.LogInSuccessfullyAsync("eve@example.org");
        var thread = await ann.StartAsync("<script>alert('title')</script>", string.Join("\n\n", HostileBodies[..6]));
        using (await bob.ReplyAsync(thread, string.Join("\n\n", HostileBodies[6..]), quote: (await app.MessagesAsync())[0].Id))
        {
        }

        using (await ann.OnMessageAsync(thread, (await app.MessagesAsync())[1].Id, "report-form", ("Reason", "<img src=x onerror=alert(2)>")))
        {
        }

        foreach (var (client, path) in new[] { (app.CreateClient(), thread), (app.CreateClient(), "/en/discussions"), (app.CreateClient(), DiscussionSteps.PracticePath()),
                     (editor, "/en/editor/discussions"), (ann, "/en/discussions/mine"), (ann, thread) })
        {
            var page = await client.GetPageAsync(path);
            var main = page.QuerySelector("main")!;
            Assert.Empty(main.QuerySelectorAll("script, iframe, svg, object, embed"));
            Assert.DoesNotContain(main.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain(main.QuerySelectorAll("[href], [src]"), a => (a.GetAttribute("href") ?? a.GetAttribute("src"))!.Contains("script:", StringComparison.OrdinalIgnoreCase)
                || (a.GetAttribute("href") ?? a.GetAttribute("src"))!.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal("<script>alert('title')</script>", (await app.CreateClient().GetPageAsync(thread)).Text("[data-testid=thread-title]"));
        Assert.Contains("<img src=x onerror=alert(2)>", (await editor.GetPageAsync("/en/editor/discussions")).Text("[data-testid=reports]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_tenants_ids_and_tampered_input_are_refused_and_change_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        var ann = app.CreateClient();
        await ann.LogInSuccessfullyAsync("ann@example.org");
        var thread = await ann.StartAsync("Default tenant's thread", "Here.");
        var admin = await Learning.Tests.Accounts.AdministrationTests.LogInAsAdministrator(app);
        await TenantTests.CreateTenant(app, admin, "north", db, ("Input.UrlPrefix", "north"));
        await app.CreateUserAsync("nora@example.org", "north");
        var nora = app.CreateClient();
        await nora.LogInSuccessfullyAsync("nora@example.org", basePath: "/north/en");
        var id = thread.Id();

        // The thread's id means nothing in the other tenant; its message ids neither.
        await nora.GetPageAsync($"/north/en/discussions/{id}", HttpStatusCode.NotFound);
        await nora.GetPageAsync($"/north/en/discussions/messages/{(await app.MessagesAsync())[0].Id}/edit", HttpStatusCode.NotFound);
        var northThread = await nora.StartAsync("North's thread", "There.", page: "/north/en/discussions/new?place=general&id=general");
        var northPage = await nora.GetPageAsync(northThread);
        var token = northPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        foreach (var (handler, messageId) in new[] { ("Reply", "0"), ("Delete", "999"), ("Report", "999") })
        {
            using var response = await nora.PostAsync($"{northThread}?handler={handler}", new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("MessageId", messageId), new("Reason", "x"), new("Body", "x"), new("quote", "999")]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Her own session is worth nothing on the default tenant.
        using (var cross = await nora.PostAsync($"{thread}?handler=Reply", new FormUrlEncodedContent([new("Body", "Cross-tenant")])))
        {
            Assert.NotEqual(HttpStatusCode.OK, cross.StatusCode);
            Assert.False(cross.StatusCode == HttpStatusCode.Redirect && cross.Headers.Location!.OriginalString.StartsWith(thread, StringComparison.Ordinal));
        }

        Assert.Equal(["Here."], (await app.MessagesAsync()).Select(m => m.Body));
        Assert.Equal(["There."], (await app.MessagesAsync("north")).Select(m => m.Body));

        // Tampered places, control characters and overlong text: a message or 404, and nothing stored.
        await ann.GetPageAsync("/en/discussions/new?place=practice&id=no-such-set", HttpStatusCode.NotFound);
        await ann.GetPageAsync("/en/discussions/new?place=quiz&id=job-desk", HttpStatusCode.NotFound);
        await ann.GetPageAsync("/en/discussions?place=practice&id=x%00y", HttpStatusCode.NotFound);
        var form = await ann.GetPageAsync(DiscussionSteps.NewThreadPath());
        using (var tampered = await ann.SubmitAsync(form, "form[data-testid=new-thread-form]", ("id", "no-such-set"), ("Title", "T"), ("Body", "B")))
        {
            Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        }

        var control = await ann.SubmitAndFollowAsync(form, "form[data-testid=new-thread-form]", ("Title", "Bell\u0007"), ("Body", new string('a', 5001)));
        Assert.Equal("Write this on a single line, without tabs or invisible control characters. This is too long: 5000 characters at most.", control.FieldError());
        var empty = await ann.SubmitAndFollowAsync(form, "form[data-testid=new-thread-form]", ("Title", "  "), ("Body", ""));
        Assert.Equal("Give the discussion a title. Write your message.", empty.FieldError());
        Assert.Single(await app.ThreadsAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_person_exports_their_threads_messages_and_reports_and_erasing_them_leaves_others_threads_readable_by_a_former_member(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        var (ann, bob) = (app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await bob.LogInSuccessfullyAsync("bob@example.org");
        var thread = await ann.StartAsync("Ann's question", "What about transport?");
        using (await bob.ReplyAsync(thread, "Bus passes from the town.", quote: (await app.MessagesAsync())[0].Id))
        {
        }

        using (await ann.ReplyAsync(thread, "Thanks!"))
        {
        }

        var bobsId = (await app.MessagesAsync())[1].Id;
        using (await ann.OnMessageAsync(thread, bobsId, "report-form", ("Reason", "Check the town's name.")))
        {
        }

        using var json = (await PersonalDataZip.DownloadAsync(ann)).Json();
        var exported = json.RootElement.GetProperty("discussions");
        Assert.Equal(["Ann's question"], exported.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal(["What about transport?", "Thanks!"], exported.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.Equal(["Check the town's name."], exported.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("reason").GetString()));
        Assert.DoesNotContain("Bus passes", json.RootElement.GetProperty("discussions").GetRawText());

        var personalData = await ann.GetPageAsync("/en/account/personal-data");
        using (var deleted = await ann.SubmitAsync(personalData, "main form", ("Password", LearningApp.Password)))
        {
            Assert.Equal("/en/account/deleted", deleted.Headers.Location?.OriginalString);
        }

        // Bob's thread page still reads: Ann's messages as a former member's, Bob's reply and its quote intact; her report gone.
        var page = await app.CreateClient().GetPageAsync(thread);
        Assert.Equal("Ann's question", page.Text("[data-testid=thread-title]"));
        Assert.Equal([("Former member", "What about transport?"), ("bob", "Bus passes from the town."), ("Former member", "Thanks!")], page.ShownMessages());
        Assert.Contains("Former member wrote:", page.Text("[data-testid=quote]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=author] a"));
        Assert.All((await app.MessagesAsync()).Where(m => m.Id != bobsId), m => Assert.Null(m.AuthorId));
        Assert.Null((await app.ThreadsAsync())[0].AuthorId);
        Assert.Empty(await app.ReportsAsync());

        // With the tenant's setting, a leaving person's text goes too.
        await app.SettingsAsync(removeContent: true);
        var removedTitle = await bob.StartAsync("Bob's own", "Bob's text");
        using (var leaving = await bob.SubmitAsync(await bob.GetPageAsync("/en/account/personal-data"), "main form", ("Password", LearningApp.Password)))
        {
            Assert.Equal("/en/account/deleted", leaving.Headers.Location?.OriginalString);
        }

        var after = await app.CreateClient().GetPageAsync(thread);
        Assert.Equal([("Former member", "What about transport?"), ("Former member", "Message removed with its author's account."), ("Former member", "Thanks!")],
            after.ShownMessages());
        Assert.StartsWith("Former member wrote:", after.Text("[data-testid=quote]"));
        Assert.Equal("(title removed)", (await app.CreateClient().GetPageAsync(removedTitle)).Text("[data-testid=thread-title]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_activity_seam_lists_messages_readers_can_see_by_thread_and_time_a_held_one_from_its_approval(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        var (ann, bob) = (app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await bob.LogInSuccessfullyAsync("bob@example.org");
        var start = DateTime.UtcNow.AddSeconds(-1);
        var first = await ann.StartAsync("First", "One");
        var second = await ann.StartAsync("Second", "Two");
        using (await bob.ReplyAsync(first, "Three"))
        {
        }

        await app.SettingsAsync(hold: true);
        using (await bob.ReplyAsync(first, "Held"))
        {
        }

        var messages = await app.MessagesAsync();
        using (await ann.OnMessageAsync(first, messages[0].Id, "delete-form"))
        {
        }

        var all = await app.WithTenantAsync(sp => sp.GetRequiredService<DiscussionActivity>().PublishedSinceAsync(start, null, 100, default));
        Assert.Equal([("Two", second.Id()), ("Three", first.Id())], all.Select(p => (messages.Single(m => m.Id == p.MessageId).Body, p.ThreadId)));
        var ofFirst = await app.WithTenantAsync(sp => sp.GetRequiredService<DiscussionActivity>().PublishedSinceAsync(start, first.Id(), 100, default));
        Assert.Equal([messages[2].Id], ofFirst.Select(p => p.MessageId));
        var later = await app.WithTenantAsync(sp => sp.GetRequiredService<DiscussionActivity>().PublishedSinceAsync(all[^1].PublishedUtc, null, 100, default));
        Assert.Empty(later);
    }

    [Fact]
    public async Task An_account_whose_email_is_not_confirmed_cannot_sign_in_so_cannot_post()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var user = await app.CreateUserAsync("unconfirmed@example.org");
        await app.WithTenantAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Learning.Modules.Accounts.LearningUser>>();
            var found = (await users.FindByIdAsync(user.Id))!;
            found.EmailConfirmed = false;
            return await users.UpdateAsync(found);
        });
        var client = app.CreateClient();
        using (await client.LogInAsync("unconfirmed@example.org"))
        {
        }

        using var form = await client.GetAsync(DiscussionSteps.NewThreadPath());
        Assert.StartsWith("/en/account/login", form.Headers.Location?.OriginalString);
        Assert.Empty(await app.ThreadsAsync());
    }
}
