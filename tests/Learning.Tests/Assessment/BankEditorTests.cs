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
        var imported = GiftReader.Read(TestContent.Bank(1, "hu"));
        Assert.Equal(TestContent.BankQuestions, imported.Count);
        QuestionAssert.Same(imported, GiftReader.Read(gift));
        QuestionAssert.Same(imported, MoodleXml.Read(xml));

        var page = await editor.GetPageAsync("/en/editor/banks");
        var broken = await Upload(editor, page, "practice-bank", "broken.gift", "::a:: Fine {=yes ~no}\n\n::b:: Unclosed {=yes ~no\n");
        Assert.Contains("Line 3", (await Browser.ParseAsync(broken)).Text(".alert--error"));
        Assert.Equal(0, await Count(app, "practice-bank"));

        using var uploaded = await Upload(editor, page, "practice-bank", "bank.xml", xml);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(TestContent.BankQuestions, await Count(app, "practice-bank"));
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
