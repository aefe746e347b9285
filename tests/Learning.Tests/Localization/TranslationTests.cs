using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Localization;

/// <summary>
/// Every UI string exists in the six cultures. Each module keeps one resource set
/// (<c>{Module}/{Module}Strings.resx</c> in English, plus fr, es, ca, it, hu); the sources are scanned
/// for the keys they use: <c>S["…"]</c> in the module's folder, validation messages (Core's set),
/// and navigation entries with their home-page descriptions (the set they name).
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string Root = Repository.Root;
    private static readonly string ModulesFolder = Path.Combine(Root, "src", "Learning.Modules");
    private static readonly string[] Translations = Cultures.All.Where(c => c != "en").ToArray();

    public static TheoryData<string> Modules =>
        [.. Directory.GetFiles(ModulesFolder, "*Strings.resx", SearchOption.AllDirectories).Select(f => Path.GetFileNameWithoutExtension(f).Replace("Strings", ""))];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Each_resource_set_has_every_key_translated_in_five_more_cultures_with_the_same_placeholders(string module)
    {
        var english = Read(module, null);
        Assert.NotEmpty(english);
        foreach (var culture in Translations)
        {
            var translated = Read(module, culture);
            Assert.Equal(english.Keys.Order(), translated.Keys.Order());
            foreach (var (key, value) in translated)
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{module}.{culture}: '{key}' is empty.");
                Assert.Equal(Placeholders(english[key]), Placeholders(value));
            }
        }
    }

    [Fact]
    public void No_resource_file_of_the_library_names_a_string_twice()
    {
        // The resource compiler compares names ignoring case, keeps the first and drops the others with
        // warning MSB3568: a "validation test" beside "Validation test" is never shown in any culture.
        var files = Directory.GetFiles(ModulesFolder, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.NotEmpty(files);

        var duplicates = files.SelectMany(file => XDocument.Load(file).Root!.Elements("data")
                .Select(d => d.Attribute("name")!.Value)
                .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetRelativePath(Root, file)}: {string.Join(", ", g.Select(n => $"\"{n}\""))}"))
            .ToList();

        Assert.True(duplicates.Count == 0, "Names given twice (case ignored):\n" + string.Join("\n", duplicates));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Each_key_of_a_resource_set_is_found_at_run_time_in_every_culture(string module)
    {
        var type = typeof(Cultures).Assembly.GetType($"Learning.Modules.{module}.{module}Strings")
            ?? throw new InvalidOperationException($"No marker type {module}Strings in Learning.Modules.{module}.");
        var resources = new ResourceManager(type);
        var english = Read(module, null);
        Assert.NotEmpty(english);

        foreach (var culture in Cultures.All)
        {
            // English is the neutral set; each other culture must answer from its own satellite, not by falling back.
            var set = resources.GetResourceSet(culture == "en" ? CultureInfo.InvariantCulture : new CultureInfo(culture), createIfNotExists: true, tryParents: false);
            Assert.True(set is not null, $"{module}: no compiled resources for {culture}.");
            var missing = english.Keys.Where(key => set.GetString(key) is null).ToList();
            Assert.True(missing.Count == 0, $"{module}.{culture} lacks at run time: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Every_string_the_code_uses_is_in_its_modules_resource_set()
    {
        var used = UsedKeys().ToList();
        Assert.NotEmpty(used);
        var missing = new List<string>();
        foreach (var (module, key, file) in used)
        {
            if (!Read(module, null).ContainsKey(key))
            {
                missing.Add($"{module}: \"{key}\" ({Path.GetRelativePath(Root, file)})");
            }
        }

        Assert.True(missing.Count == 0, "Missing from the resources:\n" + string.Join("\n", missing.Distinct()));
    }

    /// <summary>Keys the code builds from values (enum names, roles, content types) rather than writes out.</summary>
    public static TheoryData<string, string> ComputedKeys => new()
    {
        { "Accounts", string.Join('|', Learning.Modules.Core.Security.Roles.All) },
        { "Content", string.Join('|', Enum.GetNames<Learning.Modules.Content.ContentStatus>().Concat(Enum.GetNames<Learning.Modules.Content.MediaKind>())) },
        { "Toolbox", string.Join('|', Enum.GetNames<Learning.Modules.Content.ContentStatus>()) },
        { "Feedback", string.Join('|', Learning.Modules.Feedback.FeedbackKinds.All.Select(Learning.Modules.Feedback.FeedbackKinds.DisplayName)) },
    };

    [Theory]
    [MemberData(nameof(ComputedKeys))]
    public void Keys_the_code_computes_are_in_their_modules_resource_set(string module, string keys)
    {
        var english = Read(module, null);
        Assert.NotEmpty(keys.Split('|', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(keys.Split('|'), key => Assert.True(english.ContainsKey(key), $"{module}: '{key}' is missing."));
    }

    [Fact]
    public void The_texts_that_each_content_type_names_are_in_its_modules_resource_set()
    {
        var services = new ServiceCollection();
        foreach (var module in Learning.Web.Modules.All)
        {
            module.AddServices(services, new ConfigurationBuilder().Build());
        }

        using var provider = services.BuildServiceProvider();
        var types = provider.GetServices<IContentType>().ToList();
        Assert.NotEmpty(types);
        foreach (var type in types)
        {
            var module = type.Strings.Name[..^"Strings".Length];
            var english = Read(module, null);
            Assert.All(new[] { type.DisplayName, type.NewItemText, type.CompanionLinkText }.OfType<string>(), key => Assert.True(english.ContainsKey(key), $"{module}: '{key}' of the type '{type.Name}' is missing."));
        }
    }

    [Fact]
    public void The_scan_finds_the_strings_of_every_module()
    {
        var used = UsedKeys().ToList();
        Assert.Contains(used, u => u is ("Accounts", "Log in", _));
        Assert.Contains(used, u => u is ("Core", "This field is required.", _));
        Assert.Contains(used, u => u is ("Core", "Transferable practices for socio-professional insertion", _));
        Assert.Contains(used, u => u is ("Toolbox", "Toolbox", _));
        Assert.Contains(used, u => u is ("Toolbox", "Project sheets written by partner organisations: what was done, how, with whom, and with what results.", _));
    }

    private static IEnumerable<(string Module, string Key, string File)> UsedKeys()
    {
        var sources = Directory.GetFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(ModulesFolder, file);
            var folder = relative.StartsWith("..") ? "Core" : relative.Split(Path.DirectorySeparatorChar)[0];
            var module = File.Exists(Path.Combine(ModulesFolder, folder, $"{folder}Strings.resx")) ? folder : "Core";
            foreach (Match m in LocalizerKey().Matches(text))
            {
                yield return (module, Unescape(m.Groups[1].Value), file);
            }

            foreach (Match m in ValidationMessage().Matches(text))
            {
                yield return ("Core", Unescape(m.Groups[1].Value), file);
            }

            foreach (Match m in NavigationEntry().Matches(text))
            {
                yield return (m.Groups[2].Value, Unescape(m.Groups[1].Value), file);
            }

            foreach (Match m in HomeDescription().Matches(text))
            {
                yield return (m.Groups[1].Value, Unescape(m.Groups[2].Value), file);
            }
        }
    }

    private static Dictionary<string, string> Read(string module, string? culture)
    {
        var file = Path.Combine(ModulesFolder, module, culture is null ? $"{module}Strings.resx" : $"{module}Strings.{culture}.resx");
        Assert.True(File.Exists(file), $"Missing resource file {file}.");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    private static string Unescape(string literal) => literal.Replace("\\\"", "\"").Replace("\\\\", "\\");

    [GeneratedRegex(@"\bS\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ValidationMessage();

    [GeneratedRegex(@"new NavigationItem\(""((?:[^""\\]|\\.)*)"",[^;]*typeof\((\w+)Strings\)")]
    private static partial Regex NavigationEntry();

    [GeneratedRegex(@"new NavigationItem\([^;]*typeof\((\w+)Strings\)[^;]*HomeDescription:\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex HomeDescription();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
