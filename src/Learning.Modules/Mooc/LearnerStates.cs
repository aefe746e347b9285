using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Learning.Modules.Mooc.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc;

/// <summary>The course states of many learners at once, for reports (<see cref="CourseFacts.StatesAsync"/>), by the
/// course page's rules; here rather than in the contract, which may not name Assessment's types.</summary>
public sealed class LearnerStates(LearningDbContext db, Course course, TestCenter tests)
{
    /// <summary>The most ids sent in one query (an IN list both databases plan well).</summary>
    public const int BatchSize = TestCenter.BatchSize;

    /// <summary>
    /// The state of the enrolled learners among <paramref name="userIds"/> (others are left out), in no particular
    /// order. Three queries per 1,000 ids: enrolments, activities (grouped by learner and part), tests' standings.
    /// </summary>
    public async Task<IReadOnlyList<LearnerCourseState>> StatesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        // Activity ids are the same in every culture; the French parts are the reference.
        var parts = await course.PartsAsync(Cultures.Default, cancellationToken);
        // Only the activities still in the course count, as on the course page. Completed activities are counted in SQL by
        // the part each progress row was recorded in: activity ids name their part ("p2-a05"), so they do not move.
        var activityIds = parts.SelectMany(p => p.Content.Activities.Select(a => a.Id)).ToList();
        var states = new List<LearnerCourseState>();
        foreach (var batch in userIds.Distinct().Chunk(BatchSize))
        {
            var enrolments = await db.Enrolments.AsNoTracking().Where(e => batch.Contains(e.UserId))
                .Select(e => new { e.UserId, e.EnrolledUtc })
                .ToListAsync(cancellationToken);
            if (enrolments.Count == 0)
            {
                continue;
            }

            var enrolled = enrolments.Select(e => e.UserId).ToList();
            var activities = (await db.ActivityProgress.AsNoTracking().Where(p => enrolled.Contains(p.UserId))
                    .GroupBy(p => new { p.UserId, p.Part })
                    .Select(g => new
                    {
                        g.Key.UserId,
                        g.Key.Part,
                        LastTried = g.Max(p => p.LastTriedUtc),
                        Done = g.Count(p => p.CompletedUtc != null && activityIds.Contains(p.ActivityId)),
                    })
                    .ToListAsync(cancellationToken))
                .ToLookup(p => p.UserId);
            var standings = await tests.StandingsAsync(enrolled, cancellationToken);

            foreach (var enrolment in enrolments)
            {
                var progress = activities[enrolment.UserId].ToList();
                var tested = standings.GetValueOrDefault(enrolment.UserId);
                // The course page's own rule (CourseProgress.Standings): a part is done when its bar is full.
                var done = parts
                    .Select(p => new PartStanding(
                        p,
                        progress.Where(x => x.Part == p.SetId).Sum(x => x.Done),
                        p.TestBank is null ? null : tested?.GetValueOrDefault(p.TestBank) ?? new TestStanding(false, 0)))
                    .Where(s => s.Done == s.Total)
                    .Select(s => s.Part.SetId)
                    .ToList();
                states.Add(new LearnerCourseState(
                    enrolment.UserId,
                    DateTime.SpecifyKind(enrolment.EnrolledUtc, DateTimeKind.Utc),
                    progress.Count == 0 ? null : DateTime.SpecifyKind(progress.Max(x => x.LastTried), DateTimeKind.Utc),
                    done,
                    parts.Count > 0 && done.Count == parts.Count));
            }
        }

        return states;
    }
}
