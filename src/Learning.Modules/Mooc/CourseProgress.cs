using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Mooc;

/// <summary>
/// Enrolment, progress through the activities (by activity id, so the same in every language) and "continue".
/// A learner's state is read on every course page, so it is kept in memory for a short while and dropped by
/// each of their changes (a try, a visit, a test submitted) on every node (through <see cref="ClusterSignals"/>; should a
/// signal be lost, a node's copy is at most <see cref="Freshness"/> old).
/// </summary>
public sealed class CourseProgress(LearningDbContext db, TestCenter tests, IMemoryCache cache, ClusterSignals signals, TenantContext tenantContext, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    /// <summary>The person's state in the course; null when not enrolled.</summary>
    public async Task<Learner?> LearnerAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out Learner? learner))
        {
            return learner;
        }

        // One query for the enrolment and the completed activities, one for the tests.
        var progress = db.ActivityProgress; // a query inside a query: extension properties cannot appear in expression trees
        var found = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId)
            .Select(e => new { Enrolment = e, Completed = progress.Where(p => p.UserId == e.UserId && p.CompletedUtc != null).Select(p => p.ActivityId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        learner = found is null ? null : new Learner(found.Enrolment, found.Completed.ToHashSet(), await tests.StandingsAsync(userId, cancellationToken));
        cache.Set(Key(userId), learner, Freshness);
        return learner;
    }

    /// <summary>Enrols the person once, whatever is sent twice.</summary>
    public async Task EnrolAsync(string userId, CancellationToken cancellationToken)
    {
        if (!await db.Enrolments.AnyAsync(e => e.UserId == userId, cancellationToken))
        {
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

        await ForgetAsync(userId);
    }

    /// <summary>Remembers the activity the person opened, for "continue", and when (for reminders).</summary>
    public async Task RememberAsync(string userId, string part, string activity, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Enrolments.Where(e => e.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastPart, part).SetProperty(e => e.LastActivity, activity).SetProperty(e => e.LastSeenUtc, now), cancellationToken);
        await ForgetAsync(userId);
    }

    public async Task SuggestAsync(string userId, IEnumerable<string> parts, CancellationToken cancellationToken)
    {
        var suggested = string.Join(',', parts);
        await db.Enrolments.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SuggestedParts, suggested), cancellationToken);
        await ForgetAsync(userId);
    }

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
                break;
            }

            var progress = new ActivityProgress { UserId = userId, ActivityId = activityId, Part = part, Tries = 1, LastTriedUtc = now, CompletedUtc = completed };
            db.ActivityProgress.Add(progress);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (tries == 0)
            {
                db.Entry(progress).State = EntityState.Detached; // a try recorded at the same moment: update it
            }
        }

        await ForgetAsync(userId);
    }

    public static IReadOnlyList<PartStanding> Standings(Learner learner, IReadOnlyList<CoursePart> parts) => parts.Select(p => new PartStanding(
        p,
        p.Content.Activities.Count(a => learner.Completed.Contains(a.Id)),
        p.TestBank is null ? null : learner.Tests.GetValueOrDefault(p.TestBank) ?? new TestStanding(false, 0))).ToList();

    /// <summary>
    /// Where "continue" leads: the last activity opened if not yet done, else the next one not done after it,
    /// else the first one not done in the course; with every activity done, the first test not passed;
    /// null when everything is done.
    /// </summary>
    public static (CoursePart Part, Activity? Activity)? Next(IReadOnlyList<PartStanding> standings, Learner learner)
    {
        var order = standings.SelectMany(s => s.Part.Content.Activities.Select(a => (s.Part, Activity: a))).ToList();
        var last = order.FindIndex(x => x.Part.SetId == learner.Enrolment.LastPart && x.Activity.Id == learner.Enrolment.LastActivity);
        var next = order.Skip(Math.Max(last, 0)).Concat(order).FirstOrDefault(x => !learner.Completed.Contains(x.Activity.Id));
        if (next.Part is not null)
        {
            return (next.Part, next.Activity);
        }

        return standings.FirstOrDefault(s => s.Test is { Passed: false }) is { } untested ? (untested.Part, null) : null;
    }

    internal static (string, string, string) Key(string tenant, string userId) => (nameof(Learner), tenant, userId);

    private (string, string, string) Key(string userId) => Key(tenantContext.Tenant.Name, userId);

    /// <summary>Drops the learner's state on every node (<see cref="LearnerChannel"/>).</summary>
    internal static Task ForgetAsync(ClusterSignals signals, string tenant, string userId) => signals.PublishAsync(LearnerChannel, $"{tenant}\n{userId}");

    /// <summary>This node's part of a learner's change.</summary>
    internal static Task ForgetHere(IServiceProvider services, string message)
    {
        var (tenant, userId) = (message[..message.IndexOf('\n')], message[(message.IndexOf('\n') + 1)..]);
        services.GetRequiredService<IMemoryCache>().Remove(Key(tenant, userId));
        return Task.CompletedTask;
    }

    internal const string LearnerChannel = "learner";

    private Task ForgetAsync(string userId) => ForgetAsync(signals, tenantContext.Tenant.Name, userId);
}
