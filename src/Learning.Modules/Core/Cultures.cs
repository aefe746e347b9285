using System.Globalization;

namespace Learning.Modules.Core;

/// <summary>The six cultures of the platform, interface and content alike; French is the default.</summary>
public static class Cultures
{
    public const string Default = "fr";

    public static readonly IReadOnlyList<string> All = ["fr", "en", "es", "ca", "it", "hu"];

    public static bool IsSupported(string? culture) => culture is not null && All.Contains(culture);

    /// <summary>Each language named in itself, as a language picker shows it.</summary>
    public static string NativeName(string culture) => culture switch
    {
        "fr" => "Français",
        "en" => "English",
        "es" => "Español",
        "ca" => "Català",
        "it" => "Italiano",
        "hu" => "Magyar",
        _ => culture,
    };

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var c && IsSupported(c) ? c : Default;
}
