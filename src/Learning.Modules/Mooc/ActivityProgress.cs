namespace Learning.Modules.Mooc;

/// <summary>One person's tries at one formative activity; <see cref="CompletedUtc"/> is set by the first all-right try.</summary>
public sealed class ActivityProgress
{
    public string UserId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string Part { get; set; } = "";

    public int Tries { get; set; }

    public DateTime LastTriedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }
}
