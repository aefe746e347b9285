namespace Learning.Modules.Accounts.Contracts;

/// <summary>The kinds of structure the directory knows, as fixed keys (stored, exported, filtered on). Their names in
/// the reader's language come from <see cref="StructureDirectory.TypeName"/>; <see cref="EnglishName"/> is also the
/// key of that translation in Accounts' strings.</summary>
public static class StructureTypes
{
    public const string Other = "other";

    /// <summary>Every key, in the order lists offer them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "employment-service", "youth-mission", "insertion-enterprise", "association", "social-services",
        "training", "local-authority", "company", "school-university", Other,
    ];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type);

    public static string EnglishName(string type) => type switch
    {
        "employment-service" => "Public employment service",
        "youth-mission" => "Youth guidance and employment service",
        "insertion-enterprise" => "Work integration social enterprise",
        "association" => "Association or NGO",
        "social-services" => "Social services",
        "training" => "Training organisation",
        "local-authority" => "Local or regional authority",
        "company" => "Company",
        "school-university" => "School or university",
        _ => "Other",
    };
}
