using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Content;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Modules.Feedback.Contracts;
using Learning.Modules.Mooc.Contracts;
using Learning.Modules.Reporting.Facts;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>
/// The impact figures of one tenant for a filter. Figures about learners come from Reporting's own facts (kept by
/// <see cref="FactsRefresh"/>), counted in memory (<see cref="FactsSnapshot"/>); titles, reads and feedback from the
/// features' contracts.
/// </summary>
public sealed class ImpactDashboard(
    LearningDbContext db,
    StructureDirectory structures,
    UserDirectory users,
    CourseFacts course,
    ReminderFacts reminders,
    ReadCounts reads,
    FeedbackFigures feedback,
    FactsRefresh refresh,
    FactsSnapshots snapshots,
    ReportCache cache,
    TenantContext tenantContext,
    IOptions<ReportingOptions> options,
    TimeProvider clock)
{
    public const int TopReads = 10;

    public const int AtRiskListed = 200;

    /// <summary>The report, computed once per refresh of the facts (<see cref="ReportCache"/>).</summary>
    public async Task<DashboardReport> CachedReportAsync(DashboardFilter filter, string culture, bool listAtRisk, CancellationToken cancellationToken)
    {
        var key = new ReportCache.Key(tenantContext.Tenant.Name, filter, culture, listAtRisk, await refresh.RefreshedAsync(cancellationToken));
        return await cache.GetOrComputeAsync(key, TimeSpan.FromMinutes(Math.Max(1, options.Value.RefreshIntervalMinutes)),
            () => ReportAsync(filter, culture, listAtRisk, cancellationToken));
    }

    /// <summary>The period the dashboard opens on: the last twelve months, today included.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        return (today.AddYears(-1).AddDays(1), today);
    }

    /// <summary>Computes the report the dashboard opens on, in the tenant's language, right after a refresh (the job
    /// calls it), so that administrators find it ready.</summary>
    public Task<DashboardReport> PrepareDefaultAsync(CancellationToken cancellationToken)
    {
        var (from, to) = DefaultPeriod(clock.GetUtcNow().UtcDateTime);
        var filter = new DashboardFilter(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        return CachedReportAsync(filter, tenantContext.Tenant.DefaultCulture, listAtRisk: true, cancellationToken);
    }

    /// <summary>The tenant's facts in memory, read again when they were refreshed since.</summary>
    public async Task<FactsSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var refreshed = await refresh.RefreshedAsync(cancellationToken);
        return await snapshots.GetAsync(tenantContext.Tenant.Name, refreshed, () => FactsSnapshot.LoadAsync(db, refreshed, cancellationToken), cancellationToken);
    }

    public async Task<DashboardReport> ReportAsync(DashboardFilter filter, string culture, bool listAtRisk, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var facts = await SnapshotAsync(cancellationToken);
        var keep = await KeptAsync(facts, filter, cancellationToken);
        var (start, end) = (FactsSnapshot.Day(filter.StartUtc), FactsSnapshot.Day(filter.EndUtc));
        bool In(int day) => day >= start && day < end;

        var reached = new HashSet<int>();
        var (registrations, enrolments, active, completed, certificates) = (0, 0, 0, 0, 0);
        foreach (var i in keep)
        {
            var wasActive = facts.ActiveBetween(i, start, end);
            active += wasActive ? 1 : 0;
            if (wasActive && facts.StructureId[i] != FactsSnapshot.None)
            {
                reached.Add(facts.StructureId[i]);
            }

            registrations += In(facts.Registered[i]) ? 1 : 0;
            enrolments += In(facts.Enrolled[i]) ? 1 : 0;
            completed += In(facts.Enrolled[i]) && facts.CourseCompleted[i] ? 1 : 0;
            certificates += In(facts.Certified[i]) ? 1 : 0;
        }

        // Reads, feedback and reminders depend on the period (and the learners' language) only: one reading serves every
        // other filter.
        var live = await cache.GetOrComputeAsync(
            new LiveKey(tenantContext.Tenant.Name, filter.StartUtc, filter.EndUtc, filter.Culture, culture, facts.RefreshedUtc),
            TimeSpan.FromMinutes(Math.Max(1, settings.RefreshIntervalMinutes)),
            async () => new LiveFigures(
                await ReadsAsync("practice", filter, culture, cancellationToken),
                await ReadsAsync("tutorial", filter, culture, cancellationToken),
                await FeedbackAsync(filter, settings, cancellationToken),
                await reminders.CountSentAsync(filter.StartUtc, filter.EndUtc, cancellationToken)));
        var parts = await course.PartsAsync(culture, cancellationToken);
        return new DashboardReport(
            filter,
            facts.RefreshedUtc,
            new Objective(reached.Count, settings.StructuresObjective),
            new Participation(registrations, enrolments, active, completed, certificates),
            Parts(facts, keep, start, end, parts),
            OverTime(facts, keep, filter),
            Tests(facts, keep, start, end, parts),
            Scores(facts, keep, start, end, parts),
            live.Practices,
            live.Tutorials,
            await HardestActivitiesAsync(facts, keep, culture, cancellationToken),
            live.Feedback,
            await AtRiskAsync(facts, keep, settings.AtRiskAfterDays, listAtRisk, cancellationToken) with { RemindersSent = live.RemindersSent });
    }

    /// <summary>The learners the filter keeps, by index. A learner's country is their structure's, else their profile's.</summary>
    private async Task<IReadOnlyList<int>> KeptAsync(FactsSnapshot facts, DashboardFilter filter, CancellationToken cancellationToken)
    {
        // A value no learner has matches nobody (-1 is "none").
        int Index(IReadOnlyList<string> names, string? name) => name is null ? FactsSnapshot.None : FactsSnapshot.IndexOf(names, name) is var i and >= 0 ? i : int.MinValue;
        var (culture, profession) = (Index(facts.Cultures, filter.Culture), Index(facts.Professions, filter.Profession));
        var directory = filter.StructureType is null && filter.Country is null ? [] : await structures.ListAsync(cancellationToken);
        var ofType = directory.Where(s => s.Type == filter.StructureType).Select(s => s.Id).ToHashSet();
        var inCountry = directory.Where(s => s.Country == filter.Country).Select(s => s.Id).ToHashSet();
        var country = Index(facts.Countries, filter.Country);

        var keep = new List<int>(facts.Count);
        for (var i = 0; i < facts.Count; i++)
        {
            var structure = facts.StructureId[i];
            if ((filter.Culture is null || facts.Culture[i] == culture)
                && (filter.Profession is null || facts.Profession[i] == profession)
                && (filter.StructureId is null || structure == filter.StructureId)
                && (filter.StructureType is null || ofType.Contains(structure))
                && (filter.Country is null || (structure != FactsSnapshot.None ? inCountry.Contains(structure) : facts.Country[i] == country)))
            {
                keep.Add(i);
            }
        }

        return keep;
    }

    /// <summary>Of the learners enrolled in the period, how many completed each part.</summary>
    private static IReadOnlyList<PartCompletion> Parts(FactsSnapshot facts, IReadOnlyList<int> keep, int start, int end, IReadOnlyList<CoursePartInfo> parts)
    {
        var cohort = keep.Where(i => facts.Enrolled[i] >= start && facts.Enrolled[i] < end).ToList();
        return parts.Select(p =>
        {
            var bit = FactsSnapshot.IndexOf(facts.Parts, p.Slug);
            var completed = bit is < 0 or >= 64 ? 0 : cohort.Count(i => (facts.PartsCompleted[i] & (1UL << bit)) != 0);
            return new PartCompletion(p.Slug, p.Title, cohort.Count, completed);
        }).ToList();
    }

    private static IReadOnlyList<PeriodFigures> OverTime(FactsSnapshot facts, IReadOnlyList<int> keep, DashboardFilter filter)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        DateTime Bucket(DateTime day) => filter.ByWeek ? ActiveDayFact.WeekOf(day) : new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var buckets = new List<DateTime>();
        for (var bucket = Bucket(start); bucket < end; bucket = filter.ByWeek ? bucket.AddDays(7) : bucket.AddMonths(1))
        {
            buckets.Add(bucket);
        }

        // Each day of the period falls in one bucket: a table from day to bucket, built once.
        var (first, last) = (FactsSnapshot.Day(start), FactsSnapshot.Day(end));
        var bucketOf = new int[last - first];
        for (var day = first; day < last; day++)
        {
            bucketOf[day - first] = buckets.IndexOf(Bucket(FactsSnapshot.Date(day)));
        }

        var (registrations, enrolments, active, certificates) = (new int[buckets.Count], new int[buckets.Count], new int[buckets.Count], new int[buckets.Count]);
        void Count(int[] counts, int day)
        {
            if (day >= first && day < last)
            {
                counts[bucketOf[day - first]]++;
            }
        }

        foreach (var i in keep)
        {
            Count(registrations, facts.Registered[i]);
            Count(enrolments, facts.Enrolled[i]);
            Count(certificates, facts.Certified[i]);
            // Active learners are counted once per week or month, however many days they came: days are in order.
            var previous = -1;
            for (var d = facts.ActiveDaysStart[i]; d < facts.ActiveDaysStart[i + 1]; d++)
            {
                var day = facts.ActiveDays[d];
                if (day >= first && day < last && bucketOf[day - first] != previous)
                {
                    previous = bucketOf[day - first];
                    active[previous]++;
                }
            }
        }

        return buckets.Select((b, n) => new PeriodFigures(b, registrations[n], enrolments[n], active[n], certificates[n])).ToList();
    }

    /// <summary>The attempts submitted in the period by the learners kept, by index (attempts are in order of submission).</summary>
    private static IEnumerable<int> Attempts(FactsSnapshot facts, IReadOnlyList<int> keep, int start, int end)
    {
        var kept = new bool[facts.Count];
        foreach (var i in keep)
        {
            kept[i] = true;
        }

        var found = Array.BinarySearch(facts.AttemptDay, start);
        // The first attempt on the start day or after (a binary search may land on any of that day's attempts).
        var first = found >= 0 ? found : ~found;
        while (first > 0 && facts.AttemptDay[first - 1] >= start)
        {
            first--;
        }

        for (var a = first; a < facts.AttemptDay.Length && facts.AttemptDay[a] < end; a++)
        {
            if (kept[facts.AttemptLearner[a]])
            {
                yield return a;
            }
        }
    }

    private static IReadOnlyList<TestFigures> Tests(FactsSnapshot facts, IReadOnlyList<int> keep, int start, int end, IReadOnlyList<CoursePartInfo> parts)
    {
        // By bank and the learner's language: attempts, passes, the sum of scores and the learners.
        var groups = new Dictionary<(int Bank, int Culture), (int Attempts, int Passed, double Sum, HashSet<int> Learners)>();
        foreach (var a in Attempts(facts, keep, start, end))
        {
            var key = (facts.AttemptBank[a], facts.Culture[facts.AttemptLearner[a]]);
            var group = groups.TryGetValue(key, out var found) ? found : (Attempts: 0, Passed: 0, Sum: 0d, Learners: new HashSet<int>());
            group.Learners.Add(facts.AttemptLearner[a]);
            groups[key] = (group.Attempts + 1, group.Passed + (facts.AttemptPassed[a] ? 1 : 0), group.Sum + facts.AttemptPercent[a], group.Learners);
        }

        return groups
            .Select(g => (Bank: facts.Banks[g.Key.Bank], Culture: facts.Cultures[g.Key.Culture], Figures: g.Value))
            .OrderBy(g => Order(parts, g.Bank)).ThenBy(g => g.Bank, StringComparer.Ordinal).ThenBy(g => g.Culture, StringComparer.Ordinal)
            .Select(g => new TestFigures(g.Bank, Title(parts, g.Bank), g.Culture, g.Figures.Attempts, g.Figures.Learners.Count, g.Figures.Passed, g.Figures.Sum / g.Figures.Attempts))
            .ToList();
    }

    private static IReadOnlyList<ScoreBands> Scores(FactsSnapshot facts, IReadOnlyList<int> keep, int start, int end, IReadOnlyList<CoursePartInfo> parts)
    {
        // By bank, ten bands of 10%: attempts and learners. 100% falls in the last band, with 90–99%.
        var banks = new Dictionary<int, (int[] Attempts, HashSet<int>[] Learners)>();
        foreach (var a in Attempts(facts, keep, start, end))
        {
            if (!banks.TryGetValue(facts.AttemptBank[a], out var bands))
            {
                banks[facts.AttemptBank[a]] = bands = (new int[10], Enumerable.Range(0, 10).Select(_ => new HashSet<int>()).ToArray());
            }

            var band = facts.AttemptPercent[a] >= 90 ? 9 : (int)(facts.AttemptPercent[a] / 10);
            bands.Attempts[band]++;
            bands.Learners[band].Add(facts.AttemptLearner[a]);
        }

        return banks.Select(b => (Bank: facts.Banks[b.Key], Bands: b.Value))
            .OrderBy(b => Order(parts, b.Bank)).ThenBy(b => b.Bank, StringComparer.Ordinal)
            .Select(b => new ScoreBands(b.Bank, Title(parts, b.Bank), b.Bands.Attempts, b.Bands.Learners.Select(l => l.Count).ToList()))
            .ToList();
    }

    private async Task<IReadOnlyList<ReadFigures>> ReadsAsync(string type, DashboardFilter filter, string culture, CancellationToken cancellationToken) =>
        (await reads.MostReadAsync(type, filter.StartUtc, filter.ToDay.Date, filter.Culture, culture, TopReads, cancellationToken))
            .Select(r => new ReadFigures(r.Title, r.Reads)).ToList();

    /// <summary>The activities the learners kept most often failed at their first try (ever, not only in the period:
    /// the facts keep whether a first try failed, not when).</summary>
    private async Task<IReadOnlyList<ActivityFailures>> HardestActivitiesAsync(FactsSnapshot facts, IReadOnlyList<int> keep, string culture, CancellationToken cancellationToken)
    {
        // One pass over the learners' bits (about 40 a learner), rather than one per activity.
        var size = facts.Activities.Count == 0 ? 0 : facts.Activities.Keys.Max() + 1;
        var (tried, failed) = (new int[size], new int[size]);
        foreach (var i in keep)
        {
            CountBits(facts.TriedActivities[i], tried);
            CountBits(facts.FailedActivities[i], failed);
        }

        var activities = (await course.ActivitiesAsync(culture, cancellationToken)).ToDictionary(a => a.ActivityId, StringComparer.Ordinal);
        return facts.Activities
            .Where(a => activities.ContainsKey(a.Value) && tried[a.Key] > 0)
            .Select(a => (Activity: activities[a.Value], Tried: tried[a.Key], Failed: failed[a.Key]))
            .OrderByDescending(a => (double)a.Failed / a.Tried).ThenByDescending(a => a.Tried).ThenBy(a => a.Activity.ActivityId, StringComparer.Ordinal)
            .Take(TopReads)
            .Select(a => new ActivityFailures(a.Activity.Part, a.Activity.Title, a.Tried, a.Failed)).ToList();
    }

    /// <summary>Adds 1 to <paramref name="counts"/> at each bit set in <paramref name="bits"/>.</summary>
    private static void CountBits(byte[]? bits, int[] counts)
    {
        for (var b = 0; bits is not null && b < bits.Length; b++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                if ((bits[b] & (1 << bit)) != 0 && b * 8 + bit < counts.Length)
                {
                    counts[b * 8 + bit]++;
                }
            }
        }
    }

    private async Task<FeedbackReport> FeedbackAsync(DashboardFilter filter, ReportingOptions settings, CancellationToken cancellationToken)
    {
        var summary = await feedback.SummaryAsync(filter.StartUtc, filter.EndUtc, filter.Culture, cancellationToken);
        var actedOn = summary.Accepted + summary.Done;
        var percent = summary.Received == 0 ? 0 : 100m * actedOn / summary.Received;
        return new FeedbackReport(summary.Received, summary.New, actedOn, summary.Rejected,
            new Objective(Math.Round(percent, 1), settings.FeedbackActedOnObjectivePercent),
            summary.ByKind.Select(k => new FeedbackKind(k.Kind, k.Received, k.ActedOn)).ToList());
    }

    private async Task<AtRisk> AtRiskAsync(FactsSnapshot facts, IReadOnlyList<int> keep, int days, bool list, CancellationToken cancellationToken)
    {
        var quietSince = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        // Someone who deleted their account has left: still counted in the figures, never at risk.
        var atRisk = keep.Where(i => facts.Enrolled[i] != FactsSnapshot.None && !facts.CourseCompleted[i] && facts.LastActiveUtc[i] < quietSince
            && !facts.UserIds[i].StartsWith(FactsRefresh.ErasedLearnerPrefix, StringComparison.Ordinal)).ToList();
        if (!list || atRisk.Count == 0)
        {
            return new AtRisk(days, atRisk.Count, []);
        }

        // Learners are in the order of their ids: the quietest first, then by id.
        var listed = atRisk.OrderBy(i => facts.LastActiveUtc[i]).ThenBy(i => i).Take(AtRiskListed).ToList();
        var people = await users.FindAsync(listed.Select(i => facts.UserIds[i]).ToList(), cancellationToken);
        return new AtRisk(days, atRisk.Count, listed.Where(i => people.ContainsKey(facts.UserIds[i]))
            .Select(i => new AtRiskLearner(facts.UserIds[i], people[facts.UserIds[i]].DisplayName, people[facts.UserIds[i]].Email,
                facts.LastActiveUtc[i], System.Numerics.BitOperations.PopCount(facts.PartsCompleted[i])))
            .ToList());
    }

    /// <summary>The figures read from the features at each computation rather than from the facts.</summary>
    private sealed record LiveFigures(IReadOnlyList<ReadFigures> Practices, IReadOnlyList<ReadFigures> Tutorials, FeedbackReport Feedback, int RemindersSent);

    private sealed record LiveKey(string Tenant, DateTime StartUtc, DateTime EndUtc, string? LearnersCulture, string Culture, DateTime? FactsRefreshedUtc);

    private static int Order(IReadOnlyList<CoursePartInfo> parts, string bank) =>
        parts.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.TestBank == bank) is var (part, index) && part is not null ? index : int.MaxValue;

    private static string Title(IReadOnlyList<CoursePartInfo> parts, string bank) =>
        parts.FirstOrDefault(p => p.TestBank == bank)?.Title ?? bank;
}
