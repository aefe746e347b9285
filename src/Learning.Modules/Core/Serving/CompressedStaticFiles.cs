using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Learning.Modules.Core.Serving;

/// <summary>
/// Static text files (CSS, scripts, SVG...) compressed with Brotli or gzip, as the request's Accept-Encoding allows:
/// compressed once, at the first request after the file last changed, at the smallest size, and kept in memory.
/// They hold no secret, so compressing them is safe (see <see cref="SharedPagesOnlyCompression"/>). Anything else,
/// and clients that accept no compression, go on to the static file middleware, with the same caching rule
/// (<see cref="StaticFileCaching"/>). Videos and images are already compressed and are left alone.
/// </summary>
public sealed class CompressedStaticFiles(
    RequestDelegate next, IWebHostEnvironment environment, IResponseCompressionProvider compression, IFileVersionProvider versions)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly ConcurrentDictionary<(string Path, string Encoding), Compressed> compressed = new();

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || path is null
            || !StaticFileCaching.IsCompressible(path)
            || !ContentTypes.TryGetContentType(path, out var contentType)
            || !compression.CheckRequestAcceptsCompression(context)
            || compression.GetCompressionProvider(context)?.EncodingName is not ({ } encoding and ("br" or "gzip")))
        {
            return next(context);
        }

        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            return next(context);
        }

        var entry = compressed.AddOrUpdate(
            (path, encoding),
            static (key, file) => Compressed.Of(file, key.Encoding),
            static (key, existing, file) => existing.IsOf(file) ? existing : Compressed.Of(file, key.Encoding),
            file);
        return ServeAsync(context, entry, contentType);
    }

    private async Task ServeAsync(HttpContext context, Compressed entry, string contentType)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ContentType = contentType;
        headers.ContentEncoding = entry.Encoding;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.CacheControl = StaticFileCaching.CacheControl(context, versions);
        headers.ETag = entry.ETag.ToString();
        headers.LastModified = HeaderUtilities.FormatDate(entry.LastModified);

        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(entry.ETag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = entry.Body.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(entry.Body, context.RequestAborted);
        }
    }

    /// <summary>A file's compressed bytes, with what they were made from.</summary>
    private sealed record Compressed(string Encoding, byte[] Body, DateTimeOffset LastModified, long SourceLength, EntityTagHeaderValue ETag)
    {
        public bool IsOf(IFileInfo file) => file.LastModified == LastModified && file.Length == SourceLength;

        public static Compressed Of(IFileInfo file, string encoding)
        {
            byte[] source;
            using (var stream = file.CreateReadStream())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                source = copy.ToArray();
            }

            using var output = new MemoryStream();
            using (Stream compressor = encoding == "br"
                ? new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true)
                : new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                compressor.Write(source);
            }

            // Each encoding is a different representation of the file: its own strong tag.
            var hash = Convert.ToHexStringLower(SHA256.HashData(source).AsSpan(0, 12));
            return new(encoding, output.ToArray(), file.LastModified, file.Length, new EntityTagHeaderValue($"\"{hash}-{encoding}\""));
        }
    }
}
