using System.Net;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Tests.Community.Discussions;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community.Review;

/// <summary>Markdig throws when it renders elements nested beyond its depth limit. A message so nested must be refused with a
/// message, and one already stored must not take down the thread, the quotes of it or the editors' queue.</summary>
public sealed class DeepMarkdownTests
{
    private const string Deep = ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>"
        + ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> deep";

    private const string Unreadable = "This text cannot be read as Markdown: its lists or quotes are nested too deeply.";

    [Fact]
    public async Task A_message_nested_too_deep_is_refused_with_a_message_on_a_new_thread_a_reply_and_an_edit_and_nothing_changes()
    {
        Assert.Equal(205, Deep.Length);
        await using var app = new LearningApp(Db.Sqlite, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        var (ann, bob) = (app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await bob.LogInSuccessfullyAsync("bob@example.org");
        var thread = await ann.StartAsync("A question", "Who knows?");
        var stored = await app.MessagesAsync();

        using (var reply = await bob.ReplyAsync(thread, Deep))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            var page = await Browser.ParseAsync(reply);
            Assert.Equal(Unreadable, page.FieldError());
            Assert.Equal(Deep, page.QuerySelector("#reply-body")!.TextContent.Trim()); // what was typed is kept
        }

        using (var started = await bob.SubmitAsync(await bob.GetPageAsync(DiscussionSteps.NewThreadPath()), "form[data-testid=new-thread-form]", ("Title", "Deep"), ("Body", Deep)))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            Assert.Equal(Unreadable, (await Browser.ParseAsync(started)).FieldError());
        }

        var opening = stored[0].Id;
        using (var edited = await ann.SubmitAsync(await ann.GetPageAsync($"/en/discussions/messages/{opening}/edit"), "form[data-testid=edit-form]", ("Body", Deep)))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            Assert.Equal(Unreadable, (await Browser.ParseAsync(edited)).FieldError());
        }

        Assert.Equal(stored.Select(m => (m.Id, m.Body)), (await app.MessagesAsync()).Select(m => (m.Id, m.Body)));
        Assert.Single(await app.ThreadsAsync());
        using var visitor = await app.CreateClient().GetAsync(thread);
        Assert.Equal(HttpStatusCode.OK, visitor.StatusCode);
    }

    [Fact]
    public async Task A_message_stored_nested_too_deep_shows_as_text_on_the_thread_in_quotes_and_in_the_editors_queue()
    {
        await using var app = new LearningApp(Db.Sqlite, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("eve@example.org", null, Roles.Editor);
        var (ann, editor) = (app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await editor.LogInSuccessfullyAsync("eve@example.org");
        var thread = await ann.StartAsync("A question", "Who knows?");
        // Stored before the check existed: one visible reply, one held, and a reply quoting the first.
        var annId = (await app.MessagesAsync())[0].AuthorId;
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            var now = DateTime.UtcNow;
            var visible = new DiscussionMessage { ThreadId = thread.Id(), AuthorId = annId, Body = Deep, CreatedUtc = now, PublishedUtc = now, Status = MessageStatus.Visible };
            db.DiscussionMessages.Add(visible);
            db.DiscussionMessages.Add(new DiscussionMessage { ThreadId = thread.Id(), AuthorId = annId, Body = Deep + " held", CreatedUtc = now, Status = MessageStatus.Held });
            await db.SaveChangesAsync();
            db.DiscussionMessages.Add(new DiscussionMessage
            {
                ThreadId = thread.Id(), AuthorId = annId, Body = "Quoting it.", QuotedMessageId = visible.Id, CreatedUtc = now, PublishedUtc = now, Status = MessageStatus.Visible,
            });
            await db.SaveChangesAsync();
            return 0;
        });

        var page = await app.CreateClient().GetPageAsync(thread);
        var shown = page.ShownMessages();
        Assert.Equal(3, shown.Count);
        Assert.Equal(Deep, shown[1].Text);
        Assert.Equal("Quoting it.", shown[2].Text);
        Assert.NotNull(page.QuerySelector("[data-testid=quote]"));

        var queue = await editor.GetPageAsync("/en/editor/discussions");
        Assert.Contains(Deep + " held", queue.QuerySelector("main")!.TextContent);
    }
}
