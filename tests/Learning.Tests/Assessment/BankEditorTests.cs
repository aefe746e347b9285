using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Data;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Assessment;

public sealed class BankEditorTests
{
    [Fact]
    public async Task An_editor_exports_a_bank_as_gift_and_moodle_xml_and_imports_it_back_while_a_broken_file_changes_nothing()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await EditorTests.LogInAsEditor(app, "writer@example.org");

        var gift = await editor.GetStringAsync("/en/editor/banks?handler=Export&bank=mooc%2Fpart-1%2Fvalidation&language=hu&format=gift");
        var xml = await editor.GetStringAsync("/en/editor/banks?handler=Export&bank=mooc%2Fpart-1%2Fvalidation&language=hu&format=xml");
        var imported = GiftReader.Read(TestContent.Bank(1, "hu")).Questions;
        Assert.Equal(TestContent.BankQuestions, imported.Count);
        QuestionAssert.Same(imported, GiftReader.Read(gift).Questions);
        QuestionAssert.Same(imported, MoodleXml.Read(xml).Questions);

        var page = await editor.GetPageAsync("/en/editor/banks");
        var broken = await Upload(editor, page, "practice-bank", "broken.gift", "::a:: Fine {=yes ~no}\n\n::b:: Unclosed {=yes ~no\n");
        Assert.Contains("Line 3", (await Browser.ParseAsync(broken)).Text(".alert--error"));
        Assert.Equal(0, await Count(app, "practice-bank"));

        // First the report: what the file holds and what would happen, nothing changed yet.
        using var uploaded = await Upload(editor, page, "practice-bank", "bank.xml", xml);
        var report = await Browser.ParseAsync(uploaded);
        Assert.Equal(TestContent.BankQuestions, report.QuerySelectorAll("[data-action=Create]").Length);
        Assert.Equal(0, await Count(app, "practice-bank"));

        // Then the confirmation imports it, in one go.
        using var confirmed = await Confirm(editor, report);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(TestContent.BankQuestions, await Count(app, "practice-bank"));

        // The same file again: every question unchanged, and a confirmation sent twice finds nothing waiting.
        var again = await Browser.ParseAsync(await Upload(editor, await editor.GetPageAsync("/en/editor/banks"), "practice-bank", "bank.xml", xml));
        Assert.Equal(TestContent.BankQuestions, again.QuerySelectorAll("[data-action=Unchanged]").Length);
        Assert.Null(again.QuerySelector("form[action*=Confirm]"));
        var twice = await Browser.ParseAsync(await Confirm(editor, report));
        Assert.Contains("no longer waiting", twice.Text(".alert--error"));
    }

    [Fact]
    public async Task A_kept_import_is_confirmed_only_by_the_editor_who_uploaded_it()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var writer = await EditorTests.LogInAsEditor(app, "writer@example.org");
        var other = await EditorTests.LogInAsEditor(app, "other@example.org");

        var report = await Browser.ParseAsync(await Upload(writer, await writer.GetPageAsync("/en/editor/banks"), "shared-bank", "bank.gift", "::a:: Right? {=yes ~no}\n"));
        var token = report.QuerySelector<IHtmlInputElement>("form[action*=Confirm] input[name=token]")!.Value;
        var otherPage = await other.GetPageAsync("/en/editor/banks");
        using var forged = await other.PostAsync("/en/editor/banks?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = otherPage.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
            ["bank"] = "shared-bank",
            ["language"] = "fr",
            ["token"] = token,
        }));

        Assert.Contains("no longer waiting", (await Browser.ParseAsync(forged)).Text(".alert--error"));
        Assert.Equal(0, await Count(app, "shared-bank"));
        using var confirmed = await Confirm(writer, report);
        Assert.Equal(1, await Count(app, "shared-bank"));
    }

    private static Task<HttpResponseMessage> Confirm(HttpClient client, IHtmlDocument report)
    {
        var form = report.QuerySelector<IHtmlFormElement>("form[action*=Confirm]")!;
        return client.PostAsync(form.Action, new FormUrlEncodedContent(form.QuerySelectorAll<IHtmlInputElement>("input").ToDictionary(i => i.Name!, i => i.Value)));
    }

    private static Task<int> Count(LearningApp app, string bank) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().BankQuestions.CountAsync(q => q.Bank == bank));

    private static async Task<HttpResponseMessage> Upload(HttpClient client, IHtmlDocument page, string bank, string name, string content)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form[enctype]")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new StringContent(bank), "bank" },
            { new StringContent("fr"), "language" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "upload", name);
        return await client.PostAsync(form.Action, body);
    }
}
