namespace Learning.Modules.Community.Discussions;

/// <summary>A person follows a thread: its replies published since they last read it are theirs to read
/// (<c>/{culture}/discussions/followed</c>). A later notification feature reads the same rows.</summary>
public sealed class ThreadFollow
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public int ThreadId { get; set; }

    public DateTime FollowedUtc { get; set; }

    /// <summary>When the person last opened the thread (or started following it).</summary>
    public DateTime LastReadUtc { get; set; }
}
