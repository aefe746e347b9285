using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc.Contracts;

/// <summary>
/// What reports (Reporting's impact figures) may know of the course: which learners changed since a moment, the
/// state of a batch of learners, the parts, the activities, and how a batch of learners' first tries went. Read only, by batches of at
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

    /// <summary>The course's formative activities in course order, with their part's id ("part-1"), titled in
    /// <paramref name="culture"/>, French where not translated.</summary>
    public async Task<IReadOnlyList<CourseActivityInfo>> ActivitiesAsync(string culture, CancellationToken cancellationToken) =>
        (await course.PartsAsync(culture, cancellationToken))
            .SelectMany(part => part.Content.Activities.Select(activity => new CourseActivityInfo(part.SetId, activity.Id, activity.Title)))
            .ToList();

    /// <summary>
    /// How the learners among <paramref name="userIds"/> fared at their first try of each activity they tried: failed
    /// when they tried more than once, or never completed it (the first all-right try completes an activity). Progress
    /// kept for activities no longer in the course is left out. One query per 1,000 ids, in no particular order.
    /// </summary>
    public async Task<IReadOnlyList<LearnerFirstTry>> FirstTriesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var activityIds = (await course.PartsAsync(Cultures.Default, cancellationToken)).SelectMany(p => p.Content.Activities.Select(a => a.Id)).ToList();
        var tries = new List<LearnerFirstTry>();
        foreach (var batch in userIds.Distinct().Chunk(LearnerStates.BatchSize))
        {
            tries.AddRange(await db.ActivityProgress.AsNoTracking()
                .Where(p => batch.Contains(p.UserId) && p.Tries >= 1 && activityIds.Contains(p.ActivityId))
                .Select(p => new LearnerFirstTry(p.UserId, p.ActivityId, p.Tries > 1 || p.CompletedUtc == null))
                .ToListAsync(cancellationToken));
        }

        return tries;
    }
}
