using Learning.BrowserTests.Pages;
using Learning.Modules.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

/// <summary>The community pages in a real browser: hostile text in every field stays text (no script runs, no dialog
/// opens, the characters show as typed); a learner posts, another replies and reports, an editor hides with a reason
/// the author reads; a learner shares a practice; the pages are accessible and fit a phone, in English and Hungarian.</summary>
public sealed class CommunityJourneyTests
{
    private const string Practice = "/en/toolbox/rebondir-remobilisation-modules";

    // Each payload sets window.__xss (and opens a dialog) if it ever runs.
    private const string TitlePayload = "<script>window.__xss='title';alert(1)</script> Job café\"><svg onload=\"window.__xss='title-svg'\">";
    private const string ImgPayload = "<img src=x onerror=\"window.__xss='img';alert(2)\">";
    private const string SvgPayload = "\"><svg onload=\"window.__xss='svg';alert(3)\">";
    private const string ScriptPayload = "<script>window.__xss='script';alert(4)</script>";
    private const string LinkText = "read the guide";
    private const string LinkPayload = "[" + LinkText + "](javascript:window.__xss='link';alert(5))";
    private const string NamePayload = "Bob\"><img src=x onerror=\"window.__xss='name'\">";

    private static readonly string Body = $"Hello, here is my question.\n\n{ImgPayload}\n\n{LinkPayload}\n\n{SvgPayload}\n\n{ScriptPayload}";

    [Fact]
    public async Task A_learner_posts_another_reports_an_editor_hides_and_the_author_reads_why_and_no_payload_runs()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.CreateUserAsync("alice@example.org");
        await session.App.CreateUserAsync("bob@example.org");
        await RenameAsync(session, "bob@example.org", NamePayload);
        await session.App.CreateUserAsync("editor@example.org", null, "Editor");

