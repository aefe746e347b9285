using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Core;

/// <summary>Compression (Brotli or gzip, as the browser accepts) of static files and of the pages every reader shares,
/// never of a page that carries an anti-forgery token (BREACH); how long browsers keep static files.</summary>
public sealed class ServingTests
{
    private const string Year = "public, max-age=31536000, immutable";

    private static readonly string SiteCssFile = Path.Combine(Repository.Root, "src", "Learning.Web", "wwwroot", "css", "site.css");

    [Fact]
    public async Task Site_css_comes_compressed_with_brotli_or_gzip_as_the_browser_accepts_and_plain_otherwise()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient();
        var original = await File.ReadAllBytesAsync(SiteCssFile);

        using var brotli = await GetAsync(client, "/css/site.css", "gzip, deflate, br");
        using var gzip = await GetAsync(client, "/css/site.css", "gzip, deflate");
        using var brotliRefused = await GetAsync(client, "/css/site.css", "br;q=0, gzip");
        using var plain = await GetAsync(client, "/css/site.css", null);

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], brotliRefused.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.All([brotli, gzip, plain], r => Assert.Equal("text/css", r.Content.Headers.ContentType?.MediaType));
        Assert.All([brotli, gzip, plain], r => Assert.Contains("Accept-Encoding", r.Headers.Vary));

        var brotliBody = await brotli.Content.ReadAsByteArrayAsync();
        var gzipBody = await gzip.Content.ReadAsByteArrayAsync();
        Assert.Equal(original, Decompress(brotliBody, "br"));
        Assert.Equal(original, Decompress(gzipBody, "gzip"));
        Assert.Equal(original, await plain.Content.ReadAsByteArrayAsync());
        // The style sheet is some 19 KB of text: gzip -9 makes it about 5 KB, so both must be under a third.
        Assert.True(brotliBody.Length < original.Length / 3, $"{brotliBody.Length} of {original.Length} bytes");
        Assert.True(gzipBody.Length < original.Length / 3, $"{gzipBody.Length} of {original.Length} bytes");
        Assert.Equal(brotliBody.Length, brotli.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_fingerprinted_link_is_kept_a_year_and_an_address_without_the_current_hash_is_revalidated()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient();
        var original = await File.ReadAllBytesAsync(SiteCssFile);
        // asp-append-version's hash: SHA-256 of the file, in base64url without padding.
        var hash = Convert.ToBase64String(SHA256.HashData(original)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var page = await client.GetPageAsync("/en/toolbox");
        var href = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.Equal("/css/site.css?v=" + hash, href);

        using var versionedBrotli = await GetAsync(client, href!, "br");
        using var versionedPlain = await GetAsync(client, href!, null);
        using var unversionedBrotli = await GetAsync(client, "/css/site.css", "br");
        using var unversionedPlain = await GetAsync(client, "/css/site.css", null);
        using var staleBrotli = await GetAsync(client, "/css/site.css?v=an-older-hash", "br");
        using var stalePlain = await GetAsync(client, "/css/site.css?v=an-older-hash", null);

        Assert.Equal(Year, versionedBrotli.Headers.CacheControl?.ToString());
        Assert.Equal(Year, versionedPlain.Headers.CacheControl?.ToString());
        Assert.All([unversionedBrotli, unversionedPlain, staleBrotli, stalePlain], r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("no-cache", r.Headers.CacheControl?.ToString());
        });

        // Revalidation: unchanged, each representation answers 304 to its own tag, and the tags differ.
        var brotliTag = unversionedBrotli.Headers.ETag;
        var plainTag = unversionedPlain.Headers.ETag;
        Assert.NotNull(brotliTag);
        Assert.NotNull(plainTag);
        Assert.NotEqual(brotliTag, plainTag);
        using var brotliAgain = await GetAsync(client, "/css/site.css", "br", brotliTag);
        using var plainAgain = await GetAsync(client, "/css/site.css", null, plainTag);
        Assert.Equal(HttpStatusCode.NotModified, brotliAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, plainAgain.StatusCode);

        // A video is compressed already: served as it is, and revalidated like any unversioned file.
        using var video = await GetAsync(client, "/videos/mooc-part-1.en.webm", "br", method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Empty(video.Content.Headers.ContentEncoding);
        Assert.Equal("no-cache", video.Headers.CacheControl?.ToString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_shared_readers_page_is_compressed_once_per_encoding_and_a_page_with_a_form_token_never(Db db)
    {
        var counter = new CommandCounter();
        await using var app = new LearningApp(db, content: TestContent.Small()) { TestServices = counter.CountIn };
        var client = app.CreateClient();

        using var brotli = await GetAsync(client, "/en/toolbox", "gzip, deflate, br");
        counter.Reset();
        using var brotliCached = await GetAsync(client, "/en/toolbox", "br, gzip");
        var commandsOfCachedPage = counter.Count;
        using var gzip = await GetAsync(client, "/en/toolbox", "gzip");
        using var plain = await GetAsync(client, "/en/toolbox", null);

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotliCached.Content.Headers.ContentEncoding);
        Assert.Equal(0, commandsOfCachedPage); // from the output cache, compressed already: no handler ran
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.All([brotli, brotliCached, gzip], r => Assert.Contains("Accept-Encoding", r.Headers.Vary));
        var html = await plain.Content.ReadAsStringAsync();
        Assert.Contains("<main id=\"main\"", html);
        Assert.Equal(html, Encoding.UTF8.GetString(Decompress(await brotli.Content.ReadAsByteArrayAsync(), "br")));
        Assert.Equal(html, Encoding.UTF8.GetString(Decompress(await brotliCached.Content.ReadAsByteArrayAsync(), "br")));
        Assert.Equal(html, Encoding.UTF8.GetString(Decompress(await gzip.Content.ReadAsByteArrayAsync(), "gzip")));

        // The login page carries an anti-forgery token: compressed, its size would leak the token (BREACH).
        using var login = await GetAsync(client, "/en/account/login", "gzip, deflate, br");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Empty(login.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await login.Content.ReadAsStringAsync());

        // A signed-in reader's page is their own (and has the log-out form's token): plain too.
        await app.CreateUserAsync("reader@test.example");
        await client.LogInSuccessfullyAsync("reader@test.example");
        using var signedIn = await GetAsync(client, "/en/toolbox", "gzip, deflate, br");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Empty(signedIn.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await signedIn.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> GetAsync(
        HttpClient client, string url, string? acceptEncoding, EntityTagHeaderValue? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }
}
