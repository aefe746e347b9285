using Learning.Modules.Content;
using Learning.Modules.Tutorials;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Tutorials;

/// <summary>The diagrams drawn from each tutorial of content/: deterministic, inside their frame,
/// no box over another, every text present.</summary>
public sealed class DiagramTests
{
    private static readonly Dictionary<string, string> Roles = TutorialType.Roles.ToDictionary(r => r, r => r);

    private static List<string> Files => Directory.GetFiles(Path.Combine(Repository.Root, "content", "toolbox"), "tutorial.*.md", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Repository.Root, f)).Order().ToList();

    public static TheoryData<string> TutorialFiles => [.. Files];

    [Theory]
    [MemberData(nameof(TutorialFiles))]
    public void Each_tutorials_diagrams_fit_their_frame_without_overlapping_boxes(string file)
    {
        var tutorial = Read(file);

        foreach (var narrow in new[] { false, true })
        {
            var mindMap = MindMapDrawing.Draw(tutorial.MindMap, narrow);
            var orgChart = OrgChartDrawing.Draw(tutorial.Actors, tutorial.Links, Roles, narrow);
            foreach (var diagram in new[] { mindMap, orgChart })
            {
                AssertNoOverlap(diagram);
            }

            Assert.Equal(1 + tutorial.MindMap.Branches.Count, mindMap.Boxes.Count);
            Assert.Equal(tutorial.Actors.Count, orgChart.Boxes.Count);
            Assert.True(narrow ? mindMap.Width <= 400 : mindMap.Width <= 900, $"{mindMap.Width} wide");
        }
    }

    [Fact]
    public void The_largest_tutorial_is_drawn_the_same_every_time_with_all_its_words()
    {
        var largest = Files.Select(Read).MaxBy(t => t.MindMap.Branches.Sum(b => b.Leaves.Sum(l => l.Length) + b.Label.Length) + t.Actors.Count * 40)!;

        var first = MindMapDrawing.Draw(largest.MindMap, narrow: false).Svg;
        var second = MindMapDrawing.Draw(largest.MindMap, narrow: false).Svg;

        Assert.Equal(first, second);
        var svgText = string.Concat(System.Xml.Linq.XDocument.Parse(first).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value + " "));
        foreach (var word in largest.MindMap.Branches.SelectMany(b => b.Leaves.Append(b.Label)).SelectMany(t => t.Split(' ')))
        {
            Assert.Contains(word, svgText);
        }

        Assert.Contains("role=\"img\"", first);
    }

    [Fact]
    public void Text_in_a_diagram_is_escaped_and_boxes_stay_apart_with_many_long_names()
    {
        var actors = Enumerable.Range(1, 10).Select(i => new Actor($"a{i}", $"<script>alert({i})</script> an organisation with a very long name number {i}", TutorialType.Roles[i % 5], "")).ToList();
        var links = actors.Skip(1).Select(a => new ActorLink(actors[0].Id, a.Id, "works with")).ToList();

        foreach (var narrow in new[] { false, true })
        {
            var chart = OrgChartDrawing.Draw(actors, links, Roles, narrow);
            Assert.DoesNotContain("<script>", chart.Svg);
            Assert.Contains("&lt;script&gt;", chart.Svg);
            AssertNoOverlap(chart);
        }
    }

    private static void AssertNoOverlap(Diagram diagram)
    {
        for (var i = 0; i < diagram.Boxes.Count; i++)
        {
            var box = diagram.Boxes[i];
            Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= diagram.Width && box.Y + box.Height <= diagram.Height, $"'{box.Text}' leaves the frame");
            for (var j = i + 1; j < diagram.Boxes.Count; j++)
            {
                Assert.False(box.Overlaps(diagram.Boxes[j]), $"'{box.Text}' overlaps '{diagram.Boxes[j].Text}'");
            }
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
