using AngleSharp.Html.Dom;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Tutorials;

public sealed class TutorialEditorTests
{
    [Fact]
    public async Task An_editor_changes_a_tutorials_parts_and_readers_see_the_redrawn_mind_map_while_broken_yaml_saves_nothing()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await EditorTests.LogInAsEditor(app, "writer@example.org");
        var id = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == "tutorial" && i.SetId == TestContent.TutorialSet && i.Culture == "en").Select(i => i.Id).SingleAsync());
        var form = await editor.GetPageAsync($"/en/editor/tutorial/{id}");
        var parts = form.QuerySelector<IHtmlTextAreaElement>("#Input_Parts")!.Value;
        Assert.StartsWith("mind_map:\n  centre: ", parts);

        var broken = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", "mind_map:\n  centre: [unclosed\n"), ("handler", "Save"));
        Assert.Contains("Line", broken.Text(".validation-summary-errors"));
        var unknownActor = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", parts.Replace("- from: ", "- from: x")), ("handler", "Save"));
        Assert.Contains("does not exist", unknownActor.Text(".validation-summary-errors"));
        Assert.Equal(1, await Versions(app, id));

        var changed = System.Text.RegularExpressions.Regex.Replace(parts, "^  centre: .*$", "  centre: A desk for every trade", System.Text.RegularExpressions.RegexOptions.Multiline);
        var published = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", changed), ("handler", "Publish"));
        Assert.NotNull(published.QuerySelector(".alert--success"));
        Assert.Equal(2, await Versions(app, id));

        var slug = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.Where(i => i.Id == id).Select(i => i.Slug).SingleAsync());
        var page = await app.CreateClient().GetPageAsync($"/en/tutorials/{slug}");
        Assert.Equal("A desk for every trade", page.Text("#mind-map .diagram-text strong"));
        Assert.Contains("A desk for every trade", page.QuerySelector("#mind-map svg")!.OuterHtml);
    }

    private static Task<int> Versions(LearningApp app, int id) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.CountAsync(v => v.ItemId == id));
}
