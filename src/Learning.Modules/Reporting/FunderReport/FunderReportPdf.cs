using System.Globalization;
using Learning.Modules.Core.Pdf;
using Learning.Modules.Reporting.Charts;
using Learning.Modules.Reporting.Tables;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Learning.Modules.Reporting.FunderReport;

/// <summary>
/// The funder's report as an A4 PDF drawn with PDFsharp (DejaVu Sans embedded, so every letter of the six
/// languages prints): a header with the tenant and the period and "n / N" on every page, the objectives
/// against achievements, then each section's chart (the same shapes as the page's SVG, drawn as vector
/// graphics) and table. Tables break across pages and repeat their header row; long labels wrap.
/// </summary>
public static class FunderReportPdf
{
    private const double Margin = 50;

    public static byte[] Render(FunderReportContent model)
    {
        PdfFonts.EnsureRegistered();
        var culture = model.CultureInfo;
        using var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Subject = model.PeriodText;
        document.Info.Creator = model.TenantName;
        document.Internals.Catalog.Elements["/Lang"] = new PdfString(model.Culture);
        var writer = new Writer(document);

        writer.Paragraph(model.Title, 18, bold: true);
        writer.Paragraph(model.TenantName + " — " + model.PeriodText, 11, bold: false);
        writer.Paragraph(model.GeneratedText, 9, bold: false, XColors.DimGray);
        writer.Space(10);

        if (model.Objectives.Count > 0)
        {
            var objectives = model.ObjectivesTable();
            writer.Paragraph(objectives.Title, 13.5, bold: true);
            writer.Table(objectives, culture);
            writer.Chart(ChartLayout.Lay(ChartKind.Progress, model.ObjectivesChartTable(), culture, cell => CellFormat.Display(cell, culture)));
        }

        foreach (var section in model.Sections)
        {
            writer.Space(8);
            writer.Paragraph(section.Heading, 13.5, bold: true, keepWithNext: 120);
            if (!string.IsNullOrWhiteSpace(section.Text))
            {
                writer.Paragraph(section.Text, 10, bold: false);
            }

            if (!string.IsNullOrWhiteSpace(section.Table.Description))
            {
                writer.Paragraph(section.Table.Description, 9.5, bold: false, XColors.DimGray);
            }

            if (section.Chart is { } kind && section.Table.Rows.Count > 0)
            {
                writer.Chart(ChartLayout.Lay(kind, section.Table, culture, cell => CellFormat.Display(cell, culture)));
            }

            writer.Table(section.Table, culture);
        }

        writer.Finish(model.TenantName, model.PeriodText);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>Lays content down A4 pages, opening a new page when the next piece does not fit.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private readonly List<XGraphics> pages = [];
        private XGraphics graphics = null!;
        private double y = double.MaxValue;
        private double pageHeight;
        private double pageWidth;

        private double ContentWidth => pageWidth - 2 * Margin;

        public void Space(double points) => y += points;

        public void Paragraph(string text, double size, bool bold, XColor? color = null, double keepWithNext = 0)
        {
            var font = Font(size, bold);
            var lineHeight = size * 1.35;
            EnsureRoom(lineHeight + keepWithNext);
            var brush = new XSolidBrush(color ?? XColors.Black);
            foreach (var line in Wrap(text, font, pageWidth > 0 ? ContentWidth : 495))
            {
                EnsureRoom(lineHeight);
                graphics.DrawString(line, font, brush, Margin, y + size);
                y += lineHeight;
            }

            y += size * 0.35;
        }

        public void Chart(ChartDrawing drawing)
        {
            EnsureRoom(10);
            // A chart fits one page: narrowed to the text's width, and shrunk when taller than a page; one
            // that would shrink past reading (a long list of bars) is left to its table, which has every figure.
            var scale = Math.Min(1, Math.Min(ContentWidth / drawing.Width, (pageHeight - 2 * Margin) / drawing.Height));
            if (scale < 0.45)
            {
                return;
            }

            var height = drawing.Height * scale;
            EnsureRoom(height);
            var left = Margin;
            var top = y;
            foreach (var shape in drawing.Shapes)
            {
                switch (shape)
                {
                    case ChartRect r:
                        var rect = new XRect(left + r.X * scale, top + r.Y * scale, r.Width * scale, r.Height * scale);
                        graphics.DrawRectangle(new XSolidBrush(Colour(r.Fill)), rect);
                        if (r.Stroke is not null)
                        {
                            graphics.DrawRectangle(new XPen(Colour(r.Stroke), 1.2 * scale), rect);
                        }

                        break;
                    case ChartLine l:
                        graphics.DrawLine(new XPen(Colour(l.Stroke), l.Thickness * scale), left + l.X1 * scale, top + l.Y1 * scale, left + l.X2 * scale, top + l.Y2 * scale);
                        break;
                    case ChartText t:
                        var font = Font(t.Size * scale, t.Bold);
                        var width = graphics.MeasureString(t.Text, font).Width;
                        var x = left + t.X * scale - (t.Anchor switch { ChartAnchor.Middle => width / 2, ChartAnchor.End => width, _ => 0 });
                        graphics.DrawString(t.Text, font, new XSolidBrush(Colour(t.Fill)), x, top + t.Y * scale);
                        break;
                }
            }

            y += height + 8;
        }

        /// <summary>A table whose rows wrap in their columns, breaking across pages with the header row repeated.</summary>
        public void Table(ReportTable table, CultureInfo culture)
        {
            const double size = 9;
            const double padding = 3;
            var font = Font(size, bold: false);
            var bold = Font(size, bold: true);
            var lineHeight = size * 1.3;
            EnsureRoom(lineHeight * 3);
            var count = Math.Max(1, table.Columns.Count);
            // The label column takes what the figure columns leave.
            var figureWidth = count == 1 ? 0 : Math.Min(95, ContentWidth * 0.6 / (count - 1));
            var widths = Enumerable.Range(0, count).Select(c => c == 0 ? ContentWidth - figureWidth * (count - 1) : figureWidth).ToArray();
            var header = table.Columns.Select((name, c) => Wrap(name, bold, widths[c] - 2 * padding)).ToList();
            var headerHeight = header.Max(h => h.Count) * lineHeight + 2 * padding;

            DrawHeader();
            foreach (var row in table.Rows)
            {
                var cells = Enumerable.Range(0, count).Select(c => c < row.Count ? row[c] : Cell.Empty).ToList();
                var lines = cells.Select((cell, c) => Wrap(CellFormat.Display(cell, culture), font, widths[c] - 2 * padding)).ToList();
                var height = lines.Max(l => l.Count) * lineHeight + 2 * padding;
                if (y + height > pageHeight - Margin)
                {
                    NewPage();
                    DrawHeader();
                }

                var x = Margin;
                for (var c = 0; c < count; c++)
                {
                    var numeric = cells[c].Kind != CellKind.Text;
                    for (var l = 0; l < lines[c].Count; l++)
                    {
                        var text = lines[c][l];
                        var textX = numeric ? x + widths[c] - padding - graphics.MeasureString(text, font).Width : x + padding;
                        graphics.DrawString(text, font, XBrushes.Black, textX, y + padding + size + l * lineHeight);
                    }

                    x += widths[c];
                }

                y += height;
                graphics.DrawLine(new XPen(XColor.FromArgb(0xBF, 0xBF, 0xBF), 0.5), Margin, y, Margin + ContentWidth, y);
            }

            y += 10;

            void DrawHeader()
            {
                EnsureRoom(headerHeight + lineHeight * 2);
                graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xEE, 0xEE, 0xEE)), Margin, y, ContentWidth, headerHeight);
                var x = Margin;
                for (var c = 0; c < count; c++)
                {
                    // Headers of figure columns are aligned with their figures, on the right.
                    var numeric = table.ColumnKind(c) != CellKind.Text;
                    for (var l = 0; l < header[c].Count; l++)
                    {
                        var textX = numeric ? x + widths[c] - padding - graphics.MeasureString(header[c][l], bold).Width : x + padding;
                        graphics.DrawString(header[c][l], bold, XBrushes.Black, textX, y + padding + size + l * lineHeight);
                    }

                    x += widths[c];
                }

