namespace Learning.Modules.Toolbox;

/// <summary>
/// The facets of the toolbox: the ids files and filters use, with their English labels, which are
/// also the keys of their translations in ToolboxStrings (a test checks that each one is there).
/// </summary>
public static class PracticeVocabulary
{
    public static readonly IReadOnlyDictionary<string, string> TargetPublics = new Dictionary<string, string>
    {
        ["jobseekers"] = "Jobseekers",
        ["young-people-neet"] = "Young people not in employment, education or training",
        ["long-term-unemployed"] = "Long-term unemployed people",
        ["low-qualified-adults"] = "Adults with few qualifications",
        ["newcomers"] = "Newcomers and migrants",
        ["women"] = "Women",
        ["seniors"] = "Older workers",
        ["people-with-disabilities"] = "People with disabilities",
        ["digitally-excluded"] = "People excluded from digital tools",
        ["professionals"] = "Insertion professionals",
    };

    public static readonly IReadOnlyDictionary<string, string> Themes = new Dictionary<string, string>
    {
        ["outreach"] = "Outreach",
        ["guidance"] = "Guidance and orientation",
        ["skills-validation"] = "Skills validation",
        ["digital-inclusion"] = "Digital inclusion",
        ["employer-engagement"] = "Working with employers",
        ["mentoring"] = "Mentoring",
        ["training"] = "Training",
        ["networking"] = "Networking",
        ["remobilisation"] = "Remobilisation",
        ["wellbeing"] = "Well-being",
        ["partnership"] = "Partnership",
        ["recognition-of-skills"] = "Recognition of skills",
    };

    public static readonly IReadOnlyDictionary<string, string> ActionTypes = new Dictionary<string, string>
    {
        ["information-desk"] = "Information desk",
        ["workshop"] = "Workshop",
        ["individual-support"] = "Individual support",
        ["group-support"] = "Group support",
        ["event"] = "Event",
        ["training-course"] = "Training course",
        ["online-tool"] = "Online tool",
        ["mobile-service"] = "Mobile service",
        ["method"] = "Method",
        ["work-placement"] = "Work placement",
    };

    /// <summary>Countries named in files, by ISO code, with their English names (translated in ToolboxStrings).</summary>
    public static readonly IReadOnlyDictionary<string, string> Countries = new Dictionary<string, string>
    {
        ["BE"] = "Belgium",
        ["FR"] = "France",
        ["ES"] = "Spain",
        ["IT"] = "Italy",
        ["HU"] = "Hungary",
        ["LU"] = "Luxembourg",
        ["NL"] = "Netherlands",
        ["DE"] = "Germany",
        ["PT"] = "Portugal",
    };

    /// <summary>The facets in the order the toolbox shows them: query parameter, file key, labels.</summary>
    public static readonly IReadOnlyList<(string Parameter, string Key, string Title, IReadOnlyDictionary<string, string> Labels)> Facets =
    [
        ("theme", "themes", "Theme", Themes),
        ("public", "target_publics", "Target public", TargetPublics),
        ("action", "action_types", "Type of action", ActionTypes),
        ("country", "country", "Country", Countries),
    ];
}
