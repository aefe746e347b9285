using System.Globalization;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Learning.Modules.Reporting.Charts;
using Learning.Modules.Reporting.Tables;

namespace Learning.Tests.Reporting;

public sealed class ReportFigureTests
{
    private static IDocument Render(ReportFigure figure, string culture = "fr")
    {
        using var writer = new StringWriter();
        ReportFigureTagHelper.Build(figure, CultureInfo.GetCultureInfo(culture), ReportStrings.In(culture)).WriteTo(writer, HtmlEncoder.Default);
        return new HtmlParser().ParseDocument("<main>" + writer + "</main>");
    }

    private static ReportTable Structures(string name) => new("structures", "Structures atteintes", "Apprenants par structure.", ["Structure", "Apprenants", "Taux de réussite"],
    [
        [Cell.Of(name), Cell.People(12), Cell.Percent(75m)],
        [Cell.Of("Etterbeek"), Cell.People(3), Cell.Percent(null, suppressed: true)],
    ]);

    [Fact]
    public void A_figure_has_its_caption_its_chart_its_table_and_the_download_links_the_page_gives()
    {
        var page = Render(new ReportFigure(Structures("Schaerbeek"), ChartKind.Bars, "structures", "/fr/admin/reports?handler=Csv&table=structures", "/fr/admin/reports?handler=Xlsx&table=structures"));
        var figure = page.QuerySelector("figure")!;
        Assert.Equal(figure.QuerySelector("figcaption")!.Id, figure.GetAttribute("aria-labelledby"));
        Assert.Contains("Structures atteintes", figure.QuerySelector("figcaption")!.TextContent);

        var svg = figure.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("structures-chart-title structures-chart-desc", svg.GetAttribute("aria-labelledby"));

        var table = figure.QuerySelector("table")!;
        Assert.Equal("Chiffres : Structures atteintes", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Structure", "Apprenants", "Taux de réussite"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
        Assert.Equal(["Schaerbeek", "Etterbeek"], table.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent));
        Assert.Equal(["12", "75,0 %", "< 5", "< 5"], table.QuerySelectorAll("tbody td").Select(td => td.TextContent));
        Assert.Contains("Moins de 5", figure.QuerySelector(".hint")!.TextContent);

        var links = figure.QuerySelectorAll("a[download]").ToList();
        Assert.Equal(["/fr/admin/reports?handler=Csv&table=structures", "/fr/admin/reports?handler=Xlsx&table=structures"], links.Select(a => a.GetAttribute("href")));
        Assert.StartsWith("Télécharger en CSV", links[0].TextContent);
        Assert.Contains("Structures atteintes", links[0].QuerySelector(".visually-hidden")!.TextContent);
    }

    [Fact]
    public void A_structure_name_with_markup_is_shown_as_text()
    {
        const string name = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        var page = Render(new ReportFigure(Structures(name), ChartKind.Bars, "s"));
        Assert.Empty(page.QuerySelectorAll("script, img"));
        Assert.Equal(name, page.QuerySelector("tbody th")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("a"));
    }

    [Fact]
    public void A_figure_without_a_chart_is_its_table()
    {
        var page = Render(new ReportFigure(Structures("Ixelles"), null, "t"));
        Assert.Null(page.QuerySelector("svg"));
        Assert.NotNull(page.QuerySelector("figure table"));
    }
}
