using Learning.Modules.Tutorials;

namespace Learning.Tests.Tutorials;

/// <summary>The diagrams drawn from a tutorial: deterministic, inside their frame, no box over another,
/// every text present (the shipped tutorials are drawn in ShippedContent/TutorialDiagramTests).</summary>
public sealed class DiagramTests
{
    private static readonly Dictionary<string, string> Roles = TutorialType.Roles.ToDictionary(r => r, r => r);

    [Fact]
    public void A_mind_map_of_the_largest_size_a_tutorial_may_have_is_drawn_the_same_every_time_inside_its_frame_with_all_its_words()
    {
        // What TutorialType allows at most: a centre of 40 characters, 6 branches of 40, 5 leaves of 60 each.
        var largest = new MindMap(Sized("The centre", 40),
            Enumerable.Range(1, 6).Select(b => new Branch(Sized($"Branch {b}", 40), Enumerable.Range(1, 5).Select(l => Sized($"Leaf {l} of branch {b}", 60)).ToList())).ToList());
        Assert.All(largest.Branches.SelectMany(b => b.Leaves), leaf => Assert.InRange(leaf.Length, 55, 60));

        foreach (var narrow in new[] { false, true })
        {
            var first = MindMapDrawing.Draw(largest, narrow);
            var second = MindMapDrawing.Draw(largest, narrow);

            Assert.Equal(first.Svg, second.Svg);
            Assert.Equal(1 + 6, first.Boxes.Count);
            AssertNoOverlap(first);
            Assert.True(narrow ? first.Width <= 400 : first.Width <= 900, $"{first.Width} wide");
            var svgText = string.Concat(System.Xml.Linq.XDocument.Parse(first.Svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value + " "));
            var words = largest.Branches.SelectMany(b => b.Leaves.Append(b.Label)).Append(largest.Centre).SelectMany(t => t.Split(' ')).ToList();
            Assert.NotEmpty(words);
            Assert.All(words, word => Assert.Contains(word, svgText));
            Assert.Contains("role=\"img\"", first.Svg);
        }
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

    /// <summary>A text of at most <paramref name="length"/> characters, in whole words.</summary>
    private static string Sized(string start, int length) =>
        (start + string.Concat(Enumerable.Repeat(" with more words", 10)))[..length].TrimEnd();

    internal static void AssertNoOverlap(Diagram diagram)
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
}
