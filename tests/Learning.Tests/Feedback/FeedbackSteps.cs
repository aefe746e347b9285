using AngleSharp.Html.Dom;
using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Feedback;

/// <summary>What the feedback tests do often: the practice page, its feedback form, the items stored.</summary>
public static class FeedbackSteps
{
    public const string FeedbackForm = "form[data-testid=feedback-form]";

    public static string PracticePath(string culture = "en", string set = "job-desk") => $"/{culture}/toolbox/{TestContent.Slug(set, culture)}";

    public static async Task<HttpResponseMessage> GiveAsync(this HttpClient client, string page, params (string Name, string Value)[] values) =>
        await client.SubmitAsync(await client.GetPageAsync(page), FeedbackForm, values);

    public static Task<List<FeedbackItem>> ItemsAsync(this LearningApp app) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().FeedbackItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync());

    /// <summary>Stores items as they are, for figures computed by hand.</summary>
    public static Task AddAsync(this LearningApp app, params FeedbackItem[] items) => app.WithTenantAsync(async sp =>
    {
        var db = sp.GetRequiredService<LearningDbContext>();
        db.FeedbackItems.AddRange(items);
        return await db.SaveChangesAsync();
    });

    public static FeedbackItem Item(string userId, string kind, string setId, int? rating, DateTime createdUtc, FeedbackStatus status = FeedbackStatus.New,
        string culture = "en", string? comment = null, Recommendation? recommend = null) => new()
    {
        UserId = userId, Kind = kind, SetId = setId, Culture = culture, Rating = rating, Comment = comment, Recommend = recommend, Status = status,
        CreatedUtc = createdUtc, UpdatedUtc = createdUtc, StatusChangedUtc = status == FeedbackStatus.New ? null : createdUtc,
    };

    public static string? ErrorText(this IHtmlDocument page) =>
        string.Join(" ", page.QuerySelectorAll(".field-validation-error").Select(e => e.TextContent.Trim())) is { Length: > 0 } text ? text : null;
}
