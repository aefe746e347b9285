namespace Learning.Modules.Community.Privacy;

/// <summary>A tenant's own privacy notice in one culture, in Markdown, written by its administrators. A culture
/// without one shows the default notice (<see cref="DefaultPrivacyNotice"/>).</summary>
public sealed class PrivacyNotice
{
    public const int MaxLength = 20000;

    public required string Culture { get; set; }

    public required string Markdown { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The administrator who saved it last.</summary>
    public string? UpdatedBy { get; set; }
}
