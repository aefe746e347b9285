using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Feedback;

/// <summary>A person's own feedback: what they gave of a subject, giving it again, and a subject's average rating.</summary>
public sealed class LearnerFeedback(LearningDbContext db, TimeProvider clock)
{
    public Task<FeedbackItem?> OwnAsync(string userId, string kind, string setId, CancellationToken cancellationToken) =>
        db.FeedbackItems.AsNoTracking().SingleOrDefaultAsync(i => i.UserId == userId && i.Kind == kind && i.SetId == setId, cancellationToken);

    /// <summary>Stores the person's opinion of a subject: one per person and subject, so giving it again updates it; a
    /// changed text goes back to the editors as new.</summary>
    public Task SaveAsync(string userId, FeedbackAnswer answer, CancellationToken cancellationToken) => SaveAsync(userId, answer, retried: false, cancellationToken);

    private async Task SaveAsync(string userId, FeedbackAnswer answer, bool retried, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.FeedbackItems.SingleOrDefaultAsync(i => i.UserId == userId && i.Kind == answer.Kind && i.SetId == answer.SetId, cancellationToken);
        if (item is null)
        {
            item = new FeedbackItem { UserId = userId, Kind = answer.Kind, SetId = answer.SetId, Status = FeedbackStatus.New, CreatedUtc = now };
            db.FeedbackItems.Add(item);
        }
        else if (item.Comment != answer.Comment || item.Useful != answer.Useful || item.Improve != answer.Improve)
        {
            if (item.Status != FeedbackStatus.New)
            {
                item.StatusChangedUtc = now;
            }

            item.Status = FeedbackStatus.New;
        }

        item.Culture = answer.Culture;
        item.Rating = answer.Rating;
        item.Comment = answer.Comment;
        item.Useful = answer.Useful;
        item.Improve = answer.Improve;
        item.Recommend = answer.Recommend;
        item.UpdatedUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (item.Id == 0 && !retried)
        {
            // The same person posting twice at once (a double click): the other post created the item; this one updates it.
            db.ChangeTracker.Clear();
            await SaveAsync(userId, answer, retried: true, cancellationToken);
        }
    }

    /// <summary>A subject's ratings, in whatever culture they were given; null when it has none.</summary>
    public async Task<SubjectAverage?> AverageAsync(string kind, string setId, CancellationToken cancellationToken)
    {
        var figures = await db.FeedbackItems.AsNoTracking().Where(i => i.Kind == kind && i.SetId == setId && i.Rating != null)
            .GroupBy(i => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(i => i.Rating!.Value) })
            .SingleOrDefaultAsync(cancellationToken);
        return figures is null || figures.Count == 0 ? null : new SubjectAverage(Math.Round((decimal)figures.Sum / figures.Count, 1, MidpointRounding.AwayFromZero), figures.Count);
    }
}
