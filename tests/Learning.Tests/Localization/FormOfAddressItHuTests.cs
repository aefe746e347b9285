using System.Text.RegularExpressions;
using System.Xml.Linq;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Localization;

/// <summary>
/// The platform addresses the reader one way per culture (content/README.md, "Language"): it "tu", hu "te"
/// (tegeződés). Sheets, tutorials, MOOC parts, validation banks and interface strings must not fall back to the
/// formal address (it "Lei"/"Voi", hu "Ön"/"Önök"). Each marker below is unambiguous: it cannot occur in a text
/// written in the informal form, and none of them occurs anywhere in the files of its culture otherwise.
/// Every line is read, the videos' cues (what the voice says) and the document banks included.
/// </summary>
public sealed class FormOfAddressItHuTests
{
    private static readonly string Root = Repository.Root;

    private const string NoLetterBefore = @"(?<!\p{L})";
    private const string NoLetterAfter = @"(?!\p{L})";

    private static readonly Dictionary<string, (string Pattern, string What)[]> Markers = new()
    {
        ["it"] =
        [
            ("La preghiamo", "formal request \"La preghiamo\""),
            // A capitalised possessive after a lower-case word is the formal "Suo"; at the start of a sentence it may be "his/her".
            (@"(?<=\p{Ll}[,;:]? )(?:Suo|Sua|Suoi|Sue)" + NoLetterAfter, "formal possessive (Suo, Sua, Suoi, Sue) mid-sentence"),
            (NoLetterBefore + "[Vv]ostr[oaie]" + NoLetterAfter, "plural possessive (vostro, vostra, vostri, vostre)"),
            (NoLetterBefore + "(?:Inserisca|Scelga|Indichi|Legga|Risponda|Crei|Confermi|Si iscriva)" + NoLetterAfter, "formal imperative"),
            (NoLetterBefore + "Le (?:invieremo|abbiamo|stiamo|suggerisce|serve|resta)" + NoLetterAfter, "formal pronoun \"Le\""),
            // A list item opening on a second-person plural imperative: "- Prevedete", "1. Assicuratevi", "- Abbinatelo".
            (@"(?m)^\s*(?:- |\d+\. )\p{Lu}\p{Ll}+(?:ate|ete|ite)(?:vi|lo|la|li|le)?" + NoLetterAfter, "list item opening on a plural imperative (-ate, -ete, -ite)"),
        ],
        ["hu"] =
        [
            (NoLetterBefore + "(?:Ön|Önt|Önnek|Önök|Önnel|Önről|Önhöz|Öntől|Önben|Öné|Önöknek|Önöket|Önökkel)" + NoLetterAfter, "formal pronoun (Ön, Önök…)"),
            (@"Kérjük, \p{Ll}+(?:ja|je|jon|jen|jön)" + NoLetterAfter, "formal request \"Kérjük, adja…\""),
            (NoLetterBefore + "(?:Válasszon|Adjon meg|Adja meg|Kattintson|Jelentkezzen be|Próbálja újra|Ellenőrizze)" + NoLetterAfter, "formal imperative"),
            // Steps and tips opening on a third-person plural imperative ("Tűzzék ki", "Hívják össze", "Szervezzenek")…
            (@"(?m)^\s*(?:- |\d+\. )\p{Lu}\p{Ll}+(?:jék|ják|zzék|zzák|sék|sák|janak|jenek|zzanak|zzenek|sanak|senek)" + NoLetterAfter, "list item opening on a plural formal imperative (Önök)"),
            // …or on a formal singular one ("Válassza", "Értékelje", "Gondoskodjon", "Szervezze").
            (@"(?m)^\s*(?:- |\d+\. )\p{Lu}\p{Ll}+(?:ja|je|jon|jen|jön|zza|zze|ssa|sse|ssza|ssze|tsa|tse)" + NoLetterAfter, "list item opening on a formal imperative (Ön)"),
        ],
    };

    [Theory]
    [InlineData("it")]
    [InlineData("hu")]
    public void Content_files_address_the_reader_informally(string culture)
    {
        var files = ContentFiles(culture).ToList();
        // 20 practices with a sheet and a tutorial, 5 MOOC parts, 4 validation banks, the glossary.
        Assert.True(files.Count >= 50, $"Only {files.Count} {culture} content files found.");

        var found = files.SelectMany(file => Find(culture, Path.GetRelativePath(Root, file), File.ReadAllText(file))).ToList();

        Assert.True(found.Count == 0, $"Formal address in {culture} content:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("it")]
    [InlineData("hu")]
    public void Interface_strings_address_the_reader_informally(string culture)
    {
        var files = Directory.GetFiles(Path.Combine(Root, "src"), $"*.{culture}.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.NotEmpty(files);

        var found = files.SelectMany(file => XDocument.Load(file).Root!.Elements("data")
                .SelectMany(data => Find(culture, $"{Path.GetRelativePath(Root, file)} \"{data.Attribute("name")!.Value}\"", data.Element("value")?.Value ?? "")))
            .ToList();

        Assert.True(found.Count == 0, $"Formal address in {culture} interface strings:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("it", "Si è verificato un errore imprevisto; La preghiamo di riprovare.")]
    [InlineData("it", "Controlli la casella: Le invieremo il Suo codice.")]
    [InlineData("it", "- Prevedete un angolo tranquillo.")]
    [InlineData("it", "1. Assicuratevi che i partner ci siano.")]
    [InlineData("hu", "Ha nem Ön volt, hagyja figyelmen kívül.")]
    [InlineData("hu", "Hiba történt. Kérjük, próbálja újra.")]
    [InlineData("hu", "1. Tűzzék ki a célt.")]
    [InlineData("hu", "- Válassza ki az ágazatot.")]
    public void Each_marker_list_catches_formal_address(string culture, string text)
        => Assert.NotEmpty(Find(culture, "sample", text));

    [Theory]
    [InlineData("it", "Sua moglie è in Turchia; ascolti, le dici che resta tra voi. Faccia a faccia, prevedi un angolo.")]
    [InlineData("it", "- Prevedi un angolo tranquillo.\n- text: Uscite culturali a prezzo ridotto\n1. Individuare il pubblico.")]
    [InlineData("hu", "Önkéntes mentor segít; az önértékelés után válaszd ki az ágazatot.")]
    [InlineData("hu", "1. Tűzd ki a célt.\n- Legyen egy hely, ahová vissza lehet térni.\n- Válaszd ki az ágazatot.")]
    public void Informal_and_third_person_text_passes(string culture, string text)
        => Assert.Empty(Find(culture, "sample", text));

    private static IEnumerable<string> Find(string culture, string where, string text)
        => Markers[culture].SelectMany(marker => Regex.Matches(text, marker.Pattern)
            .Select(match => $"{where}: {marker.What}: …{Excerpt(text, match)}…"));

    private static string Excerpt(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 40);
        var end = Math.Min(text.Length, match.Index + match.Length + 40);
        return text[start..end].ReplaceLineEndings(" ");
    }

    private static IEnumerable<string> ContentFiles(string culture)
    {
        var toolbox = Path.Combine(Root, "content", "toolbox");
        var mooc = Path.Combine(Root, "content", "mooc");
        return Directory.GetFiles(toolbox, $"{culture}.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(toolbox, $"tutorial.{culture}.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(mooc, $"part.{culture}.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(mooc, $"validation.{culture}.gift", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(Root, "content", "glossary"), $"glossary.{culture}.md", SearchOption.AllDirectories));
    }
}
