using System.Globalization;
using System.Text;

namespace Learning.Modules.Core;

/// <summary>Text as people mean it rather than as they typed it: lower case and without accents ("élève" is
/// "eleve"), and, for <see cref="Key"/>, without spaces and punctuation either, so that "Mission Locale - Paris"
/// and "mission locale paris" name the same thing. Search (Content) and the structures' directory (Accounts) use it.</summary>
public static class FoldedText
{
    /// <summary>The text in lower case without accents (combining marks removed after canonical decomposition).</summary>
    public static string Of(string text)
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

    /// <summary>Only the letters and digits of the folded text: what two spellings of one name have in common.</summary>
    public static string Key(string text) => new(Of(text).Where(char.IsLetterOrDigit).ToArray());

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
}
