using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc.Contracts;

/// <summary>
/// What reports (Reporting's impact figures) may know of the course: which learners changed since a moment, the
/// state of a batch of learners, the parts, and how the activities' first tries went. Read only, by batches of at
/// most 1,000 ids, grouped in SQL where it counts.
/// </summary>
public sealed class CourseFacts(LearningDbContext db, Course course, LearnerStates states)
{
    /// <summary>
    /// The learners who enrolled, or tried an activity, strictly after <paramref name="sinceUtc"/>, each once. A
    /// part's completion also changes when its test is passed: Assessment's <c>AttemptOutcomes.SubmittedSinceAsync</c>
    /// tells those learners.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc);
        return await db.Enrolments.AsNoTracking().Where(e => e.EnrolledUtc > since).Select(e => e.UserId)
            .Union(db.ActivityProgress.AsNoTracking().Where(p => p.LastTriedUtc > since).Select(p => p.UserId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The state of the enrolled learners among <paramref name="userIds"/> (others are left out), in no particular
    /// order. Three queries per 1,000 ids: enrolments, activities (grouped by learner and part), tests' standings.
    /// </summary>
    public Task<IReadOnlyList<LearnerCourseState>> StatesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        states.StatesAsync(userIds, cancellationToken);

    /// <summary>The course's parts in order (part-1 … then the self-assessment), titled in <paramref name="culture"/>,
    /// French where not translated.</summary>
    public async Task<IReadOnlyList<CoursePartInfo>> PartsAsync(string culture, CancellationToken cancellationToken) =>
        (await course.PartsAsync(culture, cancellationToken))
            .Select(p => new CoursePartInfo(p.SetId, p.Number ?? 0, p.Title, p.TestBank))
            .ToList();

    /// <summary>
    /// For each activity of the course, in course order: how many learners tried it, and how many of them failed
    /// their first try (they tried more than once, or never completed it: the first all-right try completes an
    /// activity). Counted in SQL by activity; activities nobody tried count 0, and progress kept for activities no
    /// longer in the course is left out. Titles in <paramref name="culture"/>, French where not translated.
    /// </summary>
    public async Task<IReadOnlyList<ActivityFirstTries>> FirstTriesAsync(string culture, CancellationToken cancellationToken)
    {
        var counts = (await db.ActivityProgress.AsNoTracking().Where(p => p.Tries >= 1)
                .GroupBy(p => new { p.Part, p.ActivityId })
                .Select(g => new { g.Key.Part, g.Key.ActivityId, Tried = g.Count(), Failed = g.Count(p => p.Tries > 1 || p.CompletedUtc == null) })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.Part, c.ActivityId));
        return (await course.PartsAsync(culture, cancellationToken))
            .SelectMany(part => part.Content.Activities.Select(activity =>
            {
                var count = counts.GetValueOrDefault((part.SetId, activity.Id));
                return new ActivityFirstTries(part.SetId, activity.Id, activity.Title, count?.Tried ?? 0, count?.Failed ?? 0);
            }))
            .ToList();
    }
}
