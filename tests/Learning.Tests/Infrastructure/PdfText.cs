using System.Diagnostics;

namespace Learning.Tests.Infrastructure;

/// <summary>A PDF's text as poppler's pdftotext reads it (what a person copying from the PDF would get).</summary>
public static class PdfText
{
    public static string Of(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"learning-{Guid.NewGuid():n}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", "-layout", file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
