using AngleSharp.Html.Dom;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Hardening;

public sealed class YamlBoundsTests
{
    private static ContentImportError RefusedFrontMatter(string frontMatter)
    {
        var errors = new List<ContentImportError>();
        var file = ContentFile.Parse("tutorials/x/tutorial.en.md", $"---\ntype: tutorial\n{frontMatter}\n---\nBody\n", errors);
        Assert.Null(file);
        return Assert.Single(errors);
    }

    [Fact]
    public void A_self_referencing_alias_is_refused_with_its_line_instead_of_recursing_forever()
    {
        var error = RefusedFrontMatter("title: T\nmind_map: &a [*a]");

        Assert.Equal(4, error.Line);
        Assert.Contains("Anchors (&a) are not accepted", error.Message);
    }

    [Fact]
    public void Nested_aliases_are_refused_before_they_expand()
    {
        // Four lines of 10 aliases each would make 10,000 values; eight lines would make 10^8.
        var lines = new List<string> { "l0: &l0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 4; i++)
        {
            lines.Add($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]");
        }

        var error = RefusedFrontMatter(string.Join("\n", lines));

        Assert.Equal(3, error.Line);
        Assert.Contains("not accepted", error.Message);
    }

    [Fact]
    public void An_alias_without_its_anchor_is_refused_with_its_line()
    {
        var error = RefusedFrontMatter("title: T\nsummary: *nowhere");

        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(100_000)] // deep enough to overflow the stack of a recursive loader
    public void A_front_matter_nested_deeper_than_the_bound_is_refused(int depth)
    {
        var error = RefusedFrontMatter("mind_map: " + new string('[', depth) + new string(']', depth));

        Assert.Contains($"nested more than {ContentFile.MaxDepth} levels", error.Message);
    }

    [Fact]
    public void A_front_matter_of_too_many_values_is_refused()
    {
        var error = RefusedFrontMatter("mind_map: [" + string.Join(",", Enumerable.Repeat("x", ContentFile.MaxNodes)) + "]");

        Assert.Contains($"more than {ContentFile.MaxNodes} values", error.Message);
    }

    [Fact]
    public void A_front_matter_larger_than_the_bound_is_refused_before_it_is_parsed()
    {
        var error = RefusedFrontMatter("summary: " + new string('x', ContentFile.MaxFrontMatterChars));

        Assert.Equal(2, error.Line);
        Assert.Contains("longer than", error.Message);
    }

    [Fact]
    public void A_list_or_a_mapping_as_a_key_is_refused_with_its_line()
    {
        var error = RefusedFrontMatter("title: T\nmind_map:\n  ? [a, b]\n  : c");

        Assert.Equal(5, error.Line);
        Assert.Contains("A key must be a text", error.Message);
    }

    [Fact]
    public async Task An_editor_posting_a_self_referencing_mind_map_gets_the_line_and_the_site_saves_nothing()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await EditorTests.LogInAsEditor(app, "writer@example.org");
        var id = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == "tutorial" && i.SetId == TestContent.TutorialSet && i.Culture == "en").Select(i => i.Id).SingleAsync());
        var form = await editor.GetPageAsync($"/en/editor/tutorial/{id}");

        var check = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", "mind_map: &a [*a]\n"), ("handler", "Preview"));
        var save = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", "mind_map: &a [*a]\n"), ("handler", "Save"));

        Assert.Contains("Line 1 of the parts: Anchors (&a) are not accepted", check.Text(".validation-summary-errors"));
        Assert.Contains("Anchors (&a) are not accepted", save.Text(".validation-summary-errors"));
        Assert.Equal(1, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.CountAsync(v => v.ItemId == id)));
    }
}
