using System.Globalization;
using System.Text;

namespace Learning.Modules.Content;

/// <summary>Text as search compares it: lower case, without accents, so that "eleve" finds "élève"
/// and "munkanelkuli" finds "munkanélküli", on SQLite and PostgreSQL alike.</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = WithoutInvalidCodePoints(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(character);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The text with spaces for what normalization refuses as invalid (an ArgumentException): U+FFFE and lone
    /// surrogates, which a tampered form or query can carry and are no letters anyway.</summary>
    private static string WithoutInvalidCodePoints(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !text.Contains('\uFFFE'))
        {
            return text;
        }

        var characters = text.ToCharArray();
        for (var i = 0; i < characters.Length; i++)
        {
            if (char.IsHighSurrogate(characters[i]) && i + 1 < characters.Length && char.IsLowSurrogate(characters[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(characters[i]) || characters[i] == '\uFFFE')
            {
                characters[i] = ' ';
            }
        }

        return new string(characters);
    }

    /// <summary>The words of a query, folded, without punctuation that search syntaxes would read.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(t => new string(t.Where(char.IsLetterOrDigit).ToArray()))
                .Where(t => t.Length > 0)
                .Distinct()
                .Take(10)
                .ToList();
}
