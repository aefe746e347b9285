using System.Globalization;
using System.Text;
using Learning.Modules.Reporting.FunderReport;
using Learning.Modules.Reporting.Tables;
using Microsoft.AspNetCore.Mvc;

namespace Learning.Modules.Reporting.Exports;

/// <summary>
/// The downloads a report page's handlers return: <c>return ReportFile.Csv([table], culture, table.Title);</c>.
/// File names are cut down to ASCII letters, digits and dashes, so that no typed title reaches a header as is.
/// </summary>
public static class ReportFile
{
    public static FileContentResult Csv(IEnumerable<ReportTable> tables, CultureInfo culture, string name) =>
        new(CsvExport.ToBytes(tables, culture), CsvExport.MediaType + "; charset=utf-8") { FileDownloadName = FileName(name, "csv") };

    public static FileContentResult Xlsx(IEnumerable<ReportTable> tables, CultureInfo culture, string name) =>
        new(XlsxExport.ToBytes(tables, culture), XlsxExport.MediaType) { FileDownloadName = FileName(name, "xlsx") };

    public static FileContentResult Pdf(FunderReportContent report, string name) =>
        new(FunderReportPdf.Render(report), "application/pdf") { FileDownloadName = FileName(name, "pdf") };

    /// <summary>"Achèvement par partie" → "achevement-par-partie.csv"; nothing usable → "report.csv".</summary>
    public static string FileName(string name, string extension)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                plain.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && plain.Length > 0 && plain[^1] != '-')
            {
                plain.Append('-');
            }
        }

        var stem = plain.ToString().Trim('-');
        stem = stem.Length > 60 ? stem[..60].TrimEnd('-') : stem;
        return (stem.Length == 0 ? "report" : stem) + "." + extension;
    }
}
