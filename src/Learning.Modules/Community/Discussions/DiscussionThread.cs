namespace Learning.Modules.Community.Discussions;

/// <summary>
/// A conversation in one place (a practice, a part of the course, or the tenant's general place) and one culture,
/// opened by its first message.
/// </summary>
public sealed class DiscussionThread
{
    public int Id { get; set; }

    /// <summary>"practice", "mooc-part" or "general" (<see cref="DiscussionPlaces"/>).</summary>
    public string PlaceKind { get; set; } = "";

    /// <summary>The place's localization set ("general" for the general place): a thread follows its practice into every language.</summary>
    public string PlaceId { get; set; } = "";

    public string Culture { get; set; } = "";

    /// <summary>Empty once a former member's content was removed (the tenant's setting).</summary>
    public string Title { get; set; } = "";

    /// <summary>Null once the author erased their account ("former member").</summary>
    public string? AuthorId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the last message readers can see was published: the lists' order.</summary>
    public DateTime LastActivityUtc { get; set; }

    /// <summary>Whether everyone who may read discussions sees the thread: its opening message is published and not
    /// hidden. Otherwise only its author and the editors do.</summary>
    public bool Listed { get; set; }

    /// <summary>No more replies.</summary>
    public bool Locked { get; set; }

    /// <summary>A useful answer an editor pinned, shown first after the question.</summary>
    public int? PinnedMessageId { get; set; }
}
