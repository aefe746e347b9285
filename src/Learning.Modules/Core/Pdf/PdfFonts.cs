using System.Reflection;
using PdfSharp.Fonts;

namespace Learning.Modules.Core.Pdf;

/// <summary>
/// DejaVu Sans, shipped inside the assembly (Core/Pdf/Fonts), so that PDFs never depend on the server's
/// fonts and print every letter of the six languages.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Setup = new();

    /// <summary>Prepares PDFsharp once per process: its fonts.</summary>
    public static void EnsureRegistered()
    {
        lock (Setup)
        {
            GlobalFontSettings.FontResolver ??= new PdfFonts();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Fonts.{faceName}.ttf")
                           ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
