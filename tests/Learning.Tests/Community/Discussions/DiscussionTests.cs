using System.Net;
using Learning.Modules.Community.Discussions;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community.Discussions;

public sealed class DiscussionTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_learner_asks_under_a_practice_another_answers_quoting_it_and_visitors_read_both_by_display_name_in_the_threads_language(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        var ann = app.CreateClient();
        await ann.LogInSuccessfullyAsync("ann@example.org");
        var bob = app.CreateClient();
        await bob.LogInSuccessfullyAsync("bob@example.org");
        var visitor = app.CreateClient();

        // The practice's aside offers to start one; a visitor's copy of the page holds no form and no token (it is cached).
        var practice = await visitor.GetPageAsync(DiscussionSteps.PracticePath());
        var aside = practice.QuerySelector("[data-testid=discussions-aside]")!;
        Assert.Equal("No discussion about this page yet in your language.", aside.QuerySelector("p")!.TextContent.Trim());
        Assert.Equal("/en/discussions/new?place=practice&id=job-desk", aside.QuerySelector("[data-testid=start-thread]")!.GetAttribute("href"));
        Assert.Empty(aside.QuerySelectorAll("form, input"));

        var thread = await ann.StartAsync("Who staffs the desk?", "Do you need *two* counsellors?");
        Assert.Matches("^/en/discussions/[0-9]+$", thread);
        var opened = await ann.GetPageAsync(thread);
        Assert.Equal("Your discussion is open.", opened.Text("[data-testid=done]"));
        Assert.Equal("Who staffs the desk?", opened.Text("[data-testid=thread-title]"));
        Assert.Equal("<p>Do you need <em>two</em> counsellors?</p>", opened.QuerySelector("[data-testid=body]")!.InnerHtml.Trim());

        var question = Assert.Single(await app.MessagesAsync());
        using (var replied = await bob.ReplyAsync(thread, "One is enough with a partner.", quote: question.Id))
        {
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        }

        var stored = await app.MessagesAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal((question.Id, "One is enough with a partner.", MessageStatus.Visible, false), (stored[1].QuotedMessageId, stored[1].Body, stored[1].Status, stored[1].Opening));
        var storedThread = Assert.Single(await app.ThreadsAsync());
        Assert.Equal(("practice", "job-desk", "en", true, false), (storedThread.PlaceKind, storedThread.PlaceId, storedThread.Culture, storedThread.Listed, storedThread.Locked));

        // A visitor reads both, the reply with its quote, by display name, never an e-mail address, and has no form.
        var read = await visitor.GetPageAsync(thread);
        Assert.Equal([("ann", "Do you need two counsellors?"), ("bob", "One is enough with a partner.")], read.ShownMessages());
        Assert.Equal("ann wrote: Do you need two counsellors?", string.Join(" ", read.QuerySelector("[data-testid=quote]")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("@example.org", read.Body!.TextContent);
        Assert.Empty(read.QuerySelectorAll("main form"));
        Assert.NotNull(read.QuerySelector("[data-testid=sign-in-to-reply]"));

        // The practice page lists it now (the cached copy was evicted), with one reply; so does the page of recent discussions.
        var listed = await visitor.GetPageAsync(DiscussionSteps.PracticePath());
        Assert.Equal(["Who staffs the desk?"], listed.QuerySelectorAll("[data-testid=aside-threads] [data-testid=thread-link]").Select(a => a.TextContent.Trim()));
        Assert.Contains("Replies: 1", listed.Text("[data-testid=aside-threads]"));
        var recent = await visitor.GetPageAsync("/en/discussions");
        Assert.Equal(["Who staffs the desk?"], recent.QuerySelectorAll("[data-testid=threads] [data-testid=thread-link]").Select(a => a.TextContent.Trim()));
        Assert.Contains($"About {TestContent.Title("job-desk", "en")}", recent.Text("[data-testid=threads]"));

        // In French, the same practice shows no thread in French, and offers the English one on request.
        var french = await visitor.GetPageAsync(DiscussionSteps.PracticePath("fr"));
        Assert.Null(french.QuerySelector("[data-testid=aside-threads]"));
        Assert.Equal("/fr/discussions?place=practice&id=job-desk&all=true", french.QuerySelector("[data-testid=other-languages]")!.GetAttribute("href"));
        var all = await visitor.GetPageAsync("/fr/discussions?place=practice&id=job-desk&all=true");
        Assert.Equal(["Who staffs the desk?"], all.QuerySelectorAll("[data-testid=thread-link]").Select(a => a.TextContent.Trim()));
        Assert.Equal("en", all.QuerySelector("[data-testid=thread-link]")!.GetAttribute("lang"));
        Assert.Empty((await visitor.GetPageAsync("/fr/discussions")).QuerySelectorAll("[data-testid=thread-link]"));

        // A thread in the general place, and a part of the course's own list.
        var general = await bob.StartAsync("Hello from Liège", "Anyone else on the course?", page: "/en/discussions/new?place=general&id=general");
        Assert.Equal("general", (await app.ThreadsAsync()).Last().PlaceKind);
        var part = await ann.SubmitAsync(await ann.GetPageAsync("/en/discussions/new?place=mooc-part&id=part-2"), "form[data-testid=new-thread-form]", ("Title", "Persona 3"), ("Body", "Hard one."));
        Assert.Equal(HttpStatusCode.Redirect, part.StatusCode);
        var partPage = await visitor.GetPageAsync("/en/mooc/part-2");
        Assert.Equal(["Persona 3"], partPage.QuerySelectorAll("[data-testid=aside-threads] [data-testid=thread-link]").Select(a => a.TextContent.Trim()));
        Assert.Equal(3, (await visitor.GetPageAsync("/en/discussions")).QuerySelectorAll("[data-testid=thread-link]").Length);
        Assert.NotNull(general);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_author_edits_within_the_time_allowed_then_no_more_and_deletes_their_message_which_stays_as_deleted(Db db)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(db, content: TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        var ann = app.CreateClient();
        await ann.LogInSuccessfullyAsync("ann@example.org");
        var bob = app.CreateClient();
        await bob.LogInSuccessfullyAsync("bob@example.org");
        var thread = await ann.StartAsync("Opening hours", "Mornings only?");
        using (await bob.ReplyAsync(thread, "Tuesdays."))
        {
        }

        var (question, answer) = (await app.MessagesAsync()) switch { var m => (m[0], m[1]) };

        // 29 minutes later, Ann changes her question and its title; the thread says "edited".
        clock.Advance(TimeSpan.FromMinutes(29));
        var edit = await ann.GetPageAsync($"/en/discussions/messages/{question.Id}/edit");
        using (var saved = await ann.SubmitAsync(edit, "form[data-testid=edit-form]", ("Title", "Opening hours of the desk"), ("Body", "Mornings only, or afternoons too?")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await bob.GetPageAsync(thread);
        Assert.Equal("Opening hours of the desk", page.Text("[data-testid=thread-title]"));
        Assert.Equal(("ann", "Mornings only, or afternoons too?"), page.ShownMessages()[0]);
        Assert.StartsWith("edited", page.QuerySelector($"#message-{question.Id} [data-testid=edited]")!.TextContent.Trim().TrimStart('·').Trim());
        Assert.Null(page.QuerySelector($"#message-{answer.Id} [data-testid=edited]"));

        // Bob may not edit Ann's message: it is not found for him, and nothing changes.
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/en/discussions/messages/{question.Id}/edit")).StatusCode);

        // Two more minutes: 31 since posting, beyond the 30 allowed. The page says so, a post changes nothing, the link is gone.
        clock.Advance(TimeSpan.FromMinutes(2));
        var late = await ann.GetPageAsync($"/en/discussions/messages/{question.Id}/edit");
        Assert.Equal("The time for editing this message is over.", late.Text("[data-testid=closed]"));
        using (var refused = await ann.PostAsync($"/en/discussions/messages/{question.Id}/edit",
                   new FormUrlEncodedContent([new("Body", "Changed too late"), new("__RequestVerificationToken", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value)])))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        Assert.Equal("Mornings only, or afternoons too?", (await app.MessagesAsync())[0].Body);
        Assert.Null((await ann.GetPageAsync(thread)).QuerySelector($"#message-{question.Id} [data-testid=edit-link]"));

        // Bob cannot delete Ann's message; Ann deletes hers: its text is gone, its place stays, Bob's reply too.
        var bobsView = await bob.GetPageAsync(thread);
        Assert.Null(bobsView.QuerySelector($"#message-{question.Id} [data-testid=delete-form]"));
        using (var notHis = await bob.SubmitAsync(bobsView, $"#message-{answer.Id} form[data-testid=delete-form]", ("MessageId", question.Id.ToString())))
        {
            Assert.Equal(HttpStatusCode.OK, notHis.StatusCode);
            Assert.Equal("Only its author can do this with a message.", (await Browser.ParseAsync(notHis)).FieldError());
        }

        Assert.Null((await app.MessagesAsync())[0].DeletedUtc);
        using (var deleted = await ann.OnMessageAsync(thread, question.Id, "delete-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var after = await app.CreateClient().GetPageAsync(thread);
        Assert.Equal([("ann", "Message deleted by its author."), ("bob", "Tuesdays.")], after.ShownMessages());
        var gone = (await app.MessagesAsync())[0];
        Assert.Equal("", gone.Body);
        Assert.NotNull(gone.DeletedUtc);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_person_follows_the_threads_they_start_or_choose_and_sees_how_many_replies_by_others_they_have_not_read(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        var (ann, bob) = (app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await bob.LogInSuccessfullyAsync("bob@example.org");
        var asked = await ann.StartAsync("Ann's question", "Anyone?");
        var other = await bob.StartAsync("Bob's question", "Someone?");

        // Ann follows hers (she started it) and Bob's (the button); she replies to his (opening it to reply reads it), then Bob
        // replies twice to hers and once to his.
        Assert.Equal("Stop following", (await ann.GetPageAsync(asked)).Text("[data-testid=follow-form] button"));
        var followed = await ann.SubmitAndFollowAsync(await ann.GetPageAsync(other), "form[data-testid=follow-form]");
        Assert.Equal("You follow this discussion: its new replies are listed under Followed discussions.", followed.Text("[data-testid=done]"));
        foreach (var (client, thread, body) in new[] { (ann, other, "Ann's own reply"), (bob, asked, "First answer"), (bob, asked, "Second answer"), (bob, other, "Mine") })
        {
            using var _ = await client.ReplyAsync(thread, body);
        }

        string Unread(AngleSharp.Html.Dom.IHtmlDocument page, string title) =>
            page.QuerySelectorAll("[data-testid=followed-thread]").Single(t => t.QuerySelector("[data-testid=thread-link]")!.TextContent.Trim() == title)
                .QuerySelector("[data-testid=unread]")?.TextContent.Trim() ?? "none";

        // Her own reply is not news to her: 2 new in hers, 1 in Bob's.
        var list = await ann.GetPageAsync("/en/discussions/followed");
        Assert.Equal(("New replies: 2", "New replies: 1"), (Unread(list, "Ann's question"), Unread(list, "Bob's question")));

        // Opening a thread reads it; unfollowing takes it off the list.
        await ann.GetPageAsync(asked);
        list = await ann.GetPageAsync("/en/discussions/followed");
        Assert.Equal(("none", "New replies: 1"), (Unread(list, "Ann's question"), Unread(list, "Bob's question")));
        await ann.SubmitAndFollowAsync(await ann.GetPageAsync(other), "form[data-testid=follow-form]");
        Assert.Equal(["Ann's question"], (await ann.GetPageAsync("/en/discussions/followed")).QuerySelectorAll("[data-testid=thread-link]").Select(a => a.TextContent.Trim()));

        // A visitor has no button; following needs an account.
        Assert.Null((await app.CreateClient().GetPageAsync(asked)).QuerySelector("[data-testid=follow-form]"));
        using var visitor = await app.CreateClient().GetAsync("/en/discussions/followed");
        Assert.StartsWith("/en/account/login", visitor.Headers.Location?.OriginalString);
    }
}
