using System.Collections.Concurrent;
using System.Globalization;

namespace Learning.Modules.Accounts;

/// <summary>
/// The countries a structure can be in, by ISO 3166-1 alpha-2 code, named in the reader's language by ICU's CLDR data
/// (<see cref="RegionInfo.DisplayName"/> follows the current UI culture), so that every country on earth has a careful
/// name in the six languages without a list of 250 × 6 translations to keep. The partners' countries come first.
/// </summary>
public static class StructureCountries
{
    /// <summary>The countries of the partner networks, offered first.</summary>
    public static IReadOnlyList<string> Partners { get; } = ["FR", "ES", "IT", "HU", "BE", "PT", "DE"];

    /// <summary>Every country .NET knows a specific culture of, and can name by its code: the codes a form may post.</summary>
    public static IReadOnlySet<string> All { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => Region(c.Name)?.TwoLetterISORegionName)
        .Where(code => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper) && Region(code) is not null)
        .Select(code => code!)
        .Concat(Partners)
        .ToHashSet(StringComparer.Ordinal);

    // Some regions of specific cultures (EH, Western Sahara) have no region of their own in ICU: left out.
    private static RegionInfo? Region(string name)
    {
        try
        {
            return new RegionInfo(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static readonly ConcurrentDictionary<(string, string), string> Names = new();

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    /// <summary>The country's name in the current UI culture's language: the native name of the region of the locale
    /// "language-COUNTRY" (ICU names the region of "fr-HU" in French, "Hongrie"), as <see cref="RegionInfo.DisplayName"/>
    /// is English whatever the reader's language.</summary>
    public static string Name(string code)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Names.GetOrAdd((code, language), key =>
        {
            if (!IsKnown(key.Item1))
            {
                return key.Item1;
            }

            return Region($"{key.Item2}-{key.Item1}")?.NativeName ?? Region(key.Item1)!.DisplayName;
        });
    }

    /// <summary>The partners' countries, then all others by their name in the current UI culture.</summary>
    public static IReadOnlyList<(string Code, string Name)> Others()
    {
        var comparer = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
        return All.Except(Partners).Select(c => (c, Name(c))).OrderBy(c => c.Item2, comparer).ToList();
    }
}
