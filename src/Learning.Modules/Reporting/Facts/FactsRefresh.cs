using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Certificates.Contracts;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Modules.Mooc.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Reporting.Facts;

/// <summary>
/// Brings the tenant's facts up to date, incrementally: it asks each feature which learners changed since the last
/// run (with a few minutes' overlap, for transactions that were still open then), reads those learners' state in
/// batches, and rewrites their rows. Running it twice changes nothing; the dashboard reads only the facts.
/// </summary>
public sealed class FactsRefresh(
    LearningDbContext db,
    UserDirectory users,
    CourseFacts course,
    AttemptOutcomes attempts,
    TestResults results,
    IssuedCertificates certificates,
    FactsRefreshLock locks,
    TenantContext tenantContext,
    TimeProvider clock)
{
    public const int BatchSize = 1000;

    /// <summary>How far back each run reads again, so that a change committed late is not missed.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    /// <summary>Refreshes what changed since the last run; returns how many learners' facts were rewritten.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var held = await locks.EnterAsync(tenantContext.Tenant.Name, db, cancellationToken);
        return await RefreshAsync(cancellationToken);
    }

    /// <summary>Refreshes the facts when they are older than <paramref name="age"/> (or were never made).</summary>
    public async Task RunWhenOlderThanAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var refreshed = await RefreshedAsync(cancellationToken);
        if (refreshed is null || clock.GetUtcNow().UtcDateTime - refreshed.Value > age)
        {
            await RunAsync(cancellationToken);
        }
    }

    private async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var watermark = await db.FactsState.AsNoTracking().Where(s => s.Id == 1).Select(s => (DateTime?)s.WatermarkUtc).SingleOrDefaultAsync(cancellationToken);
        var started = clock.GetUtcNow().UtcDateTime;
        var since = DateTime.SpecifyKind(watermark is { } last ? last - Overlap : DateTime.MinValue, DateTimeKind.Utc);

        var submitted = await attempts.SubmittedSinceAsync(since, cancellationToken);
        var testTakers = await attempts.StartedSinceAsync(since, cancellationToken);
        var certified = await certificates.ChangedSinceAsync(since, cancellationToken);
        var changed = (await users.ProfilesChangedSinceAsync(since, cancellationToken))
            .Concat(await course.ChangedSinceAsync(since, cancellationToken))
            .Concat(testTakers)
            .Concat(submitted.Select(a => a.Learner))
            .Concat(certified.Select(c => c.UserId))
            .ToHashSet(StringComparer.Ordinal);

        var seen = new Seen(
            submitted.ToLookup(a => a.Learner, StringComparer.Ordinal),
            testTakers.ToHashSet(StringComparer.Ordinal),
            certified.ToLookup(c => c.UserId, StringComparer.Ordinal),
            started);
        var rewritten = 0;
        foreach (var batch in changed.Order(StringComparer.Ordinal).Chunk(BatchSize))
        {
            rewritten += await RefreshLearnersAsync(batch, seen, cancellationToken);
        }

        await SaveAttemptsAsync(submitted, cancellationToken);
        // Saved last: a run that fails half-way is done again from the same watermark.
        var state = await db.FactsState.SingleOrDefaultAsync(s => s.Id == 1, cancellationToken);
        if (state is null)
        {
            state = new FactsState { Id = 1 };
            db.FactsState.Add(state);
        }

        state.WatermarkUtc = started;
        state.RefreshedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rewritten;
    }

    /// <summary>When the facts were last brought up to date; null before the first run.</summary>
    public async Task<DateTime?> RefreshedAsync(CancellationToken cancellationToken) =>
        await db.FactsState.AsNoTracking().Where(s => s.Id == 1).Select(s => (DateTime?)s.RefreshedUtc).SingleOrDefaultAsync(cancellationToken);

    /// <summary>What this run learnt of the changed learners besides their profile and course state.</summary>
    private sealed record Seen(ILookup<string, AttemptOutcome> Submitted, ISet<string> TestTakers, ILookup<string, IssuedCertificate> Certified, DateTime Now);

    private async Task<int> RefreshLearnersAsync(string[] batch, Seen seen, CancellationToken cancellationToken)
    {
        // Only learners are counted; someone who has left, or was never a learner, has no facts.
        var profiles = (await users.ProfilesAsync(batch, cancellationToken)).Where(p => p.IsLearner).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var states = (await course.StatesAsync(batch, cancellationToken)).ToDictionary(s => s.UserId, StringComparer.Ordinal);
        var facts = await db.LearnerFacts.Where(l => batch.Contains(l.UserId)).ToDictionaryAsync(l => l.UserId, StringComparer.Ordinal, cancellationToken);
        var tries = (await course.FirstTriesAsync(batch, cancellationToken)).ToLookup(t => t.UserId, StringComparer.Ordinal);
        var numbers = await NumbersAsync(tries.SelectMany(t => t).Select(t => t.ActivityId), cancellationToken);

        var gone = batch.Where(id => !profiles.ContainsKey(id)).ToList();
        if (gone.Count > 0)
        {
            await EraseAsync(gone, cancellationToken);
        }

        var days = new List<ActiveDayFact>();
        foreach (var profile in profiles.Values)
        {
            var progress = states.GetValueOrDefault(profile.Id);
            var moments = new List<DateTime> { profile.CreatedUtc };
            if (progress is not null)
            {
                moments.Add(progress.EnrolledUtc);
                if (progress.LastTriedUtc is { } tried)
                {
                    moments.Add(tried);
                }
            }

            foreach (var attempt in seen.Submitted[profile.Id])
            {
                moments.Add(attempt.StartedUtc);
                moments.Add(attempt.SubmittedUtc);
            }

            if (seen.TestTakers.Contains(profile.Id))
            {
                moments.Add(seen.Now); // an answer saved since the last run: active today
            }

            if (!facts.TryGetValue(profile.Id, out var fact))
            {
                fact = new LearnerFact { UserId = profile.Id };
                db.LearnerFacts.Add(fact);
            }

            fact.RegisteredUtc = profile.CreatedUtc;
            fact.Culture = profile.PreferredCulture;
            fact.StructureId = profile.StructureId;
            fact.Country = profile.Country;
            fact.Profession = Trim(profile.Profession);
            fact.EnrolledUtc = progress?.EnrolledUtc;
            fact.CourseCompleted = progress?.CourseCompleted == true;
            foreach (var certificate in seen.Certified[profile.Id].OrderBy(c => c.IssuedUtc))
            {
                fact.CertifiedUtc = certificate.RevokedUtc is null ? certificate.IssuedUtc : null;
                moments.Add(certificate.IssuedUtc);
            }

            fact.LastActiveUtc = moments.Append(fact.LastActiveUtc).Max();
            (fact.TriedActivities, fact.FailedActivities) = (null, null);
            foreach (var tried in tries[profile.Id])
            {
                fact.TriedActivities = ActivityNumber.Set(fact.TriedActivities, numbers[tried.ActivityId]);
                if (tried.FailedAtFirstTry)
                {
                    fact.FailedActivities = ActivityNumber.Set(fact.FailedActivities, numbers[tried.ActivityId]);
                }
            }

            days.AddRange(moments.Select(m => ActiveDayFact.On(profile.Id, m)).DistinctBy(d => d.Day));
        }

        // Parts completed are rewritten; active days only ever added.
        var known = profiles.Keys.ToList();
        await db.PartCompletionFacts.Where(p => known.Contains(p.UserId)).ExecuteDeleteAsync(cancellationToken);
        db.PartCompletionFacts.AddRange(states.Values.Where(s => profiles.ContainsKey(s.UserId))
            .SelectMany(s => s.PartsCompleted.Distinct().Select(part => new PartCompletionFact { UserId = s.UserId, Part = part })));

        var candidateDays = days.Select(d => d.Day).Distinct().ToList();
        var existing = (await db.ActiveDayFacts.AsNoTracking()
            .Where(d => known.Contains(d.UserId) && candidateDays.Contains(d.Day))
            .Select(d => new { d.UserId, d.Day }).ToListAsync(cancellationToken))
            .Select(d => (d.UserId, d.Day)).ToHashSet();
        db.ActiveDayFacts.AddRange(days.Where(d => !existing.Contains((d.UserId, d.Day))));

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return profiles.Count;
    }

    /// <summary>The bit of each activity, numbering those never seen before.</summary>
    private async Task<Dictionary<string, int>> NumbersAsync(IEnumerable<string> activityIds, CancellationToken cancellationToken)
    {
        var numbers = await db.ActivityNumbers.AsNoTracking().ToDictionaryAsync(a => a.ActivityId, a => a.Number, StringComparer.Ordinal, cancellationToken);
        var next = numbers.Count == 0 ? 0 : numbers.Values.Max() + 1;
        foreach (var id in activityIds.Distinct(StringComparer.Ordinal).Where(id => !numbers.ContainsKey(id)).Order(StringComparer.Ordinal))
        {
            numbers[id] = next;
            db.ActivityNumbers.Add(new ActivityNumber { Number = next++, ActivityId = id });
        }

        return numbers;
    }

    private async Task SaveAttemptsAsync(IReadOnlyList<AttemptOutcome> submitted, CancellationToken cancellationToken)
    {
        foreach (var batch in submitted.Chunk(BatchSize))
        {
            var ids = batch.Select(a => a.Id).ToList();
            var known = await db.AttemptFacts.Where(a => ids.Contains(a.AttemptId)).ToDictionaryAsync(a => a.AttemptId, cancellationToken);
            // Learners whose account is gone by now have no fact: their attempts are not kept either.
            var learners = batch.Select(a => a.Learner).Distinct().ToList();
            var present = (await db.LearnerFacts.Where(l => learners.Contains(l.UserId)).Select(l => l.UserId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            // A submitted attempt does not change: its questions are read once.
            var unread = batch.Where(a => present.Contains(a.Learner) && known.GetValueOrDefault(a.Id)?.Drawn is null).Select(a => a.Id).ToList();
            var drawn = (await results.SubmittedAsync(unread, cancellationToken)).ToDictionary(a => a.Id, a => DrawnAnswers.Write(a.Questions));
            foreach (var outcome in batch.Where(a => present.Contains(a.Learner)))
            {
                if (!known.TryGetValue(outcome.Id, out var fact))
                {
                    fact = new AttemptFact { AttemptId = outcome.Id };
                    db.AttemptFacts.Add(fact);
                }

                fact.UserId = outcome.Learner;
                fact.Bank = outcome.Bank;
                fact.Number = outcome.Number;
                fact.SubmittedUtc = outcome.SubmittedUtc;
                fact.Percent = outcome.Available == 0 ? 0 : (double)(100 * outcome.Earned / outcome.Available);
                fact.Passed = outcome.Passed;
                fact.Drawn ??= drawn.GetValueOrDefault(outcome.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A learner deleted their account: their facts stay counted, under an opaque id that leads to nobody (no account,
    /// no other table knows it), without their profession (typed freely, it could name them); a certificate they had
    /// revoked no longer counts, as any revoked certificate. Nothing reads these rows by person again: the refresh
    /// only visits ids the features report as changed.
    /// </summary>
    public async Task AnonymiseAsync(string userId, bool certificateRevoked, CancellationToken cancellationToken)
    {
        var alias = ErasedLearnerPrefix + Guid.NewGuid().ToString("n");
        await db.AttemptFacts.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, alias), cancellationToken);
        await db.PartCompletionFacts.Where(p => p.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, alias), cancellationToken);
        await db.ActiveDayFacts.Where(d => d.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(d => d.UserId, alias), cancellationToken);
        await db.LearnerFacts.Where(l => l.UserId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.UserId, alias)
            .SetProperty(l => l.Profession, (string?)null)
            .SetProperty(l => l.CertifiedUtc, l => certificateRevoked ? null : l.CertifiedUtc), cancellationToken);
        // The facts changed outside a refresh: marked as refreshed now, so that reports and snapshots are made again.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.FactsState.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshedUtc, now), cancellationToken);
    }

    /// <summary>How the id of an erased learner's facts starts.</summary>
    public const string ErasedLearnerPrefix = "erased:";

    /// <summary>Forgets the learners: their account is gone (deleted without its facts being made anonymous first).</summary>
    public async Task EraseAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        await db.AttemptFacts.Where(a => userIds.Contains(a.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.PartCompletionFacts.Where(p => userIds.Contains(p.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.ActiveDayFacts.Where(d => userIds.Contains(d.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.LearnerFacts.Where(l => userIds.Contains(l.UserId)).ExecuteDeleteAsync(cancellationToken);
    }

    // Professions are typed freely; the filter lists them as typed, cut to the column's length.
    private static string? Trim(string? profession)
    {
        var text = profession?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > 100 ? text[..100] : text;
    }
}
