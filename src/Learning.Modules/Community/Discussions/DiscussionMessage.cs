namespace Learning.Modules.Community.Discussions;

/// <summary>One message of a thread, in Markdown without raw HTML. Its row is never deleted while its thread exists: a
/// message its author deleted, or one an editor hid, stays in its place as such, so that replies and quotes keep their sense.</summary>
public sealed class DiscussionMessage
{
    public const int BodyLength = 5000;

    public int Id { get; set; }

    public int ThreadId { get; set; }

    /// <summary>Null once the author erased their account ("former member").</summary>
    public string? AuthorId { get; set; }

    /// <summary>The message this one answers, quoted above it.</summary>
    public int? QuotedMessageId { get; set; }

    /// <summary>Whether it opens its thread.</summary>
    public bool Opening { get; set; }

    public string Body { get; set; } = "";

    public MessageStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When readers could first see it (at once, or when an editor approved it): what a later notification
    /// feature reads, by thread and time (<see cref="Contracts.DiscussionActivity"/>).</summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>Shown as "edited".</summary>
    public DateTime? EditedUtc { get; set; }

    /// <summary>Deleted by its author: shown as "message deleted", its text gone.</summary>
    public DateTime? DeletedUtc { get; set; }

    /// <summary>Why the editors hid it (its author sees it).</summary>
    public string? ModerationReason { get; set; }

    public string? ModeratedBy { get; set; }

    public DateTime? ModeratedUtc { get; set; }

    /// <summary>Its author erased their account and the tenant removes a former member's content.</summary>
    public bool ContentRemoved { get; set; }
}
