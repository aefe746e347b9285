using Learning.Modules.Data;
using Learning.Modules.Reporting.Facts;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>
/// A tenant's facts held in memory as columns, one array per field, read once after each refresh. Counting a period
/// and a filter over 100,000 learners then takes milliseconds, where the same counts in the database took seconds:
/// distinct learners over a period (active learners, structures reached, learners per test) cannot be summed from
/// daily totals, so every report would scan the facts again. Days are <see cref="DateOnly.DayNumber"/>s, -1 for none.
/// About 230 bytes per learner (their id, bits and fields), 4 per active day and 24 per attempt: some 30 MB for
/// 100,000 learners, counted from the arrays' sizes.
/// </summary>
public sealed class FactsSnapshot
{
    public const int None = -1;

    private FactsSnapshot(DateTime? refreshedUtc) => RefreshedUtc = refreshedUtc;

    /// <summary>The refresh the facts were read after (<see cref="FactsRefresh.RefreshedAsync"/>).</summary>
    public DateTime? RefreshedUtc { get; }

    // Learners, by index.
    public string[] UserIds { get; private init; } = [];
    public int[] Registered { get; private init; } = [];
    public int[] Enrolled { get; private init; } = [];
    public int[] Certified { get; private init; } = [];
    public DateTime[] LastActiveUtc { get; private init; } = [];
    public bool[] CourseCompleted { get; private init; } = [];
    public int[] StructureId { get; private init; } = [];

    /// <summary>Indexes into <see cref="Cultures"/>, <see cref="Countries"/> and <see cref="Professions"/>.</summary>
    public int[] Culture { get; private init; } = [];
    public int[] Country { get; private init; } = [];
    public int[] Profession { get; private init; } = [];

    /// <summary>A bit per part of <see cref="Parts"/> completed.</summary>
    public ulong[] PartsCompleted { get; private init; } = [];
    public byte[]?[] TriedActivities { get; private init; } = [];
    public byte[]?[] FailedActivities { get; private init; } = [];

    public IReadOnlyList<string> Cultures { get; private init; } = [];
    public IReadOnlyList<string> Countries { get; private init; } = [];
    public IReadOnlyList<string> Professions { get; private init; } = [];
    public IReadOnlyList<string> Parts { get; private init; } = [];

    /// <summary>The activities' ids by their bit (<see cref="ActivityNumber"/>).</summary>
    public IReadOnlyDictionary<int, string> Activities { get; private init; } = new Dictionary<int, string>();

    /// <summary>Learner <c>i</c>'s active days, in order, are <c>ActiveDays[ActiveDaysStart[i] .. ActiveDaysStart[i + 1]]</c>.</summary>
    public int[] ActiveDaysStart { get; private init; } = [0];
    public int[] ActiveDays { get; private init; } = [];

    // Attempts, in order of submission.
    public int[] AttemptLearner { get; private init; } = [];
    public int[] AttemptDay { get; private init; } = [];
    public int[] AttemptBank { get; private init; } = [];
    public double[] AttemptPercent { get; private init; } = [];
    public bool[] AttemptPassed { get; private init; } = [];
    public IReadOnlyList<string> Banks { get; private init; } = [];

    public int Count => UserIds.Length;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> memos = new(StringComparer.Ordinal);

    /// <summary>A figure that depends on these facts alone, computed once for this snapshot (the filters' choices).</summary>
    public T Memo<T>(string name, Func<FactsSnapshot, T> compute)
        where T : class => (T)memos.GetOrAdd(name, _ => compute(this));

    public static int Day(DateTime utc) => DateOnly.FromDateTime(utc).DayNumber;

    public static int Day(DateTime? utc) => utc is { } value ? Day(value) : None;

