namespace Learning.Modules.Community.Sharing;

/// <summary>Settings of "Share your practice" (<c>Learning:Community:Sharing</c>).</summary>
public sealed class SharingOptions
{
    /// <summary>The largest photo or PDF a learner may join, in megabytes (the media library takes images up to 5).</summary>
    public int MaxUploadMegabytes { get; set; } = 5;
}
