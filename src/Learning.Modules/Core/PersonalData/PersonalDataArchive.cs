using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Core.PersonalData;

/// <summary>
/// "Download my data" as a zip: one JSON file per provider's section (a format other software reads), and an
/// <c>index.html</c> a person reads, in their language: what each file holds, how many items, and the data itself
/// as tables. One section at a time is held in memory: the zip is built in a temporary file (a zip's writer flushes
/// synchronously, which a response body refuses) and then copied to the response, and the index's tables wait in
/// another temporary file until the sections are written.
/// </summary>
public sealed class PersonalDataArchive(IEnumerable<IPersonalDataProvider> providers, IStringLocalizer<CoreStrings> S, TimeProvider clock)
{
    public const string ContentType = "application/zip";
    public const string IndexFile = "index.html";

    // Letters as they are (six languages), markup and quotes escaped: the files are safe to open anywhere.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>A section as the index lists it.</summary>
    private sealed record Entry(string Id, string Title, string? Description, string File, int Count);

    public static string FileName(DateTime utc) => $"personal-data-{utc:yyyy-MM-dd}.zip";

    /// <summary>Writes the person's archive to <paramref name="output"/> (left open).</summary>
    public async Task WriteAsync(string userId, string siteName, Stream output, CancellationToken cancellationToken)
    {
        var exported = clock.GetUtcNow().UtcDateTime;
        var entries = new List<Entry>();
        var tablesPath = Path.GetTempFileName();
        await using var zipFile = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using (var archive = await ZipArchive.CreateAsync(zipFile, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken))
            {
                await using (var tables = new StreamWriter(tablesPath, append: false, new UTF8Encoding(false)))
                {
                    foreach (var provider in providers)
                    {
                        var id = SafeName(provider.Section);
                        var file = $"{id}.json";
                        // One representation per section, serialised once: the JSON file and the tables are both written from it.
                        var data = JsonSerializer.SerializeToElement(await provider.ExportAsync(userId, cancellationToken), Json);
                        var zipEntry = archive.CreateEntry(file, CompressionLevel.Optimal);
                        zipEntry.LastWriteTime = exported;
                        await using (var stream = await zipEntry.OpenAsync(cancellationToken))
                        {
                            await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder });
                            data.WriteTo(writer);
                            await writer.FlushAsync(cancellationToken);
                        }

                        var entry = new Entry(id, provider.Title, provider.Description, file, Count(data));
                        entries.Add(entry);
                        await WriteSectionAsync(tables, entry, data);
                    }
                }

                var index = archive.CreateEntry(IndexFile, CompressionLevel.Optimal);
                index.LastWriteTime = exported;
                await using var indexStream = await index.OpenAsync(cancellationToken);
                await using (var head = new StreamWriter(indexStream, new UTF8Encoding(false), leaveOpen: true))
                {
                    await head.WriteAsync(Head(siteName, exported, entries));
                }

                await using (var tables = File.OpenRead(tablesPath))
                {
                    await tables.CopyToAsync(indexStream, cancellationToken);
                }

