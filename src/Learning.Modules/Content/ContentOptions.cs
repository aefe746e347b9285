using Microsoft.Extensions.Hosting;

namespace Learning.Modules.Content;

/// <summary>Settings of the "Learning:Content" section.</summary>
public sealed class ContentOptions
{
    /// <summary>The folder imported when a tenant is set up; relative paths start at the content root
    /// (the repository's content/ when run with <c>dotnet run --project src/Learning.Web</c>).</summary>
    public string Folder { get; set; } = "../../content";

    /// <summary>Entries an imported zip may hold: the platform's own content is about 230 files.</summary>
    public int MaxZipEntries { get; set; } = 5000;

    /// <summary>The uncompressed size of an imported zip's content files together (the platform's own: 3.5 MB),
    /// so that a small zip that inflates to gigabytes is refused before it fills the memory.</summary>
    public long MaxZipUncompressedBytes { get; set; } = 100L << 20;

    /// <summary>The distinct pages (tenant, type, culture, slug, day) whose reads are counted in memory between two
    /// writes to the database; reads of further pages are not counted until the next write (every minute).</summary>
    public int MaxCountedPages { get; set; } = 100_000;

    /// <summary>How often the reads counted in memory are written to the tenants' databases (and when the site stops).</summary>
    public int ReadsFlushSeconds { get; set; } = 60;

    public string FolderPath(IHostEnvironment environment) => Path.GetFullPath(Path.Combine(environment.ContentRootPath, Folder));
}