        // Alice opens a practice and follows its discussions aside to start a thread.
        var alice = await SignedInAsync(session, "alice@example.org");
        await alice.GotoAsync(Practice);
        await alice.GetByTestId("discussions-aside").GetByTestId("start-thread").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("new-thread-form")).ToBeVisibleAsync();
        await alice.Locator("#thread-title").FillAsync(TitlePayload);
        await alice.Locator("#thread-body").FillAsync(Body);
        await alice.GetByTestId("new-thread-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("thread-title")).ToHaveTextAsync(TitlePayload);
        var thread = alice.Url;
        await AssertBodyInertAsync(alice.GetByTestId("message").First);
        await AssertInertAsync(alice);

        // A visitor finds it in the practice's aside (a page the output cache keeps) and in the list, as text.
        var visitor = await session.NewPageAsync(phone: true);
        visitor.Dialog += (_, dialog) => dialogs.Add($"{visitor.Url}: {dialog.Type} {dialog.Message}");
        await visitor.GotoAsync(Practice);
        await Assertions.Expect(visitor.GetByTestId("aside-threads").GetByTestId("thread-link")).ToHaveTextAsync(TitlePayload);
        await AssertInertAsync(visitor);
        await visitor.GotoAsync("/en/discussions");
        await Assertions.Expect(visitor.GetByTestId("threads").GetByTestId("thread-link")).ToHaveTextAsync(TitlePayload);
        await AssertInertAsync(visitor);
        await visitor.GetByTestId("threads").GetByTestId("thread-link").ClickAsync();
        await AssertBodyInertAsync(visitor.GetByTestId("message").First);
        await Assertions.Expect(visitor.GetByTestId("sign-in-to-reply")).ToBeVisibleAsync();
        await AssertInertAsync(visitor);

        // Bob replies quoting it, and reports it with a reason that is itself a payload.
        var bob = await SignedInAsync(session, "bob@example.org");
        await bob.GotoAsync(thread);
        await Assertions.Expect(bob.GetByTestId("thread-title")).ToHaveTextAsync(TitlePayload);
        var first = bob.GetByTestId("message").First;
        await first.GetByTestId("quote-link").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("reply-quote")).ToContainTextAsync(ImgPayload);
        await bob.Locator("#reply-body").FillAsync("I quote you: " + SvgPayload);
        await bob.GetByTestId("reply-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("done")).ToBeVisibleAsync();
        var reply = bob.GetByTestId("message").Nth(1);
        await Assertions.Expect(reply.GetByTestId("author")).ToHaveTextAsync(NamePayload);
        await Assertions.Expect(reply.GetByTestId("quote")).ToContainTextAsync(ImgPayload);
        await Assertions.Expect(reply.GetByTestId("body")).ToHaveTextAsync("I quote you: " + SvgPayload);
        await first.Locator("summary", new() { HasText = "Report this message" }).ClickAsync();
        await first.GetByLabel("Why should the editors look at it?").FillAsync("Spam with code " + ScriptPayload);
        await first.GetByTestId("report-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("done")).ToBeVisibleAsync();
        await AssertInertAsync(bob);

        // The editor sees the report in the queue, with the texts inert, and hides the message with a reason.
        var editor = await SignedInAsync(session, "editor@example.org");
        await editor.GotoAsync("/en/editor/discussions");
        var queued = editor.GetByTestId("queued").Filter(new() { Has = editor.GetByTestId("reports") });
        await Assertions.Expect(queued).ToHaveCountAsync(1);
        await Assertions.Expect(queued.Locator("h2")).ToHaveTextAsync(TitlePayload);
        await Assertions.Expect(queued.GetByTestId("reports")).ToContainTextAsync(NamePayload + ": Spam with code " + ScriptPayload);
        await AssertBodyInertAsync(queued);
        await AssertInertAsync(editor);
        var why = "Please no code here " + ImgPayload;
        await queued.GetByLabel("Reason (its author reads it)").FillAsync(why);
        await queued.GetByTestId("hide-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(editor.GetByTestId("done")).ToBeVisibleAsync();
        await AssertInertAsync(editor);

        // Alice sees her message hidden and the editor's reason, on the thread and under My messages.
        await alice.GotoAsync(thread);
        var hidden = alice.GetByTestId("message").First;
        await Assertions.Expect(hidden).ToHaveAttributeAsync("data-status", "Hidden");
        await AssertBodyInertAsync(hidden); // its author still reads their own text
        await Assertions.Expect(hidden.GetByTestId("moderation-reason")).ToHaveTextAsync("Hidden by the editors: " + why);
        await AssertInertAsync(alice);
        await BrowserSession.ScreenshotAsync(alice, "community-thread-hidden-en-desktop");
        await BrowserSession.AssertAccessibleAsync(alice);
        await alice.GotoAsync("/en/discussions/mine");
        var mine = alice.GetByTestId("my-message").Filter(new() { Has = alice.GetByTestId("my-status") });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine.Locator("h2")).ToHaveTextAsync(TitlePayload);
        await Assertions.Expect(mine.GetByTestId("my-status")).ToHaveTextAsync("Hidden by the editors: " + why);
        await AssertInertAsync(alice);
        await BrowserSession.ScreenshotAsync(alice, "community-my-messages-hidden-en-desktop");
        await BrowserSession.AssertAccessibleAsync(alice);

        // Hiding a thread's first message takes the whole thread away from the others.
        var gone = await bob.GotoAsync(thread);
        Assert.Equal(404, gone!.Status);
        await bob.GotoAsync("/en/discussions");
        await Assertions.Expect(bob.GetByTestId("thread-link")).ToHaveCountAsync(0);
        await AssertInertAsync(bob);
    }

    [Fact]
    public async Task A_practice_shared_with_payloads_in_every_field_shows_them_inert_to_the_editors_and_the_learner()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.CreateUserAsync("alice@example.org");
        await session.App.CreateUserAsync("editor@example.org", null, "Editor");

        var alice = await SignedInAsync(session, "alice@example.org");
        await alice.GotoAsync("/en/share");
        var fields = ShareFields();
        foreach (var (id, value) in fields)
        {
            await alice.Locator("#" + id).FillAsync(value);
        }

        await alice.Locator("#Input_Country").SelectOptionAsync("BE");
        await alice.GetByTestId("share-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("submission")).ToHaveCountAsync(1);
        await Assertions.Expect(alice.GetByTestId("submission").Locator("h2")).ToHaveTextAsync(fields["Input_Title"]);
        await alice.GetByLabel("Your message to the editors").FillAsync("A note " + SvgPayload);
        await alice.GetByTestId("reply-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("message")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape("A note " + SvgPayload)));
        await AssertInertAsync(alice);

        var editor = await SignedInAsync(session, "editor@example.org");
        await editor.GotoAsync("/en/editor/submissions");
        var row = editor.GetByTestId("submission-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("a")).ToHaveTextAsync(fields["Input_Title"]);
        await AssertInertAsync(editor);
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(editor.Locator("main h1")).ToHaveTextAsync(fields["Input_Title"]);
        await Assertions.Expect(editor.GetByTestId("message")).ToContainTextAsync("A note " + SvgPayload);
        await editor.Locator("#write-text").FillAsync("Thanks! " + ScriptPayload);
        await editor.GetByTestId("write-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(editor.GetByTestId("message")).ToHaveCountAsync(2);
        await AssertInertAsync(editor);
        await editor.Locator("#decline-reason").FillAsync("Not a practice " + ImgPayload);
        await editor.GetByTestId("decline-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(editor.GetByTestId("submission-status")).ToHaveAttributeAsync("data-status", "Declined");
        await AssertInertAsync(editor);

        // The draft in the practice editor holds every text field as typed, inert.
        await editor.GetByTestId("open-draft").ClickAsync();
        await Assertions.Expect(editor.Locator("#Input_Title")).ToHaveValueAsync(fields["Input_Title"]);
        await Assertions.Expect(editor.Locator("#Input_Summary")).ToHaveValueAsync(fields["Input_Summary"]);
        await Assertions.Expect(editor.Locator("#Input_Organisations")).ToHaveValueAsync(fields["Input_Organisations"]);
        foreach (var key in new[] { "Input_Place", "Input_Period", "Input_Contact" })
        {
            await Assertions.Expect(editor.Locator("#" + key)).ToHaveValueAsync(fields[key]);
        }

        var draft = await editor.Locator("#Input_Body").InputValueAsync();
        foreach (var key in new[] { "Input_Description", "Input_Implementation", "Input_Results", "Input_Transferability" })
        {
            Assert.Contains(fields[key], draft);
        }

        await AssertInertAsync(editor);

        await alice.GotoAsync("/en/share/mine");
        await Assertions.Expect(alice.GetByTestId("decline-reason")).ToHaveTextAsync("Not a practice " + ImgPayload);
        await Assertions.Expect(alice.GetByTestId("message").Nth(1)).ToContainTextAsync("Thanks! " + ScriptPayload);
        await AssertInertAsync(alice);
    }

    [Fact]
    public async Task The_community_pages_are_accessible_and_fit_a_phone_and_a_desktop_in_english_and_hungarian()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.CreateUserAsync("alice@example.org");
        await session.App.CreateUserAsync("bob@example.org");
        await session.App.CreateUserAsync("editor@example.org", null, "Editor");

        // A thread under the practice in each language, a reply, a report, and a shared practice.
        var alice = await SignedInAsync(session, "alice@example.org");
        var bob = await SignedInAsync(session, "bob@example.org");
        var threads = new Dictionary<string, string>();
        foreach (var (culture, title, body) in new[]
                 {
                     ("en", "How long did the modules last?", "We would like to run the **same modules** in our town. How many weeks did they take?"),
                     ("hu", "Mennyi ideig tartottak a modulok?", "Szeretnénk a **saját városunkban** is elindítani. Hány hétig tartottak?"),
                 })
        {
            await alice.GotoAsync($"/{culture}/discussions/new?place=practice&id=rebondir");
            await alice.Locator("#thread-title").FillAsync(title);
            await alice.Locator("#thread-body").FillAsync(body);
            await alice.GetByTestId("new-thread-form").Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(alice.GetByTestId("thread-title")).ToHaveTextAsync(title);
            threads[culture] = new Uri(alice.Url).AbsolutePath;
            await bob.GotoAsync(threads[culture]);
            await bob.GetByTestId("message").First.GetByTestId("quote-link").ClickAsync();
            // A long address, which must wrap rather than widen a phone's page.
            await bob.Locator("#reply-body").FillAsync("Twelve weeks, two mornings a week.\n\n- week 1: welcome\n- week 12: a plan\n\nThe programme: https://example.org/rebondir/remobilisation-modules/programme-of-the-twelve-weeks-2021.pdf");
            await bob.GetByTestId("reply-form").Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(bob.GetByTestId("done")).ToBeVisibleAsync();
            await bob.GetByTestId("message").First.Locator("summary").First.ClickAsync();
            await bob.GetByTestId("message").First.GetByTestId("report-form").Locator("textarea").FillAsync("Off topic");
            await bob.GetByTestId("message").First.GetByTestId("report-form").Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(bob.GetByTestId("done")).ToBeVisibleAsync();
        }

        await alice.GotoAsync("/en/share");
        foreach (var (id, value) in new Dictionary<string, string>
                 {
                     ["Input_Title"] = "Breakfast with employers",
                     ["Input_Summary"] = "Once a month, jobseekers meet local employers over breakfast.",
                     ["Input_Organisations"] = "Maison de l'Emploi",
                     ["Input_Description"] = "A monthly breakfast in the town hall.",
                 })
        {
            await alice.Locator("#" + id).FillAsync(value);
        }

        await alice.GetByTestId("share-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("submission")).ToHaveCountAsync(1);

        // Every page is checked before the test fails, so that one run lists every problem.
        var problems = new List<string>();
        foreach (var phone in new[] { true, false })
        {
            var learner = await SignedInAsync(session, "alice@example.org", phone);
            var editor = await SignedInAsync(session, "editor@example.org", phone);
            foreach (var culture in new[] { "en", "hu" })
            {
                foreach (var (name, page, path) in new[]
                         {
                             ("discussions", learner, $"/{culture}/discussions"),
                             ("thread", learner, threads[culture]),
                             ("thread-editor", editor, threads[culture]),
                             ("new-thread", learner, $"/{culture}/discussions/new?place=practice&id=rebondir"),
                             ("my-messages", learner, $"/{culture}/discussions/mine"),
                             ("moderation", editor, $"/{culture}/editor/discussions"),
                             ("share", learner, $"/{culture}/share"),
                             ("my-shared-practices", learner, $"/{culture}/share/mine"),
                             ("submissions", editor, $"/{culture}/editor/submissions"),
                             ("submission", editor, $"/{culture}/editor/submissions/1"),
                             ("practice", learner, $"/{culture}/toolbox/" + (culture == "en" ? "rebondir-remobilisation-modules" : "rebondir-ujraaktivizalo-modulok")),
                         })
                {
                    await page.GotoAsync(path);
                    await page.Locator("details").EvaluateAllAsync<int>("ds => ds.map(d => d.open = true).length");
                    await BrowserSession.ScreenshotAsync(page, $"community-{name}-{culture}-{(phone ? "phone" : "desktop")}");
                    if (name == "practice")
                    {
                        // The discussions aside at the end of a long page, on its own.
                        await page.GetByTestId("discussions-aside").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, $"community-aside-{culture}-{(phone ? "phone" : "desktop")}.png") });
                    }

                    foreach (var check in new Func<Task>[] { () => AssertFitsAsync(page, phone), () => BrowserSession.AssertAccessibleAsync(page) })
                    {
                        try
                        {
                            await check();
                        }
                        catch (Xunit.Sdk.XunitException failure)
                        {
                            problems.Add(failure.Message);
                        }
                    }
                }
            }
        }

        // The forms refused: each error said at the top and beside its field, still accessible.
        var refused = await SignedInAsync(session, "alice@example.org", phone: true);
        await refused.GotoAsync("/hu/discussions/new?place=practice&id=rebondir");
        await refused.Locator("#thread-title").FillAsync("   ");
        await refused.Locator("#thread-body").FillAsync("   ");
        await refused.GetByTestId("new-thread-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(refused.GetByTestId("errors")).ToBeVisibleAsync();
        await Assertions.Expect(refused.Locator("#thread-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(refused.Locator("#thread-body")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(refused.GetByTestId("errors").Locator("li").First).ToHaveTextAsync(await refused.Locator("#thread-title-error").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(refused, "community-new-thread-refused-hu-phone");
        await BrowserSession.AssertAccessibleAsync(refused);
        await refused.GotoAsync("/hu/share");
        await refused.GetByTestId("share-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(refused.GetByTestId("share-errors")).ToBeVisibleAsync();
        await Assertions.Expect(refused.Locator("#Input_Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserSession.ScreenshotAsync(refused, "community-share-refused-hu-phone");
        await AssertFitsAsync(refused, phone: true);
        await BrowserSession.AssertAccessibleAsync(refused);

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    private static Dictionary<string, string> ShareFields() => new()
    {
        ["Input_Title"] = "Job café " + ScriptPayload,
        ["Input_Summary"] = "Jobseekers meet employers. " + ImgPayload,
        ["Input_Organisations"] = "Maison de l'Emploi " + SvgPayload,
        ["Input_Place"] = "Forest " + ImgPayload,
        ["Input_Period"] = "2024 " + SvgPayload,
        ["Input_Contact"] = "contact@example.org " + ScriptPayload,
        ["Input_Description"] = "A monthly meeting.\n\n" + ImgPayload + "\n\n" + LinkPayload,
        ["Input_Implementation"] = "Book the hall. " + SvgPayload,
        ["Input_Results"] = "Forty jobs. " + ScriptPayload,
        ["Input_Transferability"] = "Start small. " + LinkPayload,
    };

    private static async Task RenameAsync(BrowserSession session, string email, string displayName) =>
        await session.App.WithTenantAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LearningUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.DisplayName = displayName;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            return 0;
        });

    /// <summary>A signed-in window whose every dialog fails the test (a payload's alert() would open one).</summary>
    private async Task<IPage> SignedInAsync(BrowserSession session, string email, bool phone = false)
    {
        var page = await session.NewPageAsync(phone);
        page.Dialog += (_, dialog) => dialogs.Add($"{page.Url}: {dialog.Type} {dialog.Message}");
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync(email, LearningApp.Password);
        await Assertions.Expect(page.Locator(".account-nav form")).ToBeVisibleAsync();
        return page;
    }

    private readonly List<string> dialogs = [];

    /// <summary>No payload ran on the page: the flag every payload would set is unset, and no dialog opened.</summary>
    private async Task AssertInertAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var flag = await page.EvaluateAsync<string?>("() => window.__xss === undefined ? null : String(window.__xss)");
        Assert.True(flag is null, $"A payload ran on {page.Url}: {flag}");
        // No element made of a payload: an event handler attribute, or a script carrying the flag.
        Assert.Equal(0, await page.Locator("[onload], [onerror]").CountAsync());
        Assert.Equal(0, await page.Locator("script", new() { HasText = "__xss" }).CountAsync());
        Assert.Empty(dialogs);
    }

    /// <summary>The message's Markdown shows its raw HTML as text, and its javascript: link goes nowhere.</summary>
    private static async Task AssertBodyInertAsync(ILocator container)
    {
        var body = container.Locator(".message__body").First;
        foreach (var payload in new[] { ImgPayload, SvgPayload, ScriptPayload })
        {
            await Assertions.Expect(body).ToContainTextAsync(payload);
        }

        var link = body.GetByRole(AriaRole.Link, new() { Name = LinkText });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#");
        await link.ClickAsync();
    }

    private static async Task AssertFitsAsync(IPage page, bool phone)
    {
        var overflowing = await page.EvaluateAsync<string[]>(
            """
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
                .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))
            """);
        Assert.True(overflowing.Length == 0, $"{page.Url} is wider than the {(phone ? "phone" : "desktop")} window: {string.Join(", ", overflowing)}");
    }
}
