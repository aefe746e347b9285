using System.Net;
using AngleSharp.Html.Dom;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community.Discussions;

/// <summary>What the discussion tests do often: start a thread under a practice, reply, read what is stored.</summary>
public static class DiscussionSteps
{
    public const string ReplyForm = "form[data-testid=reply-form]";

    public static string PracticePath(string culture = "en", string set = "job-desk") => $"/{culture}/toolbox/{TestContent.Slug(set, culture)}";

    public static string NewThreadPath(string culture = "en", string set = "job-desk") => $"/{culture}/discussions/new?place=practice&id={set}";

    /// <summary>Starts a thread under the practice and returns the thread's address.</summary>
    public static async Task<string> StartAsync(this HttpClient client, string title, string body, string culture = "en", string set = "job-desk", string? page = null)
    {
        using var started = await client.SubmitAsync(await client.GetPageAsync(page ?? NewThreadPath(culture, set)), "form[data-testid=new-thread-form]", ("Title", title), ("Body", body));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!.OriginalString;
    }

    /// <summary>Replies on the thread page (quoting a message when asked) and returns the response.</summary>
    public static async Task<HttpResponseMessage> ReplyAsync(this HttpClient client, string thread, string body, int? quote = null) =>
        await client.SubmitAsync(await client.GetPageAsync(quote is null ? thread : $"{thread}?quote={quote}"), ReplyForm, ("Body", body));

    /// <summary>Posts one of a message's forms on the thread page (delete, report, moderate, pin, approve).</summary>
    public static async Task<HttpResponseMessage> OnMessageAsync(this HttpClient client, string thread, int messageId, string form, params (string Name, string Value)[] values) =>
        await client.SubmitAsync(await client.GetPageAsync(thread), $"#message-{messageId} form[data-testid={form}]", values);

    public static Task<List<DiscussionMessage>> MessagesAsync(this LearningApp app, string? tenant = null) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().DiscussionMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(), tenant);

    public static Task<List<DiscussionThread>> ThreadsAsync(this LearningApp app, string? tenant = null) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().DiscussionThreads.AsNoTracking().OrderBy(t => t.Id).ToListAsync(), tenant);

    public static Task<List<MessageReport>> ReportsAsync(this LearningApp app) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().MessageReports.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    public static Task SettingsAsync(this LearningApp app, bool membersOnly = false, bool hold = false, bool removeContent = false) =>
        app.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<DiscussionSettingsStore>().SaveAsync(membersOnly, hold, removeContent, DateTime.UtcNow, default);
            return 0;
        });

    /// <summary>The messages of a thread page as shown: (author, what the body or its placeholder says).</summary>
    public static List<(string Author, string Text)> ShownMessages(this IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=message]").Select(m => (
            m.QuerySelector("[data-testid=author]")!.TextContent.Trim(),
            (m.QuerySelector("[data-testid=body]") ?? m.QuerySelector("[data-testid=deleted]") ?? m.QuerySelector("[data-testid=hidden]")
             ?? m.QuerySelector("[data-testid=removed]"))!.TextContent.Trim())).ToList();

    public static string? FieldError(this IHtmlDocument page) =>
        string.Join(" ", page.QuerySelectorAll(".field-validation-error").Select(e => e.TextContent.Trim())) is { Length: > 0 } text ? text : null;

    public static int Id(this string threadPath) => int.Parse(threadPath.Split('/').Last().Split('#')[0]);
}
