namespace Learning.Modules.Mooc;

/// <summary>Settings of the "Learning:Mooc" section.</summary>
public sealed class MoocOptions
{
    public const string Section = "Learning:Mooc";

    /// <summary>Days without activity in the course (no activity opened or tried, no test handed in) after which an
    /// enrolled learner is e-mailed a reminder, once per period of inactivity; 0 or less sends none.</summary>
    public int RemindAfterDays { get; set; } = 14;

    /// <summary>How often the reminder job looks for inactive learners, in minutes.</summary>
    public int ReminderIntervalMinutes { get; set; } = 60;
}
