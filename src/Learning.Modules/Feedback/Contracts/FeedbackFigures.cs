using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Feedback.Contracts;

/// <summary>
/// Feedback's figures for Reporting: what was received in a period and how much was acted on, each subject's ratings,
/// the end-of-course survey, and for the incremental refresh the learners whose feedback changed and their figures.
/// Every count is grouped in the database.
/// </summary>
public sealed class FeedbackFigures(LearningDbContext db)
{
    /// <summary>At most this many ids a query (<see cref="LearnersAsync"/> reads longer lists in batches).</summary>
    public const int Batch = 1000;

    /// <summary>The items created from <paramref name="fromUtc"/> (included) to <paramref name="toUtc"/> (excluded), in
    /// every culture or in one, counted by their status as it is now.</summary>
    public async Task<FeedbackSummary> SummaryAsync(DateTime fromUtc, DateTime toUtc, string? culture, CancellationToken cancellationToken)
    {
        var items = db.FeedbackItems.AsNoTracking().Where(i => i.CreatedUtc >= fromUtc && i.CreatedUtc < toUtc);
        if (culture is not null)
        {
            items = items.Where(i => i.Culture == culture);
        }

        var counts = await items.GroupBy(i => new { i.Kind, i.Status }).Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(FeedbackStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        var byKind = FeedbackKinds.All.Select(kind => new KindCount(kind,
                counts.Where(c => c.Kind == kind).Sum(c => c.Count),
                counts.Where(c => c.Kind == kind && c.Status is FeedbackStatus.Accepted or FeedbackStatus.Done).Sum(c => c.Count)))
            .ToList();
        return new FeedbackSummary(counts.Sum(c => c.Count), Of(FeedbackStatus.New), Of(FeedbackStatus.Accepted), Of(FeedbackStatus.Done), Of(FeedbackStatus.Rejected), byKind);
    }

    /// <summary>Every rated subject of a kind with its average and number of ratings, by set id.</summary>
    public async Task<IReadOnlyList<SubjectRating>> RatingsAsync(string kind, CancellationToken cancellationToken)
    {
        var sums = await db.FeedbackItems.AsNoTracking().Where(i => i.Kind == kind && i.Rating != null)
            .GroupBy(i => i.SetId).Select(g => new { SetId = g.Key, Count = g.Count(), Sum = g.Sum(i => i.Rating!.Value) })
            .ToListAsync(cancellationToken);
        return sums.OrderBy(s => s.SetId, StringComparer.Ordinal)
            .Select(s => new SubjectRating(s.SetId, Math.Round((decimal)s.Sum / s.Count, 2, MidpointRounding.AwayFromZero), s.Count)).ToList();
    }

    /// <summary>The end-of-course surveys first answered from <paramref name="fromUtc"/> (included) to <paramref name="toUtc"/> (excluded).</summary>
    public async Task<SurveySummary> SurveyAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var counts = await db.FeedbackItems.AsNoTracking()
            .Where(i => i.Kind == FeedbackKinds.Course && i.CreatedUtc >= fromUtc && i.CreatedUtc < toUtc)
            .GroupBy(i => i.Recommend).Select(g => new { Recommend = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(Recommendation answer) => counts.Where(c => c.Recommend == answer).Sum(c => c.Count);
        return new SurveySummary(counts.Sum(c => c.Count), Of(Recommendation.Yes), Of(Recommendation.No), Of(Recommendation.NotSure));
    }

    /// <summary>The learners whose feedback they changed, or the editors triaged, after <paramref name="sinceUtc"/>.</summary>
    public async Task<IReadOnlyList<string>> ChangedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        // Two indexed ranges rather than one OR, which neither database can answer from an index.
        var updated = await db.FeedbackItems.AsNoTracking().Where(i => i.UpdatedUtc > sinceUtc).Select(i => i.UserId).Distinct().ToListAsync(cancellationToken);
        var triaged = await db.FeedbackItems.AsNoTracking().Where(i => i.StatusChangedUtc > sinceUtc).Select(i => i.UserId).Distinct().ToListAsync(cancellationToken);
        return updated.Union(triaged).ToList();
    }

    /// <summary>The figures of these learners (those without feedback are left out), read in batches of <see cref="Batch"/>.</summary>
    public async Task<IReadOnlyList<LearnerFeedbackFigures>> LearnersAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var figures = new List<LearnerFeedbackFigures>();
        foreach (var batch in userIds.Distinct().Chunk(Batch))
        {
            var rows = await db.FeedbackItems.AsNoTracking().Where(i => batch.Contains(i.UserId))
                .GroupBy(i => i.UserId)
                .Select(g => new
                {
                    UserId = g.Key,
                    Items = g.Count(),
                    Rated = g.Count(i => i.Rating != null),
                    ActedOn = g.Count(i => i.Status == FeedbackStatus.Accepted || i.Status == FeedbackStatus.Done),
                    Surveys = g.Count(i => i.Kind == FeedbackKinds.Course),
                    Last = g.Max(i => i.UpdatedUtc),
                })
                .ToListAsync(cancellationToken);
            figures.AddRange(rows.Select(r => new LearnerFeedbackFigures(r.UserId, r.Items, r.Rated, r.ActedOn, r.Surveys > 0, r.Last)));
        }

        return figures;
    }
}
