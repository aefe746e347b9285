using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Learning.Modules.Reporting.Tables;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Reporting.Charts;

/// <summary>
/// Charts drawn on the server as SVG markup: no script, no foreignObject, no external reference or font (generic
/// families only), a viewBox so they scale down on a phone, role="img" named by their own title and
/// description. Every text goes through XElement, so labels typed by users (structure names) are escaped.
/// Ids start with a prefix the page gives, so several charts live on one page.
/// </summary>
public static partial class SvgChart
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>Horizontal bars: a label column and one or more value columns.</summary>
    public static string Bars(ReportTable table, string idPrefix, CultureInfo culture, IStringLocalizer strings) =>
        Draw(ChartKind.Bars, table, idPrefix, culture, strings);

    /// <summary>Columns over time: a period column and one or more value columns.</summary>
    public static string OverTime(ReportTable table, string idPrefix, CultureInfo culture, IStringLocalizer strings) =>
        Draw(ChartKind.OverTime, table, idPrefix, culture, strings);

    /// <summary>A histogram: a band column ("0–10 %", …) and a count column.</summary>
    public static string Histogram(ReportTable table, string idPrefix, CultureInfo culture, IStringLocalizer strings) =>
        Draw(ChartKind.Histogram, table, idPrefix, culture, strings);

    /// <summary>Achieved against objective: a label column, an achieved column and an objective column.</summary>
    public static string Progress(ReportTable table, string idPrefix, CultureInfo culture, IStringLocalizer strings) =>
        Draw(ChartKind.Progress, table, idPrefix, culture, strings);

    public static string Draw(ChartKind kind, ReportTable table, string idPrefix, CultureInfo culture, IStringLocalizer strings) =>
        Render(ChartLayout.Lay(kind, table, culture, cell => CellFormat.Display(cell, culture, strings)), idPrefix);

    /// <summary>The SVG markup of a laid-out chart.</summary>
    public static string Render(ChartDrawing drawing, string idPrefix)
    {
        var id = SafeId(idPrefix);
        var svg = new XElement(Ns + "svg",
            new XAttribute("xmlns", Ns.NamespaceName),
            new XAttribute("class", "report-chart"),
            new XAttribute("viewBox", $"0 0 {N(drawing.Width)} {N(drawing.Height)}"),
            new XAttribute("width", N(drawing.Width)),
            new XAttribute("height", N(drawing.Height)),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("font-family", "sans-serif"),
            new XElement(Ns + "title", new XAttribute("id", $"{id}-title"), Clean(drawing.Title)),
            new XElement(Ns + "desc", new XAttribute("id", $"{id}-desc"), Clean(drawing.Description)),
            new XElement(Ns + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", ChartLayout.Paper)),
            drawing.Shapes.Select(Shape));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Shape(ChartShape shape) => shape switch
    {
        ChartRect r => new XElement(Ns + "rect",
            new XAttribute("x", N(r.X)), new XAttribute("y", N(r.Y)), new XAttribute("width", N(r.Width)), new XAttribute("height", N(r.Height)),
            new XAttribute("fill", r.Fill),
            r.Stroke is null ? null : new XAttribute("stroke", r.Stroke),
            r.Stroke is null ? null : new XAttribute("stroke-width", "1.5")),
        ChartLine l => new XElement(Ns + "line",
            new XAttribute("x1", N(l.X1)), new XAttribute("y1", N(l.Y1)), new XAttribute("x2", N(l.X2)), new XAttribute("y2", N(l.Y2)),
            new XAttribute("stroke", l.Stroke), new XAttribute("stroke-width", N(l.Thickness))),
        ChartText t => Text(t),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static XElement Text(ChartText t)
    {
        var text = new XElement(Ns + "text",
            new XAttribute("x", N(t.X)), new XAttribute("y", N(t.Y)),
            new XAttribute("font-size", N(t.Size)), new XAttribute("fill", t.Fill),
            t.Anchor == ChartAnchor.Start ? null : new XAttribute("text-anchor", t.Anchor == ChartAnchor.Middle ? "middle" : "end"),
            t.Bold ? new XAttribute("font-weight", "bold") : null,
            Clean(t.Text));
        // A shortened label keeps its full text as a tooltip.
        return t.FullText is null ? text : new XElement(Ns + "g", new XElement(Ns + "title", Clean(t.FullText)), text);
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Ids only of letters, digits, '-' and '_', starting with a letter.</summary>
    public static string SafeId(string prefix)
    {
        var id = UnsafeIdCharacter().Replace(prefix, "-");
        return id.Length == 0 || !char.IsAsciiLetter(id[0]) ? "c" + id : id;
    }

    /// <summary>Characters XML cannot hold (control characters, lone surrogates) dropped: text typed by users can hold them.</summary>
    internal static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }

        return kept.ToString();
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdCharacter();
}
