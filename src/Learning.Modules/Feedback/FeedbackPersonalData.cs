using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Feedback;

/// <summary>Feedback's part of "download my data" and of deleting an account: every opinion the person gave, with the
/// editors' status and reply (the editor's id is theirs, not the person's, and is left out).</summary>
public sealed class FeedbackPersonalData(LearningDbContext db, IStringLocalizer<FeedbackStrings> S) : IPersonalDataProvider
{
    public string Section => "feedback";

    public string Title => S["Feedback"];

    public string? Description => S["Your ratings, comments and survey answers, with the editors' status and reply."];

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var items = await db.FeedbackItems.AsNoTracking().Where(i => i.UserId == userId).OrderBy(i => i.CreatedUtc).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Kind, i.SetId, i.Culture, i.Rating, i.Comment, i.Useful, i.Improve, Recommend = i.Recommend.ToString(), Status = i.Status.ToString(),
                i.Reply, i.RepliedUtc, i.CreatedUtc, i.UpdatedUtc,
            })
            .ToListAsync(cancellationToken);
        return items.Count == 0 ? null : items;
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) =>
        db.FeedbackItems.Where(i => i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
