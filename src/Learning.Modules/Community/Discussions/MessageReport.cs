namespace Learning.Modules.Community.Discussions;

/// <summary>A signed-in person's report of a message, with their reason; it stays in the editors' queue until one of
/// them acts on the message or dismisses the report.</summary>
public sealed class MessageReport
{
    public const int ReasonLength = 500;

    public int Id { get; set; }

    public int MessageId { get; set; }

    public string ReporterId { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? ResolvedUtc { get; set; }

    public string? ResolvedBy { get; set; }
}
