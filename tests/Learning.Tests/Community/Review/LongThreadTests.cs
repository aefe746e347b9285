using System.Net;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Data;
using Learning.Tests.Community.Discussions;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community.Review;

/// <summary>A thread grows without end (60 messages a minute a tenant): its page must not load and render every message.</summary>
public sealed class LongThreadTests
{
    [Fact]
    public async Task A_long_thread_is_read_page_by_page_with_the_question_on_each_and_a_reply_lands_on_its_page()
    {
        await using var app = new LearningApp(Db.Sqlite, content: TestContent.Small());
        await app.CreateUserAsync("ann@example.org");
        await app.CreateUserAsync("bob@example.org");
        var (ann, bob) = (app.CreateClient(), app.CreateClient());
        await ann.LogInSuccessfullyAsync("ann@example.org");
        await bob.LogInSuccessfullyAsync("bob@example.org");
        var thread = await ann.StartAsync("A long one", "The question.");
        var annId = (await app.MessagesAsync())[0].AuthorId;
        // 120 replies stored a second apart: reply 1 … reply 120.
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            var start = DateTime.UtcNow.AddHours(-3);
            for (var i = 1; i <= 120; i++)
            {
                var at = start.AddSeconds(i);
                db.DiscussionMessages.Add(new DiscussionMessage
                {
                    ThreadId = thread.Id(), AuthorId = annId, Body = $"reply {i}", CreatedUtc = at, PublishedUtc = at, Status = MessageStatus.Visible,
                });
            }

            await db.SaveChangesAsync();
            return 0;
        });

        // 50 replies a page: 50, 50, 20, each page after the question.
        var visitor = app.CreateClient();
        var first = (await visitor.GetPageAsync(thread)).ShownMessages().Select(m => m.Text).ToList();
        Assert.Equal(new[] { "The question." }.Concat(Enumerable.Range(1, 50).Select(i => $"reply {i}")), first);
        var third = await visitor.GetPageAsync(thread + "?p=3");
        Assert.Equal(new[] { "The question." }.Concat(Enumerable.Range(101, 20).Select(i => $"reply {i}")), third.ShownMessages().Select(m => m.Text));
        Assert.Equal("Page 3 of 3", third.Text("nav.pager [aria-current=page]"));
        Assert.Equal("?q=&p=2", third.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href"));
        // Beyond the last page: the last one.
        Assert.Equal(21, (await visitor.GetPageAsync(thread + "?p=99")).ShownMessages().Count);

        // Bob quotes reply 60 from page 2: the form carries the quote, and his reply is on page 3, where he is sent.
        var messages = await app.MessagesAsync();
        var sixty = messages.Single(m => m.Body == "reply 60");
        var second = await bob.GetPageAsync(thread + "?p=2");
        Assert.Equal($"?p=2&quote={sixty.Id}#reply-title", second.QuerySelector($"#message-{sixty.Id} [data-testid=quote-link]")!.GetAttribute("href"));
        var quoting = await bob.GetPageAsync(thread + $"?p=2&quote={sixty.Id}");
        Assert.Contains("reply 60", quoting.Text("[data-testid=reply-quote]"));
        using (var replied = await bob.SubmitAsync(quoting, DiscussionSteps.ReplyForm, ("Body", "Answer to sixty")))
        {
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
            var mine = (await app.MessagesAsync()).Last();
            Assert.Equal((sixty.Id, "Answer to sixty"), (mine.QuotedMessageId, mine.Body));
            Assert.Equal($"{thread}?p=3#message-{mine.Id}", replied.Headers.Location!.OriginalString);
        }

        // The quote shows on page 3 though reply 60 is on page 2.
        var last = await visitor.GetPageAsync(thread + "?p=3");
        Assert.Contains("reply 60", last.Text("[data-testid=quote]"));
        Assert.Equal(22, last.ShownMessages().Count);
    }
}
