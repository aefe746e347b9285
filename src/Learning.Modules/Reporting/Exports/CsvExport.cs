using System.Globalization;
using System.Text;
using Learning.Modules.Reporting.Tables;

namespace Learning.Modules.Reporting.Exports;

/// <summary>
/// Report tables as CSV, for the spreadsheets funders and partners use.
/// </summary>
/// <remarks>
/// Choices, for a file that opens right when double-clicked:
/// - UTF-8 with a byte-order mark: Excel reads the file as UTF-8 only then (accents, Hungarian ő/ű).
/// - The separator follows the culture: where the decimal separator is a comma (fr, es, ca, it, hu) Excel
///   and LibreOffice in that language split fields on ';', so fields are separated by ';' and numbers keep
///   their decimal comma; elsewhere ',' and the decimal point. No "sep=;" first line: Excel understands it,
///   but every other reader (pandas, R, LibreOffice's import) sees a bogus first row.
/// - The decimal separator is stated in the header of each column that has decimals, e.g.
///   "Pass rate (%, decimal comma)", so the header row stays the first row (RFC 4180) and a reader who
///   imports the file with other settings knows what the numbers mean. Numbers have no digit grouping and no
///   "%" sign, so spreadsheets read them as numbers; "&lt; 5" stays text.
/// - Several tables in one file follow one another, separated by an empty line, each starting with a row
///   holding its title; a single table is the plain header row and its rows.
/// - Text cells starting with '=', '+', '-', '@', a tab or a carriage return get a leading "'" so that a
///   spreadsheet never runs a structure name typed by a user as a formula. Numbers written here are digits
///   (a negative one starts with '-' and stays a number), so the guard is on text only.
/// </remarks>
public static class CsvExport
{
    public const string MediaType = "text/csv";

    public static void Write(Stream stream, IEnumerable<ReportTable> tables, CultureInfo culture)
    {
        var separator = Separator(culture);
        var decimalComma = culture.NumberFormat.NumberDecimalSeparator == ",";
        var list = tables.ToList();
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        for (var t = 0; t < list.Count; t++)
        {
            var table = list[t];
            if (t > 0)
            {
                writer.WriteLine();
            }

            if (list.Count > 1)
            {
                writer.WriteLine(Field(table.Title, separator));
            }

            writer.WriteLine(string.Join(separator, table.Columns.Select((name, c) => Field(Header(table, c, name, culture, decimalComma), separator))));
            foreach (var row in table.Rows)
            {
                writer.WriteLine(string.Join(separator, Enumerable.Range(0, table.Columns.Count).Select(c =>
                {
                    var cell = c < row.Count ? row[c] : Cell.Empty;
                    var text = CellFormat.Data(cell, culture);
                    return Field(cell.Kind == CellKind.Text ? Defused(text) : text, separator);
                })));
            }
        }
    }

    public static byte[] ToBytes(IEnumerable<ReportTable> tables, CultureInfo culture)
    {
        using var stream = new MemoryStream();
        Write(stream, tables, culture);
        return stream.ToArray();
    }

    /// <summary>';' where the culture's decimal separator is a comma, else ','.</summary>
    public static string Separator(CultureInfo culture) => culture.NumberFormat.NumberDecimalSeparator == "," ? ";" : ",";

    private static string Header(ReportTable table, int column, string name, CultureInfo culture, bool decimalComma)
    {
        var key = table.ColumnKind(column) switch
        {
            CellKind.Percent => decimalComma ? "{0} (%, decimal comma)" : "{0} (%, decimal point)",
            CellKind.Decimal => decimalComma ? "{0} (decimal comma)" : "{0} (decimal point)",
            _ => null,
        };
        return Defused(key is null ? name : string.Format(culture, CellFormat.Text(key, culture), name));
    }

    /// <summary>A leading "'" before what a spreadsheet would take for a formula.</summary>
    public static string Defused(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>RFC 4180: a field holding the separator, a quote or a line break is quoted, its quotes doubled.</summary>
    private static string Field(string text, string separator) =>
        text.Contains(separator, StringComparison.Ordinal) || text.IndexOfAny(['"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
