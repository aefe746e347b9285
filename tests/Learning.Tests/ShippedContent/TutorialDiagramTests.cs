using Learning.Modules.Content;
using Learning.Modules.Tutorials;
using Learning.Tests.Infrastructure;
using Learning.Tests.Tutorials;

namespace Learning.Tests.ShippedContent;

// Shipped content: every tutorial of content/ is drawn, so that one whose texts do not fit fails here.
/// <summary>The diagrams of each tutorial of content/toolbox fit their frame without overlapping boxes.</summary>
public sealed class TutorialDiagramTests
{
    private static readonly Dictionary<string, string> Roles = TutorialType.Roles.ToDictionary(r => r, r => r);

    public static TheoryData<string> TutorialFiles => [.. Directory.GetFiles(Path.Combine(Repository.Root, "content", "toolbox"), "tutorial.*.md", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Repository.Root, f)).Order()];

    [Fact]
    public void The_toolbox_has_tutorials_in_six_cultures()
    {
        Assert.True(TutorialFiles.Count >= 6, $"{TutorialFiles.Count} tutorial files");
    }

    [Theory]
    [MemberData(nameof(TutorialFiles))]
    public void Each_tutorials_diagrams_fit_their_frame_without_overlapping_boxes(string file)
    {
        var tutorial = Read(file);

        foreach (var narrow in new[] { false, true })
        {
            var mindMap = MindMapDrawing.Draw(tutorial.MindMap, narrow);
            var orgChart = OrgChartDrawing.Draw(tutorial.Actors, tutorial.Links, Roles, narrow);
            DiagramTests.AssertNoOverlap(mindMap);
            DiagramTests.AssertNoOverlap(orgChart);
            Assert.Equal(1 + tutorial.MindMap.Branches.Count, mindMap.Boxes.Count);
            Assert.Equal(tutorial.Actors.Count, orgChart.Boxes.Count);
            Assert.True(narrow ? mindMap.Width <= 400 : mindMap.Width <= 900, $"{mindMap.Width} wide");
        }
    }

    private static Tutorial Read(string relativePath)
    {
        var errors = new List<ContentImportError>();
        var file = ContentFile.Parse(relativePath, File.ReadAllText(Path.Combine(Repository.Root, relativePath)), errors)!;
        Assert.Empty(errors);
        return Tutorial.From(ContentFields.Parse(ContentFields.ToJson(file, new TutorialType().FieldKeys)));
    }
}
