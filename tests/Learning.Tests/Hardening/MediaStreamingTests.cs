using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Hardening;

/// <summary>Alone, so that the process's allocation counter measures the upload and nothing else.</summary>
[CollectionDefinition(nameof(MediaStreamingTests), DisableParallelization = true)]
public sealed class MediaStreamingCollection;

[Collection(nameof(MediaStreamingTests))]
public sealed class MediaStreamingTests
{
    /// <summary>A non-seekable upload of <paramref name="length"/> bytes starting with <paramref name="magic"/>, made
    /// as it is read, so that the test itself holds no copy of it.</summary>
    internal sealed class GeneratedUpload(byte[] magic, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - position);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = position + i < magic.Length ? magic[position + i] : (byte)((position + i) % 251);
            }

            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static readonly byte[] WebmMagic = [0x1A, 0x45, 0xDF, 0xA3];

    private static string[] StoredFiles(LearningApp app) =>
        Directory.GetDirectories(app.DataPath, "media", SearchOption.AllDirectories).SelectMany(Directory.GetFiles).ToArray();

    [Fact]
    public async Task A_large_video_goes_to_storage_as_it_comes_without_being_held_in_memory()
    {
        await using var app = new LearningApp();
        const long size = 96L << 20;
        var (allocated, file) = await app.WithTenantAsync(async sp =>
        {
            var uploads = sp.GetRequiredService<MediaUploads>();
            await uploads.SaveAsync("warm-up.webm", new GeneratedUpload(WebmMagic, 1 << 20), 1 << 20, "editor", default);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var (saved, error) = await uploads.SaveAsync("course.webm", new GeneratedUpload(WebmMagic, size), size, "editor", default);
            Assert.Null(error);
            return (GC.GetTotalAllocatedBytes(precise: true) - before, saved!);
        });

        // Buffering the upload would allocate at least its size (the old code: twice, a MemoryStream and its copy).
        Assert.True(allocated < 8 << 20, $"{allocated / (1 << 20)} MB allocated for a {size >> 20} MB upload.");
        Assert.Equal(size, file.Length);
        Assert.Equal(size, new FileInfo(StoredFiles(app).Single(f => f.EndsWith(file.StorageName, StringComparison.Ordinal))).Length);
    }

    [Fact]
    public async Task An_upload_longer_than_it_claims_is_stopped_at_its_kinds_limit_and_leaves_no_file()
    {
        await using var app = new LearningApp();

        // The form says 100 bytes; the stream brings 6 MB of "PNG", over the 5 MB of an image.
        var (file, error) = await app.WithTenantAsync(sp => sp.GetRequiredService<MediaUploads>()
            .SaveAsync("photo.png", new GeneratedUpload([0x89, 0x50, 0x4E, 0x47], 6L << 20), 100, "editor", default));

        Assert.Null(file);
        Assert.Equal("The file must not be empty nor larger than 5 MB.", error);
        Assert.Empty(StoredFiles(app));
        Assert.Equal(0, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().MediaFiles.CountAsync()));
    }
}
