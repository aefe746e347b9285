using Learning.Modules.Content;
using Markdig;
using Markdig.Syntax;
using PdfSharp.Drawing;
using Learning.Modules.Core.Pdf;
using PdfSharp.Pdf;

namespace Learning.Modules.Toolbox;

/// <summary>
/// The downloadable sheet of a practice: an A4 PDF drawn with PDFsharp, with DejaVu Sans embedded so
/// that every letter of the six languages prints and can be copied. Files are kept per published
/// version, so a new publication gives a new PDF.
/// </summary>
public sealed class PracticePdf
{
    private const double Margin = 56;
    public PracticePdf() => PdfFonts.EnsureRegistered();

    /// <summary>The PDF of a published version, from the tenant's cache folder or drawn now.</summary>
    public async Task<byte[]> GetAsync(string cacheFolder, PracticeSheet sheet, CancellationToken cancellationToken)
    {
        // The address printed on the sheet is part of the name, so a changed base URL draws the sheet again.
        var file = Path.Combine(cacheFolder, $"practice-{sheet.VersionId}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sheet.Address)))[..12]}.pdf");
        if (File.Exists(file))
        {
            return await File.ReadAllBytesAsync(file, cancellationToken);
        }

        var bytes = Draw(sheet);
        Directory.CreateDirectory(cacheFolder);
        var temporary = file + "." + Guid.NewGuid().ToString("n");
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, file, overwrite: true);
        return bytes;
    }

    public static byte[] Draw(PracticeSheet sheet)
    {
        using var document = new PdfDocument();
        document.Info.Title = sheet.Title;
        document.Info.Subject = sheet.Summary;
        document.Info.Creator = sheet.SiteName;
        document.Internals.Catalog.Elements["/Lang"] = new PdfString(sheet.Culture);
        var writer = new PageWriter(document);

        writer.Paragraph(sheet.SiteName, 9, bold: false, XColors.DimGray);
        writer.Paragraph(sheet.Title, 18, bold: true);
        writer.Paragraph(sheet.Summary, 11, bold: false, XColors.DimGray);
        writer.Space(6);
        foreach (var (label, value) in sheet.Facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
        {
            writer.Paragraph($"{label}: {value}", 9.5, bold: false);
        }

        writer.Space(8);
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().UseListExtras().Build();
        foreach (var block in Markdown.Parse(sheet.Body, pipeline))
        {
            switch (block)
            {
                case HeadingBlock heading:
                    writer.Space(heading.Level <= 2 ? 8 : 4);
                    writer.Paragraph(PlainText(sheet.Body, heading, pipeline), heading.Level <= 2 ? 13.5 : 11.5, bold: true);
                    break;
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        writer.Paragraph(PlainText(sheet.Body, item, pipeline), 10.5, bold: false, indent: 14, bullet: list.IsOrdered ? $"{number++}." : "•");
                    }

                    break;
                default:
                    writer.Paragraph(PlainText(sheet.Body, block, pipeline), 10.5, bold: false);
                    break;
            }
        }

        writer.Footer(sheet.Address);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static string PlainText(string markdown, Block block, MarkdownPipeline pipeline)
    {
        var source = block is ListItemBlock item
            ? string.Join("\n", item.Select(b => markdown.Substring(b.Span.Start, b.Span.Length)))
            : markdown.Substring(block.Span.Start, block.Span.Length);
        return Markdown.ToPlainText(block is HeadingBlock ? source.TrimStart('#', ' ') : source, pipeline).Trim().Replace('\n', ' ');
    }

    /// <summary>Flows wrapped paragraphs down A4 pages, starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private readonly List<XGraphics> pages = [];
        private XGraphics graphics = null!;
        private double y = double.MaxValue;
        private double pageHeight;
        private double pageWidth;

        public void Space(double points) => y += points;

        public void Paragraph(string text, double size, bool bold, XColor? color = null, double indent = 0, string? bullet = null)
        {
            var font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var brush = new XSolidBrush(color ?? XColors.Black);
            var lineHeight = size * 1.35;
            EnsureRoom(lineHeight);
            var left = Margin + indent;
            var width = pageWidth - Margin - left;
            if (bullet is not null)
            {
                graphics.DrawString(bullet, font, brush, left - 14, y + size);
            }

            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (graphics.MeasureString(candidate, font).Width > width && line.Length > 0)
                {
                    graphics.DrawString(line, font, brush, left, y + size);
                    y += lineHeight;
                    EnsureRoom(lineHeight);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            graphics.DrawString(line, font, brush, left, y + size);
            y += lineHeight + size * 0.35;
        }

        public void Footer(string address)
        {
            var font = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
            for (var i = 0; i < pages.Count; i++)
            {
                pages[i].DrawString($"{address}  —  {i + 1}/{pages.Count}", font, XBrushes.DimGray, Margin, pageHeight - Margin / 2);
                pages[i].Dispose();
            }
        }

        private void EnsureRoom(double height)
        {
            if (y + height <= pageHeight - Margin)
            {
                return;
            }

            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            pageHeight = page.Height.Point;
            pageWidth = page.Width.Point;
            graphics = XGraphics.FromPdfPage(page);
            pages.Add(graphics);
            y = Margin;
        }
    }
}

/// <summary>What the PDF of a practice shows.</summary>
public sealed record PracticeSheet(int VersionId, string Culture, string SiteName, string Title, string Summary, IReadOnlyList<(string Label, string Value)> Facts, string Body, string Address);
