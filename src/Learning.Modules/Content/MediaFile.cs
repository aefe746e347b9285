namespace Learning.Modules.Content;

/// <summary>A file of the tenant's media library: an image, a PDF, a video or subtitles.</summary>
public sealed class MediaFile
{
    public int Id { get; set; }

    /// <summary>The name people see (a safe version of the uploaded name).</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public MediaKind Kind { get; set; }

    public long Length { get; set; }

    /// <summary>The file's name in the tenant's storage: random, never derived from the upload.</summary>
    public required string StorageName { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime UploadedUtc { get; set; }
}

public enum MediaKind
{
    Image,
    Document,
    Video,
    Subtitles,
}
