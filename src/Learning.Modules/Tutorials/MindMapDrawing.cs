using System.Xml.Linq;

namespace Learning.Modules.Tutorials;

/// <summary>
/// The mind map as SVG. Wide: the centre in the middle column, branches stacked in a left and a right
/// column, each branch a box with its leaves. Narrow (phones): the centre on top, branches below it.
/// Columns never share space, and boxes in a column are stacked with a gap, so boxes cannot overlap.
/// </summary>
public static class MindMapDrawing
{
    private const double BoxWidth = 230;
    private const double Gap = 50;
    private const double Margin = 12;
    private const int CharactersPerLine = 28;

    public static Diagram Draw(MindMap map, bool narrow)
    {
        var centreLines = Svg.Wrap(map.Centre, CharactersPerLine).Select(l => (l, true)).ToList();
        var centreHeight = Height(centreLines.Count);
        var branches = map.Branches.Select(b => BranchLines(b)).ToList();
        var boxes = new List<DiagramBox>();
        var content = new List<XElement>();

        if (narrow)
        {
            var width = BoxWidth + 2 * Margin;
            var centre = new DiagramBox(Margin, Margin, BoxWidth, centreHeight, map.Centre);
            var y = centre.Y + centre.Height + Gap / 2;
            var placed = new List<(DiagramBox Box, List<(string, bool)> Lines)>();
            foreach (var (branch, lines) in map.Branches.Zip(branches))
            {
                var box = new DiagramBox(Margin + 16, y, BoxWidth - 16, Height(lines.Count), branch.Label);
                placed.Add((box, lines));
                y += box.Height + Gap / 3;
            }

            // A spine down the left side links the centre to each branch.
            content.Add(Svg.Line(Margin + 8, centre.Y + centre.Height, Margin + 8, placed.Count > 0 ? placed[^1].Box.CentreY : centre.Y + centre.Height, "mindmap__link"));
            content.AddRange(placed.Select(p => Svg.Line(Margin + 8, p.Box.CentreY, p.Box.X, p.Box.CentreY, "mindmap__link")));
            content.Add(Svg.Box(centre, centreLines, "mindmap__centre"));
            content.AddRange(placed.Select(p => Svg.Box(p.Box, p.Lines, "mindmap__branch")));
            boxes.Add(centre);
            boxes.AddRange(placed.Select(p => p.Box));
            return new Diagram(width, y + Margin, boxes, Svg.Document(width, y + Margin, map.Centre, content));
        }

        // Wide: left column, centre column, right column.
        var leftX = Margin;
        var centreX = leftX + BoxWidth + Gap;
        var rightX = centreX + BoxWidth + Gap;
        var half = (branches.Count + 1) / 2;
        var columns = new[] { (X: leftX, Items: branches.Take(half).Zip(map.Branches.Take(half)).ToList()), (X: rightX, Items: branches.Skip(half).Zip(map.Branches.Skip(half)).ToList()) };
        var heights = columns.Select(c => c.Items.Sum(i => Height(i.First.Count)) + Gap / 3 * Math.Max(0, c.Items.Count - 1)).ToList();
        var total = Math.Max(Math.Max(heights[0], heights[1]), centreHeight) + 2 * Margin;
        var centreBox = new DiagramBox(centreX, (total - centreHeight) / 2, BoxWidth, centreHeight, map.Centre);
        var branchBoxes = new List<(DiagramBox Box, List<(string, bool)> Lines, bool Left)>();
        for (var c = 0; c < 2; c++)
        {
            var y = (total - heights[c]) / 2;
            foreach (var (lines, branch) in columns[c].Items)
            {
                var box = new DiagramBox(columns[c].X, y, BoxWidth, Height(lines.Count), branch.Label);
                branchBoxes.Add((box, lines, c == 0));
                y += box.Height + Gap / 3;
            }
        }

        content.AddRange(branchBoxes.Select(b => b.Left
            ? Svg.Line(centreBox.X, centreBox.CentreY, b.Box.X + b.Box.Width, b.Box.CentreY, "mindmap__link")
            : Svg.Line(centreBox.X + centreBox.Width, centreBox.CentreY, b.Box.X, b.Box.CentreY, "mindmap__link")));
        content.Add(Svg.Box(centreBox, centreLines, "mindmap__centre"));
        content.AddRange(branchBoxes.Select(b => Svg.Box(b.Box, b.Lines, "mindmap__branch")));
        boxes.Add(centreBox);
        boxes.AddRange(branchBoxes.Select(b => b.Box));
        var fullWidth = rightX + BoxWidth + Margin;
        return new Diagram(fullWidth, total, boxes, Svg.Document(fullWidth, total, map.Centre, content));
    }

    private static List<(string, bool)> BranchLines(Branch branch) =>
        [.. Svg.Wrap(branch.Label, CharactersPerLine).Select(l => (l, true)),
         .. branch.Leaves.SelectMany(leaf => Svg.Wrap(leaf, CharactersPerLine - 2).Select((l, i) => ((i == 0 ? "• " : "  ") + l, false)))];

    private static double Height(int lines) => 2 * Svg.Padding + lines * Svg.LineHeight;
}
