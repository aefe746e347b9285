using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Learning.Modules.Core.Serving;

/// <summary>
/// How long browsers and proxies keep a static file. A link written with <c>asp-append-version</c> names the file's
/// content hash (<c>site.css?v=…</c>): asked for with the current hash, the file never changes at that address, so it
/// is kept for a year without asking again. Without it, or with a stale hash, it is kept but revalidated each time
/// (ETag and Last-Modified, answered 304 when unchanged).
/// </summary>
public static class StaticFileCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";

    public const string Revalidate = "no-cache";

    private static readonly HashSet<string> CompressibleExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".css", ".js", ".mjs", ".map", ".json", ".svg", ".txt", ".xml", ".html", ".vtt",
    };

    /// <summary>Text files, which compression makes much smaller; images, fonts and videos are compressed already.</summary>
    public static bool IsCompressible(string path) => CompressibleExtensions.Contains(Path.GetExtension(path));

    public static string CacheControl(HttpContext context, IFileVersionProvider versions)
    {
        var request = context.Request;
        if (request.Query.TryGetValue("v", out var asked) && asked.Count == 1)
        {
            // The same call the link tag helper makes, so the same hash (cached by the provider).
            var current = versions.AddFileVersionToPath(request.PathBase, request.PathBase.Add(request.Path).Value!);
            var version = current.IndexOf("?v=", StringComparison.Ordinal);
            if (version >= 0 && string.Equals(current[(version + 3)..], asked[0], StringComparison.Ordinal))
            {
                return Immutable;
            }
        }

        return Revalidate;
    }

    /// <summary>Options of the static file middleware, for the files it serves as they are.</summary>
    public static StaticFileOptions Options() => new()
    {
        OnPrepareResponse = file =>
        {
            var context = file.Context;
            context.Response.Headers.CacheControl = CacheControl(context, context.RequestServices.GetRequiredService<IFileVersionProvider>());
            if (IsCompressible(file.File.Name))
            {
                // Served plain to this client; caches must not hand it to one that asked for Brotli.
                context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            }
        },
    };
}
