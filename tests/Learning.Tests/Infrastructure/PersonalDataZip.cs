using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Learning.Tests.Infrastructure;

/// <summary>"Download my data" as a test reads it: the zip's files, each section's JSON, and the readable index.</summary>
public sealed class PersonalDataZip
{
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Each section's JSON file, by section name (the file's name without ".json").</summary>
    public required IReadOnlyDictionary<string, JsonElement> Sections { get; init; }

    public required string Index { get; init; }

    public required string? ContentDisposition { get; init; }

    /// <summary>The sections as one JSON object, as the download was before it became a zip.</summary>
    public JsonDocument Json()
    {
        var root = new JsonObject();
        foreach (var (name, value) in Sections)
        {
            root[name] = JsonNode.Parse(value.GetRawText());
        }

        return JsonDocument.Parse(root.ToJsonString());
    }

    public static async Task<PersonalDataZip> DownloadAsync(HttpClient client, string basePath = "/en")
    {
        using var response = await client.GetAsync($"{basePath}/account/personal-data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        string? index = null;
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = await reader.ReadToEndAsync();
            if (entry.FullName == "index.html")
            {
                index = text;
            }
            else
            {
                Assert.EndsWith(".json", entry.FullName, StringComparison.Ordinal);
                using var document = JsonDocument.Parse(text);
                sections[entry.FullName[..^".json".Length]] = document.RootElement.Clone();
            }
        }

        return new PersonalDataZip
        {
            Files = archive.Entries.Select(e => e.FullName).ToList(),
            Sections = sections,
            Index = index ?? throw new Xunit.Sdk.XunitException("The zip has no index.html."),
            ContentDisposition = response.Content.Headers.ContentDisposition?.ToString(),
        };
    }
}
