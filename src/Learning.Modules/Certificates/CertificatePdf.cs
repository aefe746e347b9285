using Learning.Modules.Core.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Learning.Modules.Certificates;

/// <summary>The certificate as a one-page landscape A4 PDF, in the learner's language, with its verification address.</summary>
public static class CertificatePdf
{
    public sealed record Texts(string Site, string Heading, string AwardedTo, string Name, string ForCompleting, string Course, string Date, string Verification, string Address, string Culture);

    public static byte[] Draw(Texts texts)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"{texts.Heading} – {texts.Name}";
        document.Internals.Catalog.Elements["/Lang"] = new PdfString(texts.Culture);
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Landscape;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var (width, height) = (page.Width.Point, page.Height.Point);
            var brand = new XSolidBrush(XColor.FromArgb(11, 92, 173));
            graphics.DrawRectangle(new XPen(XColor.FromArgb(11, 92, 173), 6), 24, 24, width - 48, height - 48);
            void Centered(string text, double size, bool bold, double y, XBrush? brush = null) =>
                graphics.DrawString(text, new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), brush ?? XBrushes.Black,
                    new XRect(48, y, width - 96, size * 1.6), XStringFormats.TopCenter);

            Centered(texts.Site, 14, false, 70, XBrushes.DimGray);
            Centered(texts.Heading, 34, true, 110, brand);
            Centered(texts.AwardedTo, 14, false, 190);
            Centered(texts.Name, 28, true, 220);
            Centered(texts.ForCompleting, 14, false, 280);
            Centered(texts.Course, 18, true, 305);
            Centered(texts.Date, 13, false, 360);
            Centered(texts.Verification, 11, false, height - 110, XBrushes.DimGray);
            Centered(texts.Address, 11, false, height - 90, brand);
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}
