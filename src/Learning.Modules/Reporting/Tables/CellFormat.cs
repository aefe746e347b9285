using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Reporting.Tables;

/// <summary>
/// The one place that turns a cell into text, for the page, the charts, the CSV and the PDF: the culture's
/// digits and separators, "&lt; 5" for suppressed figures, "–" for no value, and "%" as each language
/// writes it ("12,5 %" in French, "12,5%" in Hungarian).
/// </summary>
public static class CellFormat
{
    public const string NoValue = "–";
    public const string FewerThanFive = "< 5";
    public const string PercentKey = "{0}%";

    private static readonly ResourceManager Resources = new(typeof(ReportingStrings));

    /// <summary>The text shown on a page (the localizer answers in the request's language).</summary>
    public static string Display(Cell cell, CultureInfo culture, IStringLocalizer strings) =>
        Format(cell, culture, grouped: true, percent: n => strings[PercentKey, n].Value, fewer: () => strings[FewerThanFive].Value, empty: NoValue);

    /// <summary>The same text, with the Reporting strings of <paramref name="culture"/> (exports, PDF).</summary>
    public static string Display(Cell cell, CultureInfo culture) =>
        Format(cell, culture, grouped: true, percent: n => string.Format(culture, Text(PercentKey, culture), n), fewer: () => Text(FewerThanFive, culture), empty: NoValue);

    /// <summary>
    /// The text a spreadsheet reads back as a number: the culture's decimal separator, no digit grouping and
    /// no "%" sign (the CSV's header says the unit), "&lt; 5" kept as text, nothing for no value.
    /// </summary>
    public static string Data(Cell cell, CultureInfo culture) =>
        Format(cell, culture, grouped: false, percent: n => n, fewer: () => Text(FewerThanFive, culture), empty: "");

    /// <summary>A Reporting string in a given culture, for outputs made outside a request's localizer.</summary>
    public static string Text(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    /// <summary>A number as the charts label their axes: grouped digits, as many decimals as it needs (up to two).</summary>
    public static string Number(decimal value, CultureInfo culture) => value.ToString("#,##0.##", culture);

    private static string Format(Cell cell, CultureInfo culture, bool grouped, Func<string, string> percent, Func<string> fewer, string empty)
    {
        if (cell.Suppressed)
        {
            return fewer();
        }

        if (cell.Kind == CellKind.Text || cell.Number is not { } n)
        {
            return cell.Kind == CellKind.Text && !string.IsNullOrEmpty(cell.Text) ? cell.Text : empty;
        }

        var group = grouped ? "#,##0" : "0";
        return cell.Kind switch
        {
            CellKind.Percent => percent(n.ToString(group + ".0", culture)),
            CellKind.Decimal => n.ToString(group + ".00", culture),
            _ => decimal.Round(n).ToString(group, culture),
        };
    }
}
