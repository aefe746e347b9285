using System.Xml.Linq;

namespace Learning.Modules.Tutorials;

/// <summary>
/// The organisation chart as SVG: one row per role, from those who fund to those who are reached, boxes
/// side by side in a row (wrapping to a new row when full), arrows for the links between actors. Rows
/// are stacked and boxes in a row are spaced, so boxes cannot overlap.
/// </summary>
public static class OrgChartDrawing
{
    private const double BoxWidth = 190;
    private const double Gap = 24;
    private const double RowGap = 44;
    private const double Margin = 12;
    private const double LabelHeight = 22;
    private const int CharactersPerLine = 24;

    /// <param name="roleLabels">The heading of each role's row, in the reader's language.</param>
    public static Diagram Draw(IReadOnlyList<Actor> actors, IReadOnlyList<ActorLink> links, IReadOnlyDictionary<string, string> roleLabels, bool narrow)
    {
        var perRow = narrow ? 1 : 4;
        var width = 2 * Margin + perRow * BoxWidth + (perRow - 1) * Gap;
        var boxes = new Dictionary<string, DiagramBox>();
        var drawn = new List<XElement>();
        var y = Margin;
        foreach (var role in TutorialType.Roles)
        {
            var inRole = actors.Where(a => a.Role == role).ToList();
            if (inRole.Count == 0)
            {
                continue;
            }

            drawn.Add(new XElement(Svg.Ns + "text", new XAttribute("x", Svg.N(Margin)), new XAttribute("y", Svg.N(y + 14)), new XAttribute("class", "orgchart__role"), roleLabels.GetValueOrDefault(role, role)));
            y += LabelHeight;
            foreach (var row in inRole.Chunk(perRow))
            {
                var lines = row.Select(a => Svg.Wrap(a.Name, CharactersPerLine)).ToList();
                var rowHeight = 2 * Svg.Padding + lines.Max(l => l.Count) * Svg.LineHeight;
                var x = Margin + (perRow - row.Length) * (BoxWidth + Gap) / 2; // a short row is centred
                for (var i = 0; i < row.Length; i++)
                {
                    var box = new DiagramBox(x + i * (BoxWidth + Gap), y, BoxWidth, rowHeight, row[i].Name);
                    boxes[row[i].Id] = box;
                    drawn.Add(Svg.Box(box, lines[i].Select(l => (l, true)).ToList(), "orgchart__actor orgchart__actor--" + role));
                }

                y += rowHeight + RowGap / 2;
            }

            y += RowGap / 2;
        }

        // Links under the boxes, from the bottom of one to the top of the other (or side to side in a row).
        var arrows = links.Where(l => boxes.ContainsKey(l.From) && boxes.ContainsKey(l.To) && l.From != l.To).Select(l =>
        {
            var (from, to) = (boxes[l.From], boxes[l.To]);
            return Math.Abs(from.Y - to.Y) < 1
                ? Svg.Line(from.CentreX < to.CentreX ? from.X + from.Width : from.X, from.CentreY, from.CentreX < to.CentreX ? to.X : to.X + to.Width, to.CentreY, "orgchart__link", arrow: true)
                : from.Y < to.Y
                    ? Svg.Line(from.CentreX, from.Y + from.Height, to.CentreX, to.Y, "orgchart__link", arrow: true)
                    : Svg.Line(from.CentreX, from.Y, to.CentreX, to.Y + to.Height, "orgchart__link", arrow: true);
        }).ToList();

        var total = y - RowGap / 2 + Margin;
        return new Diagram(width, total, boxes.Values.ToList(), Svg.Document(width, total, "", [.. arrows, .. drawn]));
    }
}
