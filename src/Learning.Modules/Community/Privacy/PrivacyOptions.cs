namespace Learning.Modules.Community.Privacy;

/// <summary>What the default privacy notice states besides the retention job's delays, from "Learning:Privacy".</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Learning:Privacy";

    /// <summary>How many days the host keeps the server's technical logs (the platform writes them to its console;
    /// the host's log collection decides how long they stay, and this says what the host commits to).</summary>
    public int LogDays { get; set; } = 30;
}
