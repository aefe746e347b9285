namespace Learning.Modules.Community.Notifications;

/// <summary>Settings under <c>Learning:Community:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Learning:Community:Notifications";

    /// <summary>How often the job looks for new messages (minutes).</summary>
    public int IntervalMinutes { get; set; } = 5;

    /// <summary>The hour (UTC, 0–23) from which the day's digest is sent.</summary>
    public int DigestHourUtc { get; set; } = 7;

    /// <summary>How long the record of what was e-mailed to whom is kept (days).</summary>
    public int KeepSentDays { get; set; } = 30;
}
