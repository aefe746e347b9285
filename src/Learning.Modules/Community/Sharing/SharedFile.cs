namespace Learning.Modules.Community.Sharing;

/// <summary>A photo or PDF joined to a shared practice, as read from its first bytes (never from its name or the type the
/// browser claims).</summary>
public sealed record SharedFile(string Extension, bool IsImage)
{
    /// <summary>What the first bytes say the file is; null when it is none of JPEG, PNG, WebP or PDF.</summary>
    public static SharedFile? Sniff(ReadOnlySpan<byte> header) =>
        header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? new(".jpg", true)
        : header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? new(".png", true)
        : header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8) ? new(".webp", true)
        : header.StartsWith("%PDF-"u8) ? new(".pdf", false)
        : null;
}
