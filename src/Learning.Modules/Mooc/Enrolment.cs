namespace Learning.Modules.Mooc;

/// <summary>A person's place in the course: when they enrolled, where they stopped, what the positioning quiz suggested.</summary>
public sealed class Enrolment
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTime EnrolledUtc { get; set; }

    /// <summary>The part and activity last opened ("part-2", "p2-a05"), for "continue".</summary>
    public string? LastPart { get; set; }

    public string? LastActivity { get; set; }

    /// <summary>When the person last opened an activity or handed in a part's test (null before either): with their
    /// tries, what tells reminders how long they have been away.</summary>
    public DateTime? LastSeenUtc { get; set; }

    /// <summary>The parts the positioning quiz suggests starting with, comma-separated; null when not taken.</summary>
    public string? SuggestedParts { get; set; }
}
