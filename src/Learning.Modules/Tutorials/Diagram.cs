using System.Globalization;
using System.Xml.Linq;

namespace Learning.Modules.Tutorials;

/// <summary>A diagram drawn on the server: its SVG and the boxes it placed (so tests can check overlaps).</summary>
public sealed record Diagram(double Width, double Height, IReadOnlyList<DiagramBox> Boxes, string Svg);

public sealed record DiagramBox(double X, double Y, double Width, double Height, string Text)
{
    public bool Overlaps(DiagramBox other) =>
        X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;

    public double CentreX => X + Width / 2;

    public double CentreY => Y + Height / 2;
}

/// <summary>The small SVG vocabulary the diagrams share: boxes with wrapped text, and lines. Everything is
/// built as XML elements, so that no text can break out of the markup, and laid out by fixed rules, so that
/// the same data always gives the same drawing.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";
    public const double LineHeight = 17;
    public const double Padding = 10;

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Wraps a text into lines of at most <paramref name="width"/> characters, cutting between words.</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = "";
            }

            line = line.Length == 0 ? word : line + " " + word;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines.Count == 0 ? [""] : lines;
    }

    /// <summary>A rounded box whose height follows its lines; the first line group is bold when asked.</summary>
    public static XElement Box(DiagramBox box, IReadOnlyList<(string Text, bool Bold)> lines, string cssClass) =>
        new(Ns + "g", new XAttribute("class", cssClass),
            new XElement(Ns + "rect",
                new XAttribute("x", N(box.X)), new XAttribute("y", N(box.Y)),
                new XAttribute("width", N(box.Width)), new XAttribute("height", N(box.Height)),
                new XAttribute("rx", "8")),
            lines.Select((line, i) => new XElement(Ns + "text",
                new XAttribute("x", N(box.X + Padding)),
                new XAttribute("y", N(box.Y + Padding + LineHeight * (i + 1) - 4)),
                line.Bold ? new XAttribute("font-weight", "bold") : null,
                line.Text)));

    public static XElement Line(double x1, double y1, double x2, double y2, string cssClass, bool arrow = false) =>
        new(Ns + "line",
            new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
            new XAttribute("class", cssClass),
            arrow ? new XAttribute("marker-end", "url(#arrow)") : null);

    public static string Document(double width, double height, string label, IEnumerable<XElement> content) =>
        new XElement(Ns + "svg",
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("width", N(width)),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", label),
            new XAttribute("font-family", "system-ui, sans-serif"),
            new XAttribute("font-size", "13"),
            new XElement(Ns + "defs",
                new XElement(Ns + "marker",
                    new XAttribute("id", "arrow"), new XAttribute("viewBox", "0 0 10 10"), new XAttribute("refX", "9"), new XAttribute("refY", "5"),
                    new XAttribute("markerWidth", "7"), new XAttribute("markerHeight", "7"), new XAttribute("orient", "auto-start-reverse"),
                    new XElement(Ns + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z")))),
            content).ToString(SaveOptions.DisableFormatting);
}
