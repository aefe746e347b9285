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

    /// <summary>Every country .NET knows a specific culture of: the codes a form may post.</summary>
    public static IReadOnlySet<string> All { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .Where(code => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper))
        .Select(code => code!)
        .Concat(Partners)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(string, string), string> Names = new();

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Name(string code)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        return Names.GetOrAdd((code, culture), key => IsKnown(key.Item1) ? new RegionInfo(key.Item1).DisplayName : key.Item1);
    }

    /// <summary>The partners' countries, then all others by their name in the current UI culture.</summary>
    public static IReadOnlyList<(string Code, string Name)> Others()
    {
        var comparer = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
        return All.Except(Partners).Select(c => (c, Name(c))).OrderBy(c => c.Item2, comparer).ToList();
    }
}
