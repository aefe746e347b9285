namespace Learning.Modules.Community.Sharing;

/// <summary>Settings of "Share your practice" (<c>Learning:Community:Sharing</c>).</summary>
public sealed class SharingOptions
{
    /// <summary>The largest photo or PDF a learner may join, in megabytes (the media library takes images up to 5).</summary>
    public int MaxUploadMegabytes { get; set; } = 5;

    /// <summary>How many practices one learner may share in 24 hours: each is a draft for the editors and a stored file,
    /// so a replayed form must not fill either.</summary>
    public int SubmissionsPerDay { get; set; } = 10;
}
