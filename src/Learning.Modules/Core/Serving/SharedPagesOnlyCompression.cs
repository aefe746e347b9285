using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core.Serving;

/// <summary>
/// Which pages are compressed (Brotli, else gzip, as the request's Accept-Encoding allows). Compressing a page that
/// holds a secret (an anti-forgery token, a person's data) and also reflects what a request sent (a search term, a
/// field) lets an attacker who sees the compressed sizes guess the secret a letter at a time (BREACH). So only
/// pages marked as shared (<see cref="SharedResponses"/>: anonymous readers' pages of published content, the same for
/// everyone) are compressed, and not even those if they set a personal cookie or are marked no-store, which is what a
/// page that issues an anti-forgery token does. Every signed-in person's page, every form and every post stays plain.
/// The output cache sits outside compression and varies by <see cref="EncodingFor"/>: a cached page is compressed
/// once per encoding, not per request. Static files are compressed apart (<see cref="CompressedStaticFiles"/>).
/// </summary>
public sealed class SharedPagesOnlyCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public const string Identity = "identity";

    private static readonly ConcurrentDictionary<string, string> Chosen = new(StringComparer.Ordinal);

    public override bool ShouldCompressResponse(HttpContext context)
    {
        var response = context.Response;
        return SharedResponses.IsMarked(context)
            && response.StatusCode == StatusCodes.Status200OK
            && !SharedResponses.SetsPersonalCookie(response)
            && !response.Headers.CacheControl.Any(v => v?.Contains("no-store", StringComparison.OrdinalIgnoreCase) == true)
            && base.ShouldCompressResponse(context);
    }

    /// <summary>The encoding this request's answer would be compressed with ("br", "gzip"), or "identity". Asked on
    /// every cached page's request: the few headers browsers send are parsed once, not per request.</summary>
    public static string EncodingFor(HttpContext context)
    {
        var header = context.Request.Headers.AcceptEncoding;
        if (header.Count == 0)
        {
            return Identity;
        }

        var key = header.ToString();
        if (Chosen.TryGetValue(key, out var known))
        {
            return known;
        }

        var compression = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        var chosen = compression.CheckRequestAcceptsCompression(context)
            ? compression.GetCompressionProvider(context)?.EncodingName ?? Identity
            : Identity;
        if (Chosen.Count < 64)
        {
            Chosen.TryAdd(key, chosen); // browsers' usual headers; not every header a client could invent
        }

        return chosen;
    }
}
