using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Content;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Modules.Feedback.Contracts;
using Learning.Modules.Mooc.Contracts;
using Learning.Modules.Reporting.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>
/// The impact figures of one tenant for a filter. Figures about learners come from Reporting's own facts (kept by
/// <see cref="FactsRefresh"/>), counted in the database; titles, reads and feedback from the features' contracts.
/// </summary>
public sealed class ImpactDashboard(
    LearningDbContext db,
    StructureDirectory structures,
    UserDirectory users,
    CourseFacts course,
    ReadCounts reads,
    FeedbackFigures feedback,
    FactsRefresh refresh,
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

    public async Task<DashboardReport> ReportAsync(DashboardFilter filter, string culture, bool listAtRisk, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var learners = await LearnersAsync(filter, cancellationToken);
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var activeDays = db.ActiveDayFacts.AsNoTracking().Where(d => d.Day >= start && d.Day < end);
        if (filter.FiltersPeople)
        {
            activeDays = activeDays.Where(d => learners.Any(l => l.UserId == d.UserId));
        }

        var reached = await learners.Where(l => l.StructureId != null && activeDays.Any(d => d.UserId == l.UserId))
            .Select(l => l.StructureId).Distinct().CountAsync(cancellationToken);
        var participation = new Participation(
            await learners.CountAsync(l => l.RegisteredUtc >= start && l.RegisteredUtc < end, cancellationToken),
            await learners.CountAsync(l => l.EnrolledUtc >= start && l.EnrolledUtc < end, cancellationToken),
            await activeDays.Select(d => d.UserId).Distinct().CountAsync(cancellationToken),
            await learners.CountAsync(l => l.EnrolledUtc >= start && l.EnrolledUtc < end && l.CourseCompleted, cancellationToken),
            await learners.CountAsync(l => l.CertifiedUtc >= start && l.CertifiedUtc < end, cancellationToken));

        var parts = await course.PartsAsync(culture, cancellationToken);
        return new DashboardReport(
            filter,
            await refresh.RefreshedAsync(cancellationToken),
            new Objective(reached, settings.StructuresObjective),
            participation,
            await PartsAsync(learners, start, end, parts, cancellationToken),
            await OverTimeAsync(filter, learners, activeDays, cancellationToken),
            await TestsAsync(learners, start, end, parts, cancellationToken),
            await ScoresAsync(learners, start, end, parts, cancellationToken),
            await ReadsAsync("practice", filter, culture, cancellationToken),
            await ReadsAsync("tutorial", filter, culture, cancellationToken),
            await HardestActivitiesAsync(culture, cancellationToken),
            await FeedbackAsync(filter, settings, cancellationToken),
            await AtRiskAsync(learners, settings.AtRiskAfterDays, listAtRisk, cancellationToken));
    }

    /// <summary>The learners the filter keeps. A learner's country is their structure's, else their profile's.</summary>
    private async Task<IQueryable<LearnerFact>> LearnersAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var query = db.LearnerFacts.AsNoTracking();
        if (filter.Culture is { } culture)
        {
            query = query.Where(l => l.Culture == culture);
        }

        if (filter.Profession is { } profession)
        {
            query = query.Where(l => l.Profession == profession);
        }

        if (filter.StructureId is { } structureId)
        {
            query = query.Where(l => l.StructureId == structureId);
        }

        if (filter.StructureType is null && filter.Country is null)
        {
            return query;
        }

        var directory = await structures.ListAsync(cancellationToken);
        if (filter.StructureType is { } type)
        {
            var ofType = directory.Where(s => s.Type == type).Select(s => s.Id).ToList();
            query = query.Where(l => l.StructureId != null && ofType.Contains(l.StructureId.Value));
        }

        if (filter.Country is { } country)
        {
            var inCountry = directory.Where(s => s.Country == country).Select(s => s.Id).ToList();
            query = query.Where(l => l.StructureId != null ? inCountry.Contains(l.StructureId.Value) : l.Country == country);
        }

        return query;
    }

    private async Task<IReadOnlyList<PartCompletion>> PartsAsync(IQueryable<LearnerFact> learners, DateTime start, DateTime end, IReadOnlyList<CoursePartInfo> parts, CancellationToken cancellationToken)
    {
        var cohort = learners.Where(l => l.EnrolledUtc >= start && l.EnrolledUtc < end);
        var enrolled = await cohort.CountAsync(cancellationToken);
        var completed = await db.PartCompletionFacts.AsNoTracking()
            .Where(p => cohort.Any(l => l.UserId == p.UserId))
            .GroupBy(p => p.Part).Select(g => new { Part = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Part, g => g.Count, cancellationToken);
        return parts.Select(p => new PartCompletion(p.Slug, p.Title, enrolled, completed.GetValueOrDefault(p.Slug))).ToList();
    }

    private async Task<IReadOnlyList<PeriodFigures>> OverTimeAsync(DashboardFilter filter, IQueryable<LearnerFact> learners, IQueryable<ActiveDayFact> activeDays, CancellationToken cancellationToken)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        // Days are counted in the database, then gathered into weeks or months here: at most a few hundred rows.
        var registered = await learners.Where(l => l.RegisteredUtc >= start && l.RegisteredUtc < end)
            .GroupBy(l => l.RegisteredUtc.Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var enrolled = await learners.Where(l => l.EnrolledUtc >= start && l.EnrolledUtc < end)
            .GroupBy(l => l.EnrolledUtc!.Value.Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var certified = await learners.Where(l => l.CertifiedUtc >= start && l.CertifiedUtc < end)
            .GroupBy(l => l.CertifiedUtc!.Value.Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // Active learners are counted once per week or month, however many days they came.
        var active = filter.ByWeek
            ? await activeDays.GroupBy(d => d.Week).Select(g => new { Start = g.Key, Count = g.Select(d => d.UserId).Distinct().Count() }).ToListAsync(cancellationToken)
            : await activeDays.GroupBy(d => d.Month).Select(g => new { Start = g.Key, Count = g.Select(d => d.UserId).Distinct().Count() }).ToListAsync(cancellationToken);

        DateTime Bucket(DateTime day) => filter.ByWeek ? ActiveDayFact.WeekOf(day) : new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var buckets = new List<DateTime>();
        for (var bucket = Bucket(start); bucket < end; bucket = filter.ByWeek ? bucket.AddDays(7) : bucket.AddMonths(1))
        {
            buckets.Add(bucket);
        }

        return buckets.Select(b => new PeriodFigures(
            b,
            registered.Where(r => Bucket(r.Day) == b).Sum(r => r.Count),
            enrolled.Where(r => Bucket(r.Day) == b).Sum(r => r.Count),
            active.Where(a => a.Start.Date == b).Sum(a => a.Count),
            certified.Where(r => Bucket(r.Day) == b).Sum(r => r.Count))).ToList();
    }

    private async Task<IReadOnlyList<TestFigures>> TestsAsync(IQueryable<LearnerFact> learners, DateTime start, DateTime end, IReadOnlyList<CoursePartInfo> parts, CancellationToken cancellationToken)
    {
        var rows = await (
                from attempt in db.AttemptFacts.AsNoTracking()
                where attempt.SubmittedUtc >= start && attempt.SubmittedUtc < end
                join learner in learners on attempt.UserId equals learner.UserId
                group attempt by new { attempt.Bank, learner.Culture } into g
                select new
                {
                    g.Key.Bank,
                    g.Key.Culture,
                    Attempts = g.Count(),
                    Learners = g.Select(a => a.UserId).Distinct().Count(),
                    Passed = g.Count(a => a.Passed),
                    Average = g.Average(a => a.Percent),
                })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => Order(parts, r.Bank)).ThenBy(r => r.Bank, StringComparer.Ordinal).ThenBy(r => r.Culture, StringComparer.Ordinal)
            .Select(r => new TestFigures(r.Bank, Title(parts, r.Bank), r.Culture, r.Attempts, r.Learners, r.Passed, r.Average)).ToList();
    }

    private async Task<IReadOnlyList<ScoreBands>> ScoresAsync(IQueryable<LearnerFact> learners, DateTime start, DateTime end, IReadOnlyList<CoursePartInfo> parts, CancellationToken cancellationToken)
    {
        // 100% falls in the last band, with 90–99%.
        var rows = await (
                from attempt in db.AttemptFacts.AsNoTracking()
                where attempt.SubmittedUtc >= start && attempt.SubmittedUtc < end
                where learners.Any(l => l.UserId == attempt.UserId)
                group attempt by new { attempt.Bank, Band = attempt.Percent >= 90 ? 9 : (int)(attempt.Percent / 10) } into g
                select new { g.Key.Bank, g.Key.Band, Count = g.Count(), Learners = g.Select(a => a.UserId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Bank).OrderBy(g => Order(parts, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScoreBands(g.Key, Title(parts, g.Key),
                Enumerable.Range(0, 10).Select(band => g.Where(r => r.Band == band).Sum(r => r.Count)).ToList(),
                Enumerable.Range(0, 10).Select(band => g.Where(r => r.Band == band).Sum(r => r.Learners)).ToList()))
            .ToList();
    }

    private async Task<IReadOnlyList<ReadFigures>> ReadsAsync(string type, DashboardFilter filter, string culture, CancellationToken cancellationToken) =>
        (await reads.MostReadAsync(type, filter.StartUtc, filter.ToDay.Date, filter.Culture, culture, TopReads, cancellationToken))
            .Select(r => new ReadFigures(r.Title, r.Reads)).ToList();

    private async Task<IReadOnlyList<ActivityFailures>> HardestActivitiesAsync(string culture, CancellationToken cancellationToken) =>
        (await course.FirstTriesAsync(culture, cancellationToken))
            .Where(a => a.Tried > 0)
            .OrderByDescending(a => (double)a.FailedAtFirstTry / a.Tried).ThenByDescending(a => a.Tried).ThenBy(a => a.ActivityId, StringComparer.Ordinal)
            .Take(TopReads)
            .Select(a => new ActivityFailures(a.Part, a.Title, a.Tried, a.FailedAtFirstTry)).ToList();

    private async Task<FeedbackReport> FeedbackAsync(DashboardFilter filter, ReportingOptions settings, CancellationToken cancellationToken)
    {
        var summary = await feedback.SummaryAsync(filter.StartUtc, filter.EndUtc, filter.Culture, cancellationToken);
        var actedOn = summary.Accepted + summary.Done;
        var percent = summary.Received == 0 ? 0 : 100m * actedOn / summary.Received;
        return new FeedbackReport(summary.Received, summary.New, actedOn, summary.Rejected,
            new Objective(Math.Round(percent, 1), settings.FeedbackActedOnObjectivePercent),
            summary.ByKind.Select(k => new FeedbackKind(k.Kind, k.Received, k.ActedOn)).ToList());
    }

    private async Task<AtRisk> AtRiskAsync(IQueryable<LearnerFact> learners, int days, bool list, CancellationToken cancellationToken)
    {
        var quietSince = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var atRisk = learners.Where(l => l.EnrolledUtc != null && !l.CourseCompleted && l.LastActiveUtc < quietSince);
        var count = await atRisk.CountAsync(cancellationToken);
        if (!list || count == 0)
        {
            return new AtRisk(days, count, []);
        }

        var completions = db.PartCompletionFacts;
        var rows = await atRisk.OrderBy(l => l.LastActiveUtc).ThenBy(l => l.UserId).Take(AtRiskListed)
            .Select(l => new { l.UserId, l.LastActiveUtc, Parts = completions.Count(p => p.UserId == l.UserId) })
            .ToListAsync(cancellationToken);
        var people = await users.FindAsync(rows.Select(r => r.UserId).ToList(), cancellationToken);
        return new AtRisk(days, count, rows.Where(r => people.ContainsKey(r.UserId))
            .Select(r => new AtRiskLearner(r.UserId, people[r.UserId].DisplayName, people[r.UserId].Email, r.LastActiveUtc, r.Parts)).ToList());
    }

    private static int Order(IReadOnlyList<CoursePartInfo> parts, string bank) =>
        parts.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.TestBank == bank) is var (part, index) && part is not null ? index : int.MaxValue;

    private static string Title(IReadOnlyList<CoursePartInfo> parts, string bank) =>
        parts.FirstOrDefault(p => p.TestBank == bank)?.Title ?? bank;
}
