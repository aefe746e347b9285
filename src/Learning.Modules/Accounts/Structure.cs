namespace Learning.Modules.Accounts;

/// <summary>An organisation of the tenant's directory (a public employment service, a local mission, an association…)
/// whose people learn on the platform: "structures reached" are counted from it. Learners choose theirs, or propose it
/// when it is missing; administrators keep the directory (edit, approve, merge).</summary>
public class Structure
{
    public const int NameLength = 200;
    public const int MunicipalityLength = 100;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name's <see cref="Core.FoldedText.Key"/>: two structures never share it, so that a name typed with
    /// other case, accents, spaces or punctuation finds the one that exists.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>One of <see cref="Contracts.StructureTypes.All"/>.</summary>
    public string Type { get; set; } = "";

    public string? Municipality { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, upper case.</summary>
    public string Country { get; set; } = "";

    public StructureStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The person who proposed it, while they have an account.</summary>
    public string? ProposedBy { get; set; }
}
