using Learning.Modules.Core;

namespace Learning.Modules.Content;

/// <summary>Text as search compares it: lower case, without accents, so that "eleve" finds "élève"
/// and "munkanelkuli" finds "munkanélküli", on SQLite and PostgreSQL alike (the folding is Core's
/// <see cref="FoldedText"/>, which the structures' directory shares).</summary>
public static class TextFolding
{
    public static string Fold(string text) => FoldedText.Of(text);

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
