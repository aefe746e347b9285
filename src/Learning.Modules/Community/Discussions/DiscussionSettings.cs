namespace Learning.Modules.Community.Discussions;

/// <summary>The tenant's choices for its discussions, kept in its database (one row) and set by its administrators at
/// <c>/{culture}/admin/community</c>.</summary>
public sealed class DiscussionSettings
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>Only signed-in people read the discussions.</summary>
    public bool MembersOnly { get; set; }

    /// <summary>A new account's first messages wait for an editor's approval.</summary>
    public bool HoldFirstMessages { get; set; }

    /// <summary>When a person erases their account, their messages' text goes too (otherwise it stays, as "former member").</summary>
    public bool RemoveErasedContent { get; set; }

    public DateTime? UpdatedUtc { get; set; }
}
