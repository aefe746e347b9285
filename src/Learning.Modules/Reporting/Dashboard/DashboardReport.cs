namespace Learning.Modules.Reporting.Dashboard;

/// <summary>The dashboard's figures for one filter, before any wording: counts of people are raw here and
/// suppressed ("&lt; 5") where they are shown.</summary>
public sealed record DashboardReport(
    DashboardFilter Filter,
    DateTime? FactsRefreshedUtc,
    Objective StructuresReached,
    Participation Participation,
    IReadOnlyList<PartCompletion> Parts,
    IReadOnlyList<PeriodFigures> OverTime,
    IReadOnlyList<TestFigures> Tests,
    IReadOnlyList<ScoreBands> Scores,
    IReadOnlyList<ReadFigures> Practices,
    IReadOnlyList<ReadFigures> Tutorials,
    IReadOnlyList<ActivityFailures> HardestActivities,
    FeedbackReport Feedback,
    AtRisk AtRisk);

/// <summary>An objective and what was achieved; <see cref="Percent"/> of the objective (may pass 100).</summary>
public sealed record Objective(decimal Achieved, decimal Target)
{
    public decimal? Percent => Target == 0 ? null : Math.Round(100 * Achieved / Target, 1);
}

public sealed record Participation(int Registrations, int Enrolments, int ActiveLearners, int CoursesCompleted, int Certificates);

/// <summary>Of the learners enrolled in the period, how many have completed the part so far.</summary>
public sealed record PartCompletion(string Part, string Title, int Enrolled, int Completed);

/// <summary>One week or month of the period.</summary>
public sealed record PeriodFigures(DateTime Start, int Registrations, int Enrolments, int ActiveLearners, int Certificates);

/// <summary>Submitted attempts at a part's test in the period, by the learners' language.</summary>
public sealed record TestFigures(string Bank, string Title, string Culture, int Attempts, int Learners, int Passed, double AverageScore);

/// <summary>How many attempts at a test scored 0–9%, 10–19%, … 90–100%, and by how many learners.</summary>
public sealed record ScoreBands(string Bank, string Title, IReadOnlyList<int> Attempts, IReadOnlyList<int> Learners);

public sealed record ReadFigures(string Title, long Reads);

public sealed record ActivityFailures(string Part, string Title, int Tried, int FailedAtFirstTry);

public sealed record FeedbackReport(int Received, int New, int ActedOn, int Rejected, Objective ActedOnObjective, IReadOnlyList<FeedbackKind> ByKind)
{
    /// <summary>The share acted on would describe fewer than 5 learners: taken over fewer than 5 items, or 1 to 4 acted on.</summary>
    public bool TooFew => Received < DashboardTables.FewestLearners || ActedOn is >= 1 and < DashboardTables.FewestLearners;
}

public sealed record FeedbackKind(string Kind, int Received, int ActedOn);

/// <summary>Learners enrolled who have not finished and were not seen for <see cref="Days"/> days; the list for
/// administrators only; and the reminders e-mailed to inactive learners in the period (all of them, whatever the filter).</summary>
public sealed record AtRisk(int Days, int Count, IReadOnlyList<AtRiskLearner> Learners, int RemindersSent = 0);

public sealed record AtRiskLearner(string UserId, string DisplayName, string Email, DateTime LastActiveUtc, int PartsCompleted);