                await indexStream.WriteAsync("</main></body></html>\n"u8.ToArray(), cancellationToken);
            }

            zipFile.Position = 0;
            await zipFile.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(tablesPath);
        }
    }

    private static string SafeName(string section)
    {
        var name = new string(section.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? char.ToLowerInvariant(c) : '-').ToArray());
        return name.Length == 0 ? "section" : name;
    }

    /// <summary>How many items a section holds: the length of a list, one record, or nothing.</summary>
    private static int Count(JsonElement data) => data.ValueKind switch
    {
        JsonValueKind.Array => data.GetArrayLength(),
        JsonValueKind.Null or JsonValueKind.Undefined => 0,
        _ => 1,
    };

    private static string E(string? text) => Html.Encode(text ?? "");

    private string Head(string siteName, DateTime exported, List<Entry> entries)
    {
        var culture = CultureInfo.CurrentUICulture;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(culture.TwoLetterISOLanguageName)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // Nothing in this file runs, whatever a person typed into the platform: no script, no loads.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>").Append(E(S["Your personal data on {0}", siteName])).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a}")
            .Append("table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}")
            .Append("th{background:#eee}td{white-space:pre-wrap;overflow-wrap:anywhere}td table{margin:0}.empty{color:#555;font-style:italic}</style>\n")
            .Append("</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(S["Your personal data on {0}", siteName])).Append("</h1>\n")
            .Append("<p>").Append(E(S["Exported on {0}.", exported.ToString("f", culture) + " UTC"])).Append("</p>\n")
            .Append("<p>").Append(E(S["This archive holds everything the platform keeps about you: one JSON file per kind of data, which other software can read, and this page, which shows the same data as tables."])).Append("</p>\n")
            .Append("<h2>").Append(E(S["Contents"])).Append("</h2>\n<table>\n<thead><tr>")
            .Append("<th scope=\"col\">").Append(E(S["Data"])).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(S["What it holds"])).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(S["File"])).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(S["Items"])).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var entry in entries)
        {
            html.Append("<tr><td><a href=\"#").Append(E(entry.Id)).Append("\">").Append(E(entry.Title)).Append("</a></td><td>")
                .Append(E(entry.Description)).Append("</td><td>").Append(E(entry.File)).Append("</td><td>")
                .Append(entry.Count.ToString(culture)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }

    private async Task WriteSectionAsync(TextWriter html, Entry entry, JsonElement data)
    {
        await html.WriteAsync($"<section id=\"{E(entry.Id)}\">\n<h2>{E(entry.Title)}</h2>\n");
        if (entry.Description is not null)
        {
            await html.WriteAsync($"<p>{E(entry.Description)}</p>\n");
        }

        await html.WriteAsync($"<p>{E(S["File: {0}", entry.File])}</p>\n");
        var body = new StringBuilder();
        if (entry.Count == 0)
        {
            body.Append("<p class=\"empty\">").Append(E(S["Nothing is kept."])).Append("</p>");
        }
        else
        {
            Render(body, data);
        }

        await html.WriteAsync(body.ToString());
        await html.WriteAsync("\n</section>\n");
    }

    /// <summary>A value as HTML: a record as a two-column table, a list of records as a table with a row each, other
    /// lists as bullet lists, and text encoded.</summary>
    private void Render(StringBuilder html, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.Append("<table><tbody>");
                foreach (var property in value.EnumerateObject())
                {
                    html.Append("<tr><th scope=\"row\">").Append(E(property.Name)).Append("</th><td>");
                    Render(html, property.Value);
                    html.Append("</td></tr>");
                }

                html.Append("</tbody></table>");
                break;
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                html.Append("<span class=\"empty\">").Append(E(S["None"])).Append("</span>");
                break;
            case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Object):
                var columns = value.EnumerateArray().SelectMany(v => v.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
                html.Append("<table><thead><tr>");
                foreach (var column in columns)
                {
                    html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
                }

                html.Append("</tr></thead><tbody>");
                foreach (var row in value.EnumerateArray())
                {
                    html.Append("<tr>");
                    foreach (var column in columns)
                    {
                        html.Append("<td>");
                        if (row.TryGetProperty(column, out var cell))
                        {
                            Render(html, cell);
                        }

                        html.Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</tbody></table>");
                break;
            case JsonValueKind.Array:
                html.Append("<ul>");
                foreach (var item in value.EnumerateArray())
                {
                    html.Append("<li>");
                    Render(html, item);
                    html.Append("</li>");
                }

                html.Append("</ul>");
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break; // an empty cell
            case JsonValueKind.True:
                html.Append(E(S["Yes"]));
                break;
            case JsonValueKind.False:
                html.Append(E(S["No"]));
                break;
            case JsonValueKind.String:
                html.Append(E(value.GetString()));
                break;
            default:
                html.Append(E(value.GetRawText()));
                break;
        }
    }
}
