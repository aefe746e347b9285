using System.Globalization;
using System.Xml.Linq;
using Learning.Modules.Reporting.Charts;
using Learning.Modules.Reporting.Tables;

namespace Learning.Tests.Reporting;

/// <summary>
/// The charts' SVG read back as XML. Geometry checked against the layout's constants by hand: bars start at
/// x = 212 (label column 200 + 12) and are 356 wide at most (640 − 212 − 72); the column charts' plot is
/// 200 high; the progress bar is 624 wide (640 − 2 × 8).
/// </summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static ReportTable Table(string title, string[] columns, params Cell[][] rows) =>
        new("t", title, "What the chart shows.", columns, [.. rows.Select(r => (IReadOnlyList<Cell>)r)]);

    private static XElement Draw(ChartKind kind, ReportTable table, string prefix = "fig", string culture = "en") =>
        XElement.Parse(SvgChart.Draw(kind, table, prefix, CultureInfo.GetCultureInfo(culture), ReportStrings.In(culture)));

    private static List<XElement> Bars(XElement svg, string fill) =>
        [.. svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("fill") == fill)];

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static ReportTable Completion() => Table("Completion per part", ["Part", "Completion"],
        [Cell.Of("Part 1"), Cell.Percent(100m)],
        [Cell.Of("Part 2"), Cell.Percent(50m)],
        [Cell.Of("Part 3"), Cell.Percent(null, suppressed: true)],
        [Cell.Of("Part 4"), Cell.Percent(null)]);

    [Fact]
    public void A_chart_is_an_image_named_by_its_own_title_and_description_and_scales_with_its_view_box()
    {
        var svg = Draw(ChartKind.Bars, Completion(), "completion");
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("completion-title completion-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Completion per part", svg.Element(Svg + "title")!.Value);
        Assert.Equal("completion-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal("What the chart shows.", svg.Element(Svg + "desc")!.Value);
        Assert.Equal("completion-desc", (string?)svg.Element(Svg + "desc")!.Attribute("id"));
        Assert.StartsWith("0 0 640 ", (string?)svg.Attribute("viewBox"));
        Assert.Equal("sans-serif", (string?)svg.Attribute("font-family"));
    }

    [Fact]
    public void Bars_are_as_long_as_their_values_and_a_suppressed_value_gets_no_bar_but_its_label()
    {
        var svg = Draw(ChartKind.Bars, Completion());
        var bars = Bars(svg, ChartLayout.Palette[0]);
        Assert.Equal([356.0, 178.0], bars.Select(b => Number(b, "width")));
        Assert.All(bars, b => Assert.Equal(212, Number(b, "x")));

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("100.0%", texts);
        Assert.Contains("50.0%", texts);
        Assert.Contains("< 5", texts);
        Assert.Contains("–", texts);
        // The "< 5" label sits at the start of the plot, where no bar is.
        var hidden = svg.Descendants(Svg + "text").Single(t => t.Value == "< 5");
        Assert.Equal(216, Number(hidden, "x"));
    }

    [Fact]
    public void Texts_typed_by_users_are_escaped_and_the_chart_holds_nothing_active_or_external()
    {
        const string hostile = "<script>alert(1)</script> & \"Ixelles\" <foreignObject>";
        var table = Table(hostile, ["Structure", "Learners"], [Cell.Of(hostile + "\u0001"), Cell.People(12)]);
        var markup = SvgChart.Draw(ChartKind.Bars, table, "x\" onload=\"alert(1)", English, ReportStrings.In("en"));
        Assert.DoesNotContain("<script", markup);
        Assert.DoesNotContain("<foreignObject", markup);
        Assert.DoesNotContain("onload=", markup);

        var svg = XElement.Parse(markup);
        Assert.Equal(hostile, svg.Element(Svg + "title")!.Value);
        Assert.Subset(new HashSet<string> { "svg", "title", "desc", "rect", "line", "text", "g" }, svg.DescendantsAndSelf().Select(e => e.Name.LocalName).ToHashSet());
        Assert.All(svg.DescendantsAndSelf().Attributes(), a =>
        {
            Assert.DoesNotContain("href", a.Name.LocalName);
            Assert.False(a.Name.LocalName.StartsWith("on"), a.Name.LocalName);
            Assert.DoesNotContain("url(", a.Value);
        });
        Assert.Single(svg.DescendantsAndSelf().Attributes("font-family"));
    }

    [Fact]
    public void A_long_label_is_shortened_with_its_full_text_as_a_tooltip()
    {
        const string label = "Accompagnement psychosocial des candidats à la validation des compétences, avant et après l'épreuve";
        var svg = Draw(ChartKind.Bars, Table("Practices", ["Practice", "Readers"], [Cell.Of(label), Cell.People(40)]));
        var group = svg.Descendants(Svg + "g").First();
        Assert.Equal(label, group.Element(Svg + "title")!.Value);
        var lines = svg.Descendants(Svg + "g").Where(g => g.Element(Svg + "title")!.Value == label).Select(g => g.Element(Svg + "text")!.Value).ToList();
        Assert.Equal(2, lines.Count);
        Assert.EndsWith("…", lines[1]);
        Assert.All(lines, l => Assert.True(l.Length <= 30, l));
    }

    [Fact]
    public void Columns_over_time_rise_to_a_round_scale_and_hide_small_counts()
    {
        // Highest value 12 → scale of 20 (steps of 5): 12 learners rise 12 / 20 × 200 = 120.
        var table = Table("Registrations per month", ["Month", "Registrations"],
            [Cell.Of("October"), Cell.People(12)],
            [Cell.Of("November"), Cell.People(3)],
            [Cell.Of("December"), Cell.People(0)]);
        var svg = Draw(ChartKind.OverTime, table);
        var columns = Bars(svg, ChartLayout.Palette[0]);
        var column = Assert.Single(columns);
        Assert.Equal(120, Number(column, "height"), 1);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["12", "< 5", "0"], texts.Where(t => t is "12" or "< 5" or "0").Skip(1).ToList());
        Assert.Contains("20", texts);
        Assert.Contains("5", texts);
        Assert.Contains("November", texts);
    }

    [Fact]
    public void A_histogram_has_one_touching_column_per_band()
    {
        var counts = new long[] { 0, 0, 5, 6, 8, 10, 20, 12, 9, 5 };
        var table = Table("Scores", ["Band", "Learners"], [.. counts.Select((n, i) => new[] { Cell.Of($"{i * 10}–{i * 10 + 10}%"), Cell.People(n) })]);
        var svg = Draw(ChartKind.Histogram, table);
        var columns = Bars(svg, ChartLayout.Palette[0]);
        Assert.Equal(8, columns.Count);
        // Scale 20 (highest 20): a band of 10 learners is 100 high; the plot is 572 wide, 57.2 a band.
        Assert.Equal(100, Number(columns[3], "height"), 1);
        Assert.All(columns, c => Assert.Equal(57.2, Number(c, "width"), 1));
        for (var i = 1; i < columns.Count; i++)
        {
            Assert.Equal(Number(columns[i - 1], "x") + Number(columns[i - 1], "width"), Number(columns[i], "x"), 1);
        }
    }

    [Fact]
    public void Progress_against_an_objective_fills_its_share_and_says_it()
    {
        var table = Table("Objectives", ["Indicator", "Achieved", "Objective"],
            [Cell.Of("Structures reached"), Cell.Count(14), Cell.Count(20)],
            [Cell.Of("People informed"), Cell.Count(433), Cell.Count(320)]);
        var svg = Draw(ChartKind.Progress, table);
        var fills = Bars(svg, ChartLayout.Palette[0]);
        Assert.Equal([436.8, 624.0], fills.Select(f => Number(f, "width")));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("14 / 20 · 70.0%", texts);
        Assert.Contains("433 / 320 · 135.3%", texts);

        var french = Draw(ChartKind.Progress, table, culture: "fr").Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("14 / 20 · 70,0 %", french);
    }

    [Fact]
    public void Two_charts_on_one_page_have_different_ids()
    {
        var ids = new[] { "completion", "scores" }
            .SelectMany(p => Draw(ChartKind.Bars, Completion(), p).DescendantsAndSelf().Attributes("id").Select(a => a.Value))
            .ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Colours_contrast_with_the_white_background()
    {
        foreach (var colour in ChartLayout.Palette.Append(ChartLayout.Axis))
        {
            Assert.True(Contrast(colour, "#ffffff") >= 3, colour);
        }

        Assert.True(Contrast(ChartLayout.Ink, ChartLayout.Paper) >= 4.5);
    }

    /// <summary>WCAG 2.1 contrast ratio.</summary>
    private static double Contrast(string a, string b)
    {
        static double Luminance(string hex)
        {
            double Channel(int i)
            {
                var c = Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }

            return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
        }

        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }
}
