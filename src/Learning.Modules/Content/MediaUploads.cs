using System.Text;
using System.Text.RegularExpressions;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content;

/// <summary>
/// Checks an upload by its name and by its first bytes (never by what the browser claims), within a
/// size limit per kind; SRT subtitles are converted to WebVTT, the format HTML5 players read.
/// </summary>
public sealed partial class MediaUploads(LearningDbContext db, IMediaStorage storage, TimeProvider clock)
{
    private sealed record Rule(MediaKind Kind, string ContentType, long MaxBytes, Func<byte[], bool> LooksRight);

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        [".jpg"] = new(MediaKind.Image, "image/jpeg", 5 << 20, b => Starts(b, 0xFF, 0xD8, 0xFF)),
        [".jpeg"] = new(MediaKind.Image, "image/jpeg", 5 << 20, b => Starts(b, 0xFF, 0xD8, 0xFF)),
        [".png"] = new(MediaKind.Image, "image/png", 5 << 20, b => Starts(b, 0x89, 0x50, 0x4E, 0x47)),
        [".webp"] = new(MediaKind.Image, "image/webp", 5 << 20, b => Ascii(b, 0, "RIFF") && Ascii(b, 8, "WEBP")),
        [".pdf"] = new(MediaKind.Document, "application/pdf", 20 << 20, b => Ascii(b, 0, "%PDF-")),
        [".mp4"] = new(MediaKind.Video, "video/mp4", 200 << 20, b => Ascii(b, 4, "ftyp")),
        [".webm"] = new(MediaKind.Video, "video/webm", 200 << 20, b => Starts(b, 0x1A, 0x45, 0xDF, 0xA3)),
        [".vtt"] = new(MediaKind.Subtitles, "text/vtt", 1 << 20, b => Ascii(SkipBom(b), 0, "WEBVTT")),
        [".srt"] = new(MediaKind.Subtitles, "text/vtt", 1 << 20, _ => true), // checked cue by cue below
    };

    public static IReadOnlyCollection<string> Extensions => Rules.Keys;

    /// <summary>Stores the upload; returns the saved file, or the reason it was refused.</summary>
    public async Task<(MediaFile? File, string? Error)> SaveAsync(string uploadedName, Stream content, long length, string uploadedBy, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(uploadedName).ToLowerInvariant();
        if (!Rules.TryGetValue(extension, out var rule))
        {
            return (null, $"Files of type '{extension}' are not accepted. Accepted: {string.Join(", ", Rules.Keys)}.");
        }

        if (length == 0 || length > rule.MaxBytes)
        {
            return (null, $"The file must not be empty nor larger than {rule.MaxBytes >> 20} MB.");
        }

        // Only the first bytes are looked at before storing: a video of 200 MB goes to storage as it comes,
        // counted on the way, and is never held in memory.
        var header = new byte[16];
        var headerLength = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        header = header[..headerLength];
        if (!rule.LooksRight(header))
        {
            return (null, $"The file's content is not a {extension} file.");
        }

        var name = SafeName(uploadedName);
        var storageName = $"{Guid.NewGuid():n}{(extension == ".srt" ? ".vtt" : extension)}";
        var tooLarge = $"The file must not be empty nor larger than {rule.MaxBytes >> 20} MB.";
        long stored;
        if (extension == ".srt")
        {
            // Subtitles are small (1 MB at most) and converted as a whole.
            using var buffer = new MemoryStream();
            await using (var checkedContent = new CountedStream(header, content, rule.MaxBytes))
            {
                try
                {
                    await checkedContent.CopyToAsync(buffer, cancellationToken);
                }
                catch (CountedStream.TooLargeException)
                {
                    return (null, tooLarge);
                }
            }

            var (vtt, error) = SrtToVtt(Encoding.UTF8.GetString(SkipBom(buffer.ToArray())));
            if (vtt is null)
            {
                return (null, error);
            }

            var bytes = Encoding.UTF8.GetBytes(vtt);
            await storage.SaveAsync(storageName, new MemoryStream(bytes), cancellationToken);
            (stored, name) = (bytes.Length, Path.ChangeExtension(name, ".vtt"));
        }
        else
        {
            var counted = new CountedStream(header, content, rule.MaxBytes);
            try
            {
                await storage.SaveAsync(storageName, counted, cancellationToken);
            }
            catch (CountedStream.TooLargeException)
            {
                return (null, tooLarge);
            }

            stored = counted.Count;
        }

        var media = new MediaFile
        {
            FileName = name,
            ContentType = rule.ContentType,
            Kind = rule.Kind,
            Length = stored,
            StorageName = storageName,
            UploadedBy = uploadedBy,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.MediaFiles.Add(media);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            storage.Delete(storageName);
            throw;
        }

        return (media, null);
    }

    /// <summary>Why an image that comes inside another file (a question bank's) cannot be stored, or null when it can.</summary>
    public static string? ImageRefusal(string name, byte[] content)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return !Rules.TryGetValue(extension, out var rule) || rule.Kind != MediaKind.Image
            ? $"Images of type '{extension}' are not accepted. Accepted: {string.Join(", ", Rules.Where(r => r.Value.Kind == MediaKind.Image).Select(r => r.Key))}."
            : content.Length == 0 || content.Length > rule.MaxBytes ? $"The image must not be empty nor larger than {rule.MaxBytes >> 20} MB."
            : !rule.LooksRight(content[..Math.Min(16, content.Length)]) ? $"The image's content is not a {extension} file."
            : null;
    }

    /// <summary>A file of the library with the same name and the same bytes, so that importing the same images
    /// twice stores them once.</summary>
    public async Task<MediaFile?> FindSameAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        var safeName = SafeName(name);
        foreach (var candidate in await db.MediaFiles.AsNoTracking().Where(m => m.FileName == safeName && m.Length == content.Length).ToListAsync(cancellationToken))
        {
            await using var stored = storage.Open(candidate.StorageName);
            if (stored is null)
            {
                continue;
            }

            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy, cancellationToken);
            if (copy.ToArray().AsSpan().SequenceEqual(content))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>SRT to WebVTT: a header, cue numbers kept as identifiers, commas in timestamps become dots.
    /// A cue whose timing line is malformed is refused with its line number.</summary>
    public static (string? Vtt, string? Error) SrtToVtt(string srt)
    {
        var lines = srt.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var output = new StringBuilder("WEBVTT\n");
        var cues = 0;
        var block = new List<(int Number, string Text)>();
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].Trim().Length > 0)
            {
                block.Add((i + 1, lines[i].TrimEnd()));
                continue;
            }

            // A block: an optional cue number, the timing line, the cue's text.
            if (block.Count > 0)
            {
                var timingIndex = block.FindIndex(l => l.Text.Contains("-->"));
                var timing = timingIndex < 0 ? null : SrtTiming().Match(block[timingIndex].Text.Trim());
                if (timing is not { Success: true })
                {
                    // Without a timing, the line after the cue number is where it should have been.
                    var (number, text) = timingIndex < 0 ? block[Math.Min(1, block.Count - 1)] : block[timingIndex];
                    return (null, $"Line {number}: '{text}' is not a cue timing of the form 00:00:01,000 --> 00:00:04,000.");
                }

                output.Append('\n');
                if (timingIndex == 1)
                {
                    output.Append(block[0].Text.Trim()).Append('\n');
                }

                output.Append(timing.Groups[1].Value.Replace(',', '.')).Append(" --> ").Append(timing.Groups[2].Value.Replace(',', '.')).Append('\n');
                foreach (var (_, text) in block.Skip(timingIndex + 1))
                {
                    output.Append(text).Append('\n');
                }

                cues++;
                block.Clear();
            }
        }

        return cues == 0 ? (null, "The subtitles contain no cue.") : (output.ToString(), null);
    }

    private static string SafeName(string name)
    {
        var stem = Regex.Replace(Path.GetFileNameWithoutExtension(name), "[^A-Za-z0-9._-]+", "-").Trim('-', '.');
        return (stem.Length == 0 ? "file" : stem[..Math.Min(stem.Length, 100)]) + Path.GetExtension(name).ToLowerInvariant();
    }

    private static bool Starts(byte[] bytes, params byte[] magic) => bytes.Length >= magic.Length && bytes.AsSpan(0, magic.Length).SequenceEqual(magic);

    private static bool Ascii(byte[] bytes, int offset, string text) =>
        bytes.Length >= offset + text.Length && Encoding.ASCII.GetString(bytes, offset, text.Length) == text;

    private static byte[] SkipBom(byte[] bytes) => Starts(bytes, 0xEF, 0xBB, 0xBF) ? bytes[3..] : bytes;

    /// <summary>The upload as it is read: the bytes already looked at, then the rest, refused past the kind's limit.</summary>
    private sealed class CountedStream(byte[] header, Stream rest, long maxBytes) : Stream
    {
        public sealed class TooLargeException() : IOException("The upload is larger than its kind allows.");

        public long Count { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = Count < header.Length ? Header(buffer) : rest.Read(buffer);
            return Counted(read);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = Count < header.Length ? Header(buffer.Span) : await rest.ReadAsync(buffer, cancellationToken);
            return Counted(read);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Header(Span<byte> buffer)
        {
            var part = header.AsSpan((int)Count, Math.Min(buffer.Length, header.Length - (int)Count));
            part.CopyTo(buffer);
            return part.Length;
        }

        private int Counted(int read)
        {
            Count += read;
            return Count > maxBytes ? throw new TooLargeException() : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [GeneratedRegex(@"^(\d{2}:\d{2}:\d{2}[,.]\d{3})\s*-->\s*(\d{2}:\d{2}:\d{2}[,.]\d{3})")]
    private static partial Regex SrtTiming();
}
