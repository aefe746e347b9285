using System.Net;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Core.Security;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Community.Discussions;

public sealed class ModerationTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reported_message_reaches_the_queue_an_editor_hides_it_with_a_reason_its_author_reads_then_restores_it_pins_an_answer_and_locks_the_thread(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        await app.CreateUserAsync("eve@example.org", null, Roles.Editor);
        var (ann, bob, editor) = (app.CreateClient(), app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await bob.LogInSuccessfullyAsync("bob@example.org");
        await editor.LogInSuccessfullyAsync("eve@example.org");
        var thread = await ann.StartAsync("Partners to invite", "Which partners came to your first day?");
        using (await bob.ReplyAsync(thread, "Buy cheap watches at spam.example"))
        {
        }

        using (await bob.ReplyAsync(thread, "The local job centre and two employers."))
        {
        }

        var messages = await app.MessagesAsync();
        var (question, spam, useful) = (messages[0], messages[1], messages[2]);

        // Learners and visitors see no moderation form; a learner cannot reach the queue.
        Assert.Empty((await ann.GetPageAsync(thread)).QuerySelectorAll("[data-testid=moderate-form], [data-testid=pin-form], [data-testid=lock-form]"));
        using (var queue = await ann.GetAsync("/en/editor/discussions"))
        {
            Assert.StartsWith("/en/account/access-denied", queue.Headers.Location?.OriginalString);
        }

        // Ann reports the spam, with a reason (an empty reason gets a message and stores nothing); she cannot report her own message.
        using (var empty = await ann.OnMessageAsync(thread, spam.Id, "report-form", ("Reason", "   ")))
        {
            Assert.Equal("Say why you report this message.", (await Browser.ParseAsync(empty)).FieldError());
        }

        Assert.Empty(await app.ReportsAsync());
        Assert.Null((await ann.GetPageAsync(thread)).QuerySelector($"#message-{question.Id} [data-testid=report-form]"));
        using (var reported = await ann.OnMessageAsync(thread, spam.Id, "report-form", ("Reason", "Advertising.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        }

        var report = Assert.Single(await app.ReportsAsync());
        Assert.Equal((spam.Id, "Advertising.", (DateTime?)null), (report.MessageId, report.Reason, report.ResolvedUtc));

        // The editor's queue shows it with the reporter's name and reason; hiding needs a reason.
        var queuePage = await editor.GetPageAsync("/en/editor/discussions");
        var queued = Assert.Single(queuePage.QuerySelectorAll("[data-testid=queued]"));
        Assert.Equal(spam.Id.ToString(), queued.GetAttribute("data-id"));
        Assert.Equal("ann: Advertising.", queued.QuerySelector("[data-testid=reports] li")!.TextContent.Trim());
        using (var noReason = await editor.SubmitAsync(queuePage, "form[data-testid=hide-form]", ("Reason", "")))
        {
            Assert.Equal("Give the reason its author will read.", (await Browser.ParseAsync(noReason)).FieldError());
        }

        Assert.Equal(MessageStatus.Visible, (await app.MessagesAsync())[1].Status);
        var hidden = await editor.SubmitAndFollowAsync(queuePage, "form[data-testid=hide-form]", ("Reason", "Advertising is not allowed here."));
        Assert.Equal("Nothing to moderate.", hidden.Text("[data-testid=queue-empty]"));
        Assert.NotNull((await app.ReportsAsync())[0].ResolvedUtc);

        // Everyone else sees that it was hidden; its author reads it, with the reason, there and in his list of messages.
        Assert.Equal(("bob", "This message was hidden by the editors."), (await app.CreateClient().GetPageAsync(thread)).ShownMessages()[1]);
        Assert.Equal(("bob", "This message was hidden by the editors."), (await ann.GetPageAsync(thread)).ShownMessages()[1]);
        var bobsThread = await bob.GetPageAsync(thread);
        Assert.Equal(("bob", "Buy cheap watches at spam.example"), bobsThread.ShownMessages()[1]);
        Assert.Equal("Hidden by the editors: Advertising is not allowed here.", bobsThread.Text($"#message-{spam.Id} [data-testid=moderation-reason]"));
        var mine = await bob.GetPageAsync("/en/discussions/mine");
        Assert.Equal(["Hidden by the editors: Advertising is not allowed here."],
            mine.QuerySelectorAll("[data-testid=my-message][data-status=Hidden] [data-testid=my-status]").Select(s => s.TextContent.Trim()));

        // The editor restores it with a reason the author reads.
        using (var restored = await editor.OnMessageAsync(thread, spam.Id, "moderate-form", ("Reason", "The link was a partner's shop after all.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.Equal(("bob", "Buy cheap watches at spam.example"), (await ann.GetPageAsync(thread)).ShownMessages()[1]);
        Assert.Equal("Shown again by the editors: The link was a partner's shop after all.", (await bob.GetPageAsync(thread)).Text($"#message-{spam.Id} [data-testid=moderation-reason]"));

        // Pinning the useful answer shows it first after the question; a learner cannot pin.
        using (var forged = await ann.PostAsync($"{thread}?handler=Pin", Form((await ann.GetPageAsync(thread)), ("MessageId", useful.Id.ToString()))))
        {
            Assert.StartsWith("/en/account/access-denied", forged.Headers.Location?.OriginalString);
        }

        using (await editor.OnMessageAsync(thread, useful.Id, "pin-form"))
        {
        }

        var pinned = await app.CreateClient().GetPageAsync(thread);
        Assert.Equal([question.Id, useful.Id, spam.Id], pinned.QuerySelectorAll("[data-testid=message]").Select(m => int.Parse(m.GetAttribute("data-id")!)));
        Assert.NotNull(pinned.QuerySelector($"#message-{useful.Id} [data-testid=pinned]"));

        // Locking the thread stops replies, with a message; the reply form is gone.
        var beforeLock = await bob.GetPageAsync(thread);
        using (await editor.SubmitAsync(await editor.GetPageAsync(thread), "form[data-testid=lock-form]"))
        {
        }

        Assert.True((await app.ThreadsAsync())[0].Locked);
        using (var refused = await bob.SubmitAsync(beforeLock, DiscussionSteps.ReplyForm, ("Body", "One more thing")))
        {
            Assert.Equal("This discussion is locked: no more replies.", (await Browser.ParseAsync(refused)).FieldError());
        }

        Assert.Equal(3, (await app.MessagesAsync()).Count);
        var locked = await bob.GetPageAsync(thread);
        Assert.Null(locked.QuerySelector(DiscussionSteps.ReplyForm));
        Assert.NotNull(locked.QuerySelector("[data-testid=locked]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task When_the_tenant_holds_first_messages_a_new_accounts_first_two_wait_for_an_editor_and_only_its_author_and_editors_see_them(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("eve@example.org", null, Roles.Editor);
        var (ann, editor, visitor) = (app.CreateClient(), app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await editor.LogInSuccessfullyAsync("eve@example.org");

        // The administrator's page sets it.
        var admin = await Learning.Tests.Accounts.AdministrationTests.LogInAsAdministrator(app);
        var settings = await admin.SubmitAndFollowAsync(await admin.GetPageAsync("/en/admin/community"), "form[data-testid=settings-form]", ("HoldFirstMessages", "true"));
        Assert.Equal("The settings are saved.", settings.Text("[data-testid=done]"));

        var thread = await ann.StartAsync("First question", "Is this the right place?");
        var held = await ann.GetPageAsync(thread);
        Assert.Equal("Your discussion was sent: the editors will read it before the others see it.", held.Text("[data-testid=done]"));
        Assert.NotNull(held.QuerySelector("[data-testid=held]"));
        Assert.False((await app.ThreadsAsync())[0].Listed);
        await visitor.GetPageAsync(thread, HttpStatusCode.NotFound);
        Assert.Empty((await visitor.GetPageAsync("/en/discussions")).QuerySelectorAll("[data-testid=thread-link]"));
        Assert.Null((await visitor.GetPageAsync(DiscussionSteps.PracticePath())).QuerySelector("[data-testid=aside-threads]"));

        // The editor approves it from the queue: everyone sees it.
        var queue = await editor.GetPageAsync("/en/editor/discussions");
        await editor.SubmitAndFollowAsync(queue, "form[data-testid=approve-form]");
        Assert.Equal([("ann", "Is this the right place?")], (await visitor.GetPageAsync(thread)).ShownMessages());
        Assert.Equal(["First question"], (await visitor.GetPageAsync(DiscussionSteps.PracticePath())).QuerySelectorAll("[data-testid=aside-threads] [data-testid=thread-link]").Select(a => a.TextContent.Trim()));

        // Her second message is held too (one published so far, of the two held by default); visitors do not see it.
        using (await ann.ReplyAsync(thread, "Second message"))
        {
        }

        Assert.Equal(MessageStatus.Held, (await app.MessagesAsync())[1].Status);
        Assert.Single((await visitor.GetPageAsync(thread)).ShownMessages());
        Assert.Equal(2, (await ann.GetPageAsync(thread)).ShownMessages().Count);
        Assert.Equal(2, (await editor.GetPageAsync(thread)).ShownMessages().Count);
        var secondId = (await app.MessagesAsync())[1].Id;
        using (await editor.OnMessageAsync(thread, secondId, "approve-form"))
        {
        }

        // Two published: the third is not held. An editor's messages never are.
        using (await ann.ReplyAsync(thread, "Third message"))
        {
        }

        using (await editor.ReplyAsync(thread, "Welcome!"))
        {
        }

        Assert.Equal([MessageStatus.Visible, MessageStatus.Visible, MessageStatus.Visible, MessageStatus.Visible], (await app.MessagesAsync()).Select(m => m.Status));
        Assert.Equal(4, (await visitor.GetPageAsync(thread)).ShownMessages().Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task When_the_tenant_keeps_discussions_to_members_visitors_are_asked_to_sign_in_and_members_read_them(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        var ann = app.CreateClient();
        await ann.LogInSuccessfullyAsync("ann@example.org");
        var thread = await ann.StartAsync("Members' question", "Only for us.");
        var visitor = app.CreateClient();
        Assert.NotNull((await visitor.GetPageAsync(DiscussionSteps.PracticePath())).QuerySelector("[data-testid=aside-threads]"));

        var admin = await Learning.Tests.Accounts.AdministrationTests.LogInAsAdministrator(app);
        await admin.SubmitAndFollowAsync(await admin.GetPageAsync("/en/admin/community"), "form[data-testid=settings-form]", ("MembersOnly", "true"));

        foreach (var path in new[] { thread, "/en/discussions", "/en/discussions?place=practice&id=job-desk" })
        {
            using var refused = await visitor.GetAsync(path);
            Assert.StartsWith("/en/account/login", refused.Headers.Location?.OriginalString);
        }

        // The practice page (evicted from the cache by the change) invites to sign in, and lists nothing.
        var practice = await visitor.GetPageAsync(DiscussionSteps.PracticePath());
        Assert.Null(practice.QuerySelector("[data-testid=aside-threads]"));
        Assert.StartsWith("The discussions are open to members.", practice.Text("[data-testid=discussions-aside] p"));
        Assert.Equal([("ann", "Only for us.")], (await ann.GetPageAsync(thread)).ShownMessages());

        // A learner cannot change the settings.
        using var notAdmin = await ann.GetAsync("/en/admin/community");
        Assert.StartsWith("/en/account/access-denied", notAdmin.Headers.Location?.OriginalString);
    }

    private static FormUrlEncodedContent Form(AngleSharp.Html.Dom.IHtmlDocument page, params (string Name, string Value)[] values) =>
        new([new("__RequestVerificationToken", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))]);
}
