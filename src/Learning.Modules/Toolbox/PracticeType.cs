using Learning.Modules.Content;

namespace Learning.Modules.Toolbox;

/// <summary>The "practice" content type: a project sheet of the toolbox.</summary>
public sealed class PracticeType : IContentType
{
    public const string TypeName = "practice";

    public string Name => TypeName;

    public string Folder => "toolbox";

    public string FilePrefix => "";

    public string EditorPage => "editor/practice";

    public Type Strings => typeof(ToolboxStrings);

    public string DisplayName => "practice";

    public string NewItemText => "New practice";

    public string ReaderPath(string setId, string slug) => $"toolbox/{slug}";

    public string? CompanionLinkText => "The practice: {0}";

    public IReadOnlyList<string> FieldKeys { get; } =
        ["organisations", "country", "place", "period", "target_publics", "themes", "action_types", "contact", "related"];

    public IReadOnlyList<string> TranslatableKeys { get; } = ["place", "period", "contact"];

    public void Validate(ContentFile file, ICollection<ContentImportError> errors)
    {
        if (string.IsNullOrWhiteSpace(file.Value("summary")))
        {
            errors.Add(new(file.Path, file.LineOf("summary"), "'summary' is required."));
        }

        if (!file.Lists.TryGetValue("organisations", out var organisations) || organisations.Count == 0)
        {
            errors.Add(new(file.Path, file.LineOf("organisations"), "'organisations' must list at least one organisation."));
        }

        if (file.Value("country") is not { } country || !PracticeVocabulary.Countries.ContainsKey(country))
        {
            errors.Add(new(file.Path, file.LineOf("country"), $"'country' must be one of {string.Join(", ", PracticeVocabulary.Countries.Keys)}."));
        }

        foreach (var (_, key, _, labels) in PracticeVocabulary.Facets.Where(f => f.Key != "country"))
        {
            foreach (var id in file.Lists.GetValueOrDefault(key, []).Where(id => !labels.ContainsKey(id)))
            {
                errors.Add(new(file.Path, file.LineOf(key), $"Unknown {key} '{id}': use {string.Join(", ", labels.Keys)}."));
            }

            if (file.Values.ContainsKey(key))
            {
                errors.Add(new(file.Path, file.LineOf(key), $"'{key}' must be a list, such as [{labels.Keys.First()}]."));
            }
        }
    }
}
