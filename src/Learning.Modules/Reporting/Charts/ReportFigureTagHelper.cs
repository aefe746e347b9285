using System.Globalization;
using Learning.Modules.Reporting.Tables;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Reporting.Charts;

/// <summary>
/// <c>&lt;report-figure figure="@Model.Completion" /&gt;</c>: a &lt;figure&gt; with its caption, the chart as
/// inline SVG, the same figures as a table beside it (caption, header cells with their scope) and links to
/// download the table as CSV and as a workbook. Pages of the Reporting module get it from its _ViewImports.
/// </summary>
[HtmlTargetElement("report-figure", Attributes = "figure", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ReportFigureTagHelper(IStringLocalizer<ReportingStrings> strings) : TagHelper
{
    public ReportFigure Figure { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(Build(Figure, CultureInfo.CurrentCulture, strings));
    }

    /// <summary>The figure's markup; every text is encoded, and the SVG is built by <see cref="SvgChart"/>, which escapes its texts.</summary>
    public static IHtmlContent Build(ReportFigure figure, CultureInfo culture, IStringLocalizer S)
    {
        var table = figure.Table;
        var id = SvgChart.SafeId(figure.IdPrefix);
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<figure class=\"report-figure\" id=\"{id}\" aria-labelledby=\"{id}-caption\">");
        html.AppendHtml($"<figcaption id=\"{id}-caption\"><span class=\"report-figure__title\">").Append(table.Title).AppendHtml("</span> ");
        html.AppendHtml("<span class=\"report-figure__description\">").Append(table.Description).AppendHtml("</span></figcaption>");
        html.AppendHtml("<div class=\"report-figure__body\">");
        if (figure.Chart is { } kind && table.Rows.Count > 0)
        {
            html.AppendHtml("<div class=\"report-figure__chart\">")
                .AppendHtml(SvgChart.Draw(kind, table, id + "-chart", culture, S))
                .AppendHtml("</div>");
        }

        html.AppendHtml($"<div class=\"table-wrap report-figure__table\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}-table\">");
        html.AppendHtml("<table>");
        html.AppendHtml($"<caption id=\"{id}-table\">").Append(S["Figures: {0}", table.Title].Value).AppendHtml("</caption>");
        html.AppendHtml("<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.AppendHtml("<th scope=\"col\">").Append(column).AppendHtml("</th>");
        }

        html.AppendHtml("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.AppendHtml("<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = c < row.Count ? row[c] : Cell.Empty;
                var tag = c == 0 ? "th" : "td";
                var attributes = c == 0 ? " scope=\"row\"" : cell.Kind == CellKind.Text ? "" : " class=\"num\"";
                html.AppendHtml($"<{tag}{attributes}>").Append(CellFormat.Display(cell, culture, S)).AppendHtml($"</{tag}>");
            }

            html.AppendHtml("</tr>");
        }

        html.AppendHtml("</tbody></table></div></div>");
        if (table.Rows.Any(r => r.Any(c => c.Suppressed)))
        {
            html.AppendHtml("<p class=\"hint\">").Append(S["< 5"].Value + ": " + S["Fewer than 5 learners: figures about so few people are not shown."].Value).AppendHtml("</p>");
        }

        if (figure.CsvHref is not null || figure.XlsxHref is not null)
        {
            html.AppendHtml("<p class=\"actions report-figure__downloads\">");
            Link(html, figure.CsvHref, S["Download as CSV"].Value, table.Title);
            Link(html, figure.XlsxHref, S["Download as an Excel workbook"].Value, table.Title);
            html.AppendHtml("</p>");
        }

        html.AppendHtml("</figure>");
        return html;
    }

    private static void Link(HtmlContentBuilder html, string? href, string text, string title)
    {
        if (href is null)
        {
            return;
        }

        var link = new TagBuilder("a");
        link.Attributes["href"] = href;
        link.Attributes["download"] = "";
        link.InnerHtml.Append(text);
        link.InnerHtml.AppendHtml("<span class=\"visually-hidden\"> – ").Append(title).AppendHtml("</span>");
        html.AppendHtml(link);
        html.AppendHtml(" ");
    }
}
