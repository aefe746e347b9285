using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Learning.Modules.Reporting.Exports;
using Learning.Modules.Reporting.Tables;
using Cell = Learning.Modules.Reporting.Tables.Cell;
using SheetCell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using SheetStyle = DocumentFormat.OpenXml.Spreadsheet.CellFormat;

namespace Learning.Tests.Reporting;

public sealed class ExportTests
{
    private static ReportTable Structures(string title = "Structures atteintes") => new("structures", title, "Apprenants par structure.",
        ["Structure", "Apprenants", "Taux de réussite", "Indice"],
        [
            [Cell.Of("Schaerbeek; Saint-Josse"), Cell.People(1158), Cell.Percent(12.5m), Cell.Decimal(-3.25m)],
            [Cell.Of("=HYPERLINK(\"http://evil\")"), Cell.People(2), Cell.Percent(null, suppressed: true), Cell.Empty],
            [Cell.Of("Ixelles \"Centre\""), Cell.People(0), Cell.Percent(100m), Cell.Decimal(0.5m)],
        ]);

    private static string[] CsvLines(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
    }

    [Fact]
    public void French_csv_has_a_byte_order_mark_semicolons_decimal_commas_and_says_so_in_its_header()
    {
        var lines = CsvLines(CsvExport.ToBytes([Structures()], CultureInfo.GetCultureInfo("fr")));
        Assert.Equal(
        [
            "Structure;Apprenants;Taux de réussite (%, virgule décimale);Indice (virgule décimale)",
            "\"Schaerbeek; Saint-Josse\";1158;12,5;-3,25",
            "\"'=HYPERLINK(\"\"http://evil\"\")\";< 5;< 5;",
            "\"Ixelles \"\"Centre\"\"\";0;100,0;0,50",
            "",
        ], lines);
    }

    [Fact]
    public void English_csv_has_commas_and_decimal_points()
    {
        var table = Structures() with { Columns = ["Structure", "Learners", "Pass rate", "Index"] };
        var lines = CsvLines(CsvExport.ToBytes([table], CultureInfo.GetCultureInfo("en")));
        Assert.Equal("Structure,Learners,\"Pass rate (%, decimal point)\",Index (decimal point)", lines[0]);
        Assert.Equal("Schaerbeek; Saint-Josse,1158,12.5,-3.25", lines[1]);
        Assert.Equal("\"Ixelles \"\"Centre\"\"\",0,100.0,0.50", lines[3]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Molenbeek", "Molenbeek")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_defused(string typed, string written) =>
        Assert.Equal(written, CsvExport.Defused(typed));

    [Fact]
    public void Several_tables_in_one_csv_each_start_with_their_title()
    {
        var second = new ReportTable("parts", "Parties", "", ["Partie", "Apprenants"], [[Cell.Of("Partie 1"), Cell.People(7)]]);
        var lines = CsvLines(CsvExport.ToBytes([Structures(), second], CultureInfo.GetCultureInfo("hu")));
        Assert.Equal("Structures atteintes", lines[0]);
        Assert.Equal("Structure;Apprenants;Taux de réussite (%, tizedesvessző);Indice (tizedesvessző)", lines[1]);
        Assert.Equal("", lines[5]);
        Assert.Equal(["Parties", "Partie;Apprenants", "Partie 1;7", ""], lines[6..]);
    }

    [Fact]
    public void The_workbook_is_valid_and_holds_numbers_percentages_and_hidden_counts_as_text()
    {
        var bytes = XlsxExport.ToBytes([Structures()], CultureInfo.GetCultureInfo("fr"));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));

        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Structures atteintes", sheet.Name!.Value);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var cells = worksheet.Descendants<SheetCell>().ToDictionary(c => c.CellReference!.Value!);
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        SheetStyle Style(string reference) => styles.CellFormats!.Elements<SheetStyle>().ElementAt((int)(cells[reference].StyleIndex?.Value ?? 0));
        string Read(string reference) => cells[reference].DataType?.Value == CellValues.InlineString ? cells[reference].InlineString!.InnerText : cells[reference].CellValue!.Text;
        bool IsNumber(string reference) => cells[reference].DataType?.Value == CellValues.Number;

        Assert.Equal("Structures atteintes", Read("A1"));
        Assert.Equal(["Structure", "Apprenants", "Taux de réussite", "Indice"], new[] { "A2", "B2", "C2", "D2" }.Select(Read));
        Assert.True(styles.Fonts!.Elements<Font>().ElementAt((int)Style("B2").FontId!.Value).Bold is not null);

        Assert.True(IsNumber("B3"));
        Assert.Equal(1158m, decimal.Parse(Read("B3"), CultureInfo.InvariantCulture));
        Assert.True(IsNumber("C3"));
        Assert.Equal(0.125m, decimal.Parse(Read("C3"), CultureInfo.InvariantCulture));
        Assert.Equal("0.0%", styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == Style("C3").NumberFormatId!.Value).FormatCode!.Value);
        Assert.Equal(-3.25m, decimal.Parse(Read("D3"), CultureInfo.InvariantCulture));
        // A workbook keeps formulas apart (<f>), so text is never run: it is written as typed.
        Assert.Equal("=HYPERLINK(\"http://evil\")", Read("A4"));
        Assert.Equal(CellValues.InlineString, cells["A4"].DataType!.Value);
        Assert.Equal("< 5", Read("B4"));
        Assert.Equal("< 5", Read("C4"));
        Assert.False(cells.ContainsKey("D4"));
        Assert.Equal(0m, decimal.Parse(Read("B5"), CultureInfo.InvariantCulture));
        Assert.Equal(1m, decimal.Parse(Read("C5"), CultureInfo.InvariantCulture));

        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(2, pane.VerticalSplit!.Value);
        Assert.Equal(4, worksheet.Descendants<Column>().Count(c => c.CustomWidth?.Value == true));
    }

    [Fact]
    public void Sheet_names_are_short_unique_and_free_of_the_characters_excel_refuses()
    {
        const string long1 = "A very long title of a table about learners per structure";
        var tables = new[] { Structures("Réussite [partie]: 1/4?"), Structures(long1), Structures(long1), Structures("*") };
        var bytes = XlsxExport.ToBytes(tables, CultureInfo.GetCultureInfo("en"));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));
        Assert.Equal(
            ["Réussite partie 1 4", "A very long title of a table ab", "A very long title of a tabl (2)", "4"],
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Theory]
    [InlineData("Achèvement par partie", "achevement-par-partie.csv")]
    [InlineData("Résztvevők száma: 2024/Ő", "resztvevok-szama-2024-o.csv")]
    [InlineData("\"; filename=evil.exe", "filename-evil-exe.csv")]
    [InlineData("<>", "report.csv")]
    public void Download_names_are_plain_ascii(string title, string name) =>
        Assert.Equal(name, ReportFile.FileName(title, "csv"));

    [Fact]
    public void A_download_carries_its_type_and_name()
    {
        var csv = ReportFile.Csv([Structures()], CultureInfo.GetCultureInfo("fr"), "Structures atteintes");
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.Equal("structures-atteintes.csv", csv.FileDownloadName);
        Assert.Equal(CsvExport.ToBytes([Structures()], CultureInfo.GetCultureInfo("fr")), csv.FileContents);
        var workbook = ReportFile.Xlsx([Structures()], CultureInfo.GetCultureInfo("fr"), "Structures atteintes");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.ContentType);
        Assert.Equal("structures-atteintes.xlsx", workbook.FileDownloadName);
    }
}
