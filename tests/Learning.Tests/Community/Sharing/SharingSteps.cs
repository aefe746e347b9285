using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Learning.Modules.Community.Sharing;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community.Sharing;

/// <summary>What the sharing tests do often: the share form posted as a browser posts it (multipart, with a file or not),
/// and the rows it leaves.</summary>
public static class SharingSteps
{
    public const string ShareForm = "form[data-testid=share-form]";

    /// <summary>A practice as a learner writes it, every required field filled.</summary>
    public static (string Name, string Value)[] Practice(params (string Name, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Job café for young people",
            ["Input.Summary"] = "A monthly café where young people meet employers, without a CV.",
            ["Input.Organisations"] = "Mission locale de Saint-Gilles\nCafé du Parvis",
            ["Input.Country"] = "BE",
            ["Input.Place"] = "Saint-Gilles",
            ["Input.Period"] = "Since 2023",
            ["Input.Contact"] = "cafe@example.org",
            ["Input.Description"] = "Young people and employers meet over coffee.",
            ["Input.Implementation"] = "- Book the café\n- Invite five employers",
            ["Input.Results"] = "Twelve young people found a job in a year.",
            ["Input.Transferability"] = "Start small: one employer is enough.",
        };
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return values.Select(v => (v.Key, v.Value)).ToArray();
    }

    /// <summary>Posts the share form with these values (the rest as the page shows it) and, if given, a file.</summary>
    public static async Task<HttpResponseMessage> ShareAsync(this HttpClient client, (string Name, string Value)[] values, (string Name, byte[] Content)? file = null, bool credit = false)
    {
        var page = await client.GetPageAsync("/en/share");
        return await client.PostMultipartAsync(page, ShareForm, [.. values, .. credit ? new[] { ("Input.CreditByName", "true") } : []], file, "Upload");
    }

    /// <summary>Posts a form as multipart/form-data: its fields (the anti-forgery token included), the values given, and a file.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, IHtmlDocument page, string formSelector, (string Name, string Value)[] values,
        (string Name, byte[] Content)? file, string fileField)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = new List<(string Name, string Value)>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" or "file" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add((input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add((select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add((area.Name, area.Value));
                    break;
            }
        }

        fields.RemoveAll(f => values.Any(v => v.Name == f.Name));
        fields.AddRange(values);
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        if (file is { } upload)
        {
            var content = new ByteArrayContent(upload.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(content, fileField, upload.Name);
        }

        return await client.PostAsync(string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.Action, body);
    }

    public static Task<List<PracticeSubmission>> SubmissionsAsync(this LearningApp app) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().PracticeSubmissions.AsNoTracking().Include(s => s.Messages).OrderBy(s => s.Id).ToListAsync());

    public static Task<ContentItem> PracticeItemAsync(this LearningApp app, int id) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.AsNoTracking().Include(i => i.Versions).SingleAsync(i => i.Id == id));

    /// <summary>Counts of the rows a share may add: practices, versions, media files, submissions, messages.</summary>
    public static Task<(int Items, int Versions, int Media, int Submissions, int Messages)> CountsAsync(this LearningApp app) =>
        app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            return (await db.ContentItems.CountAsync(), await db.ContentVersions.CountAsync(), await db.MediaFiles.CountAsync(),
                await db.PracticeSubmissions.CountAsync(), await db.SubmissionMessages.CountAsync());
        });

    public static string? Errors(this IHtmlDocument page) =>
        page.QuerySelector("[data-testid=share-errors]")?.TextContent.Trim();

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[56]];

    public static readonly byte[] Pdf = [.. "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8];
}