                y += headerHeight;
            }
        }

        /// <summary>Header (tenant, period) and "n / N" on every page, once the number of pages is known.</summary>
        public void Finish(string tenant, string period)
        {
            var font = Font(8, bold: false);
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                page.DrawString(tenant, font, XBrushes.DimGray, Margin, Margin - 18);
                var periodWidth = page.MeasureString(period, font).Width;
                page.DrawString(period, font, XBrushes.DimGray, pageWidth - Margin - periodWidth, Margin - 18);
                page.DrawLine(new XPen(XColors.DarkGray, 0.5), Margin, Margin - 12, pageWidth - Margin, Margin - 12);
                var number = $"{i + 1} / {pages.Count}";
                page.DrawString(number, font, XBrushes.DimGray, (pageWidth - page.MeasureString(number, font).Width) / 2, pageHeight - Margin / 2);
                page.Dispose();
            }
        }

        private void EnsureRoom(double height)
        {
            if (y + height > pageHeight - Margin)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            pageHeight = page.Height.Point;
            pageWidth = page.Width.Point;
            graphics = XGraphics.FromPdfPage(page);
            pages.Add(graphics);
            y = Margin;
        }

        /// <summary>Words laid on lines no wider than <paramref name="width"/>; a word too long for a line is cut.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var piece = word;
                    while (Width(piece, font) > width && piece.Length > 1)
                    {
                        var cut = piece.Length - 1;
                        while (cut > 1 && Width(piece[..cut], font) > width)
                        {
                            cut--;
                        }

                        if (line.Length > 0)
                        {
                            lines.Add(line);
                            line = "";
                        }

                        lines.Add(piece[..cut]);
                        piece = piece[cut..];
                    }

                    var candidate = line.Length == 0 ? piece : line + " " + piece;
                    if (line.Length > 0 && Width(candidate, font) > width)
                    {
                        lines.Add(line);
                        line = piece;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                lines.Add(line);
            }

            return lines;
        }

        private double Width(string text, XFont font) => graphics is null ? text.Length * font.Size * 0.55 : graphics.MeasureString(text, font).Width;

        private static XFont Font(double size, bool bold) => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        private static XColor Colour(string hex) => XColor.FromArgb(
            Convert.ToInt32(hex.Substring(1, 2), 16), Convert.ToInt32(hex.Substring(3, 2), 16), Convert.ToInt32(hex.Substring(5, 2), 16));
    }
}
