using Learning.Modules.Assessment;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc;

/// <summary>Where a person stands in one part: activities done, and the validation test.</summary>
public sealed record PartStanding(CoursePart Part, int ActivitiesDone, TestStanding? Test)
{
    public int Done => ActivitiesDone + (Test?.Passed == true ? 1 : 0);

    public int Total => Part.Content.Activities.Count + (Part.TestBank is null ? 0 : 1);

    public bool Complete => Done == Total;
}

/// <summary>Enrolment, progress through the activities (by activity id, so the same in every language) and "continue".</summary>
public sealed class CourseProgress(LearningDbContext db, ValidationTests tests, TimeProvider clock)
{
    public Task<Enrolment?> EnrolmentAsync(string userId, CancellationToken cancellationToken) =>
        db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId, cancellationToken);

    /// <summary>Enrols the person once, whatever is sent twice.</summary>
    public async Task EnrolAsync(string userId, CancellationToken cancellationToken)
    {
        if (await db.Enrolments.AnyAsync(e => e.UserId == userId, cancellationToken))
        {
            return;
        }

        var enrolment = new Enrolment { UserId = userId, EnrolledUtc = clock.GetUtcNow().UtcDateTime };
        db.Enrolments.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(enrolment).State = EntityState.Detached; // enrolled by a request at the same moment
        }
    }

    public Task RememberAsync(string userId, string part, string activity, CancellationToken cancellationToken) =>
        db.Enrolments.Where(e => e.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastPart, part).SetProperty(e => e.LastActivity, activity), cancellationToken);

    public Task SuggestAsync(string userId, IEnumerable<string> parts, CancellationToken cancellationToken)
    {
        var suggested = string.Join(',', parts);
        return db.Enrolments.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SuggestedParts, suggested), cancellationToken);
    }

    /// <summary>The activities the person has completed.</summary>
    public async Task<IReadOnlySet<string>> CompletedAsync(string userId, CancellationToken cancellationToken) =>
        (await db.ActivityProgress.Where(p => p.UserId == userId && p.CompletedUtc != null).Select(p => p.ActivityId).ToListAsync(cancellationToken)).ToHashSet();

    public Task<bool> IsCompletedAsync(string userId, string activityId, CancellationToken cancellationToken) =>
        db.ActivityProgress.AnyAsync(p => p.UserId == userId && p.ActivityId == activityId && p.CompletedUtc != null, cancellationToken);

    /// <summary>Counts a try at an activity; the first right one completes it. One statement when the row exists.</summary>
    public async Task RecordTryAsync(string userId, string part, string activityId, bool right, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? completed = right ? now : null;
        for (var tries = 0; ; tries++)
        {
            var updated = await db.ActivityProgress.Where(p => p.UserId == userId && p.ActivityId == activityId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Tries, p => p.Tries + 1).SetProperty(p => p.LastTriedUtc, now)
                    .SetProperty(p => p.CompletedUtc, p => p.CompletedUtc ?? completed), cancellationToken);
            if (updated > 0)
            {
                return;
            }

            var progress = new ActivityProgress { UserId = userId, ActivityId = activityId, Part = part, Tries = 1, LastTriedUtc = now, CompletedUtc = completed };
            db.ActivityProgress.Add(progress);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (tries == 0)
            {
                db.Entry(progress).State = EntityState.Detached; // a try recorded at the same moment: update it
            }
        }
    }

    public async Task<IReadOnlyList<PartStanding>> StandingsAsync(string userId, IReadOnlyList<CoursePart> parts, IReadOnlySet<string> completed, CancellationToken cancellationToken)
    {
        var standings = await tests.StandingsAsync(userId, cancellationToken);
        return parts.Select(p => new PartStanding(
            p,
            p.Content.Activities.Count(a => completed.Contains(a.Id)),
            p.TestBank is null ? null : standings.GetValueOrDefault(p.TestBank) ?? new TestStanding(false, 0))).ToList();
    }

    /// <summary>
    /// Where "continue" leads: the last activity opened if not yet done, else the next one not done after it,
    /// else the first one not done in the course; with every activity done, the first test not passed;
    /// null when everything is done.
    /// </summary>
    public static (CoursePart Part, Activity? Activity)? Next(IReadOnlyList<PartStanding> standings, IReadOnlySet<string> completed, Enrolment enrolment)
    {
        var order = standings.SelectMany(s => s.Part.Content.Activities.Select(a => (s.Part, Activity: a))).ToList();
        var last = order.FindIndex(x => x.Part.SetId == enrolment.LastPart && x.Activity.Id == enrolment.LastActivity);
        var next = order.Skip(Math.Max(last, 0)).Concat(order).FirstOrDefault(x => !completed.Contains(x.Activity.Id));
        if (next.Part is not null)
        {
            return (next.Part, next.Activity);
        }

        return standings.FirstOrDefault(s => s.Test is { Passed: false }) is { } untested ? (untested.Part, null) : null;
    }
}