    /// <summary>Where <paramref name="name"/> is in <paramref name="names"/>; -1 when it is not.</summary>
    public static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return None;
    }

    public static DateTime Date(int day) => DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>True when learner <paramref name="learner"/> was active on a day in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public bool ActiveBetween(int learner, int from, int until)
    {
        var (start, end) = (ActiveDaysStart[learner], ActiveDaysStart[learner + 1]);
        if (start == end)
        {
            return false;
        }

        var found = Array.BinarySearch(ActiveDays, start, end - start, from);
        var first = found >= 0 ? found : ~found;
        return first < end && ActiveDays[first] < until;
    }

    /// <summary>Reads the tenant's facts: four queries, no tracking.</summary>
    public static async Task<FactsSnapshot> LoadAsync(LearningDbContext db, DateTime? refreshedUtc, CancellationToken cancellationToken)
    {
        var learners = await db.LearnerFacts.AsNoTracking().ToListAsync(cancellationToken);
        learners.Sort((a, b) => string.CompareOrdinal(a.UserId, b.UserId));
        var index = new Dictionary<string, int>(learners.Count, StringComparer.Ordinal);
        foreach (var learner in learners)
        {
            index[learner.UserId] = index.Count;
        }

        var cultures = new Names();
        var countries = new Names();
        var professions = new Names();
        var parts = new Names();
        var partsCompleted = new ulong[learners.Count];
        foreach (var completion in await db.PartCompletionFacts.AsNoTracking().ToListAsync(cancellationToken))
        {
            // A course has a handful of parts; beyond 64 (never), a part would simply not be counted.
            if (index.TryGetValue(completion.UserId, out var learner) && parts.IndexOf(completion.Part) is var part and < 64)
            {
                partsCompleted[learner] |= 1UL << part;
            }
        }

        var (daysStart, days) = await ActiveDaysAsync(db, index, cancellationToken);
        var attempts = (await db.AttemptFacts.AsNoTracking()
                .Select(a => new { a.UserId, a.Bank, a.SubmittedUtc, a.Percent, a.Passed })
                .ToListAsync(cancellationToken))
            .Where(a => index.ContainsKey(a.UserId))
            .OrderBy(a => a.SubmittedUtc)
            .ToList();
        var banks = new Names();
        return new FactsSnapshot(refreshedUtc)
        {
            UserIds = learners.Select(l => l.UserId).ToArray(),
            Registered = learners.Select(l => Day(l.RegisteredUtc)).ToArray(),
            Enrolled = learners.Select(l => Day(l.EnrolledUtc)).ToArray(),
            Certified = learners.Select(l => Day(l.CertifiedUtc)).ToArray(),
            LastActiveUtc = learners.Select(l => l.LastActiveUtc).ToArray(),
            CourseCompleted = learners.Select(l => l.CourseCompleted).ToArray(),
            StructureId = learners.Select(l => l.StructureId ?? None).ToArray(),
            Culture = learners.Select(l => cultures.IndexOf(l.Culture)).ToArray(),
            Country = learners.Select(l => l.Country is null ? None : countries.IndexOf(l.Country)).ToArray(),
            Profession = learners.Select(l => l.Profession is null ? None : professions.IndexOf(l.Profession)).ToArray(),
            PartsCompleted = partsCompleted,
            TriedActivities = learners.Select(l => l.TriedActivities).ToArray(),
            FailedActivities = learners.Select(l => l.FailedActivities).ToArray(),
            Cultures = cultures.All,
            Countries = countries.All,
            Professions = professions.All,
            Parts = parts.All,
            Activities = await db.ActivityNumbers.AsNoTracking().ToDictionaryAsync(a => a.Number, a => a.ActivityId, cancellationToken),
            ActiveDaysStart = daysStart,
            ActiveDays = days,
            AttemptLearner = attempts.Select(a => index[a.UserId]).ToArray(),
            AttemptDay = attempts.Select(a => Day(a.SubmittedUtc)).ToArray(),
            AttemptBank = attempts.Select(a => banks.IndexOf(a.Bank)).ToArray(),
            AttemptPercent = attempts.Select(a => a.Percent).ToArray(),
            AttemptPassed = attempts.Select(a => a.Passed).ToArray(),
            Banks = banks.All,
        };
    }

    /// <summary>Every learner's active days, sorted, one slice per learner.</summary>
    private static async Task<(int[] Start, int[] Days)> ActiveDaysAsync(LearningDbContext db, Dictionary<string, int> index, CancellationToken cancellationToken)
    {
        var rows = new List<(int Learner, int Day)>();
        await foreach (var row in db.ActiveDayFacts.AsNoTracking().Select(d => new { d.UserId, d.Day }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (index.TryGetValue(row.UserId, out var learner))
            {
                rows.Add((learner, Day(row.Day)));
            }
        }

        rows.Sort();
        var start = new int[index.Count + 1];
        foreach (var (learner, _) in rows)
        {
            start[learner + 1]++;
        }

        for (var i = 0; i < index.Count; i++)
        {
            start[i + 1] += start[i];
        }

        return (start, rows.Select(r => r.Day).ToArray());
    }

    /// <summary>Distinct values numbered in order of appearance.</summary>
    private sealed class Names
    {
        private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
        private readonly List<string> names = [];

        public IReadOnlyList<string> All => names;

        public int IndexOf(string name)
        {
            if (!numbers.TryGetValue(name, out var number))
            {
                number = names.Count;
                numbers[name] = number;
                names.Add(name);
            }

            return number;
        }
    }
}
