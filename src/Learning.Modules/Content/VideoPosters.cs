using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;

namespace Learning.Modules.Content;

/// <summary>
/// A video's poster: the picture a player shows before it loads anything of the video, so that a page with three
/// videos costs three small pictures on a slow connection. tools/make-videos.sh makes one beside each of the site's
/// own videos (/videos/x.fr.webm has /videos/x.fr.webp); other videos have none and load their first frame instead.
/// </summary>
public sealed class VideoPosters(IWebHostEnvironment environment)
{
    // Keys are the site's video paths named by content files: a bounded set, looked up once each.
    private readonly ConcurrentDictionary<string, string?> posters = new(StringComparer.Ordinal);

    public string? Of(Video video) =>
        video.File is { } file && file.StartsWith("/videos/", StringComparison.Ordinal) && !file.Contains("..", StringComparison.Ordinal)
            ? posters.GetOrAdd(file, f => Path.ChangeExtension(f, ".webp") is var poster && environment.WebRootFileProvider.GetFileInfo(poster).Exists ? poster : null)
            : null;
}
