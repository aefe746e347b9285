using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Learning.Modules.Reporting.Tables;
using ReportCell = Learning.Modules.Reporting.Tables.Cell;
using SheetCell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using CellFormat = Learning.Modules.Reporting.Tables.CellFormat;
using SheetStyle = DocumentFormat.OpenXml.Spreadsheet.CellFormat;

namespace Learning.Modules.Reporting.Exports;

/// <summary>
/// Report tables as an Excel workbook (Office Open XML), one sheet per table: its title in the first row,
/// the header row (bold, frozen with the title) in the second, then the rows. Figures are numbers that
/// spreadsheets compute with, whatever their language: counts with digit grouping, percentages stored as
/// fractions with a "0.0%" format, decimals with two places. "&lt; 5" is text; a cell with no value is empty.
/// </summary>
public static class XlsxExport
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int SheetNameLength = 31;

    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint CountStyle = 3;
    private const uint PercentStyle = 4;
    private const uint DecimalStyle = 5;
    private const uint HiddenStyle = 6;
    private const uint PercentFormat = 164;

    public static void Write(Stream stream, IEnumerable<ReportTable> tables, CultureInfo culture)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint number = 0;
        foreach (var table in tables)
        {
            number++;
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Sheet(table, culture, first: number == 1);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = number, Name = SheetName(table.Title, number, names) });
        }

        if (number == 0)
        {
            // A workbook needs a sheet.
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = 1, Name = "1" });
        }

        workbookPart.Workbook.Save();
    }

    public static byte[] ToBytes(IEnumerable<ReportTable> tables, CultureInfo culture)
    {
        using var stream = new MemoryStream();
        Write(stream, tables, culture);
        return stream.ToArray();
    }

    /// <summary>
    /// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending with an
    /// apostrophe, and different (ignoring case) from the names already taken, which it joins.
    /// </summary>
    public static string SheetName(string title, uint number, ISet<string> taken)
    {
        var name = new string(SvgCleanControl(title).Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? ' ' : c).ToArray());
        name = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('\'').Trim();
        if (name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase))
        {
            name = $"{name} {number}".Trim();
        }

        var candidate = Cut(name, SheetNameLength);
        for (var n = 2; taken.Contains(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Cut(name, SheetNameLength - suffix.Length) + suffix;
        }

        taken.Add(candidate);
        return candidate;

        static string Cut(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd().TrimEnd('\'');
    }

    private static Worksheet Sheet(ReportTable table, CultureInfo culture, bool first)
    {
        var columns = Math.Max(1, table.Columns.Count);
        var data = new SheetData();
        data.Append(new Row(TextCell(1, 0, table.Title, TitleStyle)) { RowIndex = 1 });
        data.Append(new Row(table.Columns.Select((name, c) => TextCell(2, c, name, HeaderStyle))) { RowIndex = 2 });
        var widths = table.Columns.Select(c => (double)c.Length).ToArray();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var rowIndex = (uint)r + 3;
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = table.At(r, c);
                var sheetCell = ValueCell(rowIndex, c, cell, culture);
                if (sheetCell is not null)
                {
                    row.Append(sheetCell);
                }

                widths[c] = Math.Max(widths[c], CellFormat.Display(cell, culture).Length);
            }

            data.Append(row);
        }

        var view = new SheetView(
            new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } })
        { WorkbookViewId = 0, TabSelected = first };
        var widthColumns = new Columns(Enumerable.Range(0, columns).Select(c => new Column
        {
            Min = (uint)c + 1,
            Max = (uint)c + 1,
            Width = Math.Clamp((c < widths.Length ? widths[c] : 8) + 3, 8, 60),
            CustomWidth = true,
        }));
        return new Worksheet(new SheetViews(view), widthColumns, data);
    }

    private static SheetCell? ValueCell(uint row, int column, ReportCell cell, CultureInfo culture)
    {
        if (cell.Suppressed)
        {
            return TextCell(row, column, CellFormat.Display(cell, culture), HiddenStyle);
        }

        if (cell.Kind == CellKind.Text || cell.Number is not { } n)
        {
            return string.IsNullOrEmpty(cell.Text) || cell.Kind != CellKind.Text ? null : TextCell(row, column, cell.Text, 0);
        }

        var (value, style) = cell.Kind switch
        {
            CellKind.Percent => (n / 100, PercentStyle),
            CellKind.Decimal => (n, DecimalStyle),
            _ => (n, CountStyle),
        };
        return new SheetCell { CellReference = Reference(row, column), DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };
    }

    private static SheetCell TextCell(uint row, int column, string text, uint style) => new()
    {
        CellReference = Reference(row, column),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(SvgCleanControl(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>"A1"-style reference of a 1-based row and 0-based column.</summary>
    public static string Reference(uint row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + (c - 1) % 26) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static string SvgCleanControl(string text) => Charts.SvgChart.Clean(text);

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new SheetStyle { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new SheetStyle { FontId = 2, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true },
            new SheetStyle { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true },
            new SheetStyle { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 3, ApplyNumberFormat = true },
            new SheetStyle { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = PercentFormat, ApplyNumberFormat = true },
            new SheetStyle { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 4, ApplyNumberFormat = true },
            new SheetStyle(new Alignment { Horizontal = HorizontalAlignmentValues.Right }) { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyAlignment = true })
        { Count = 7 });
}
