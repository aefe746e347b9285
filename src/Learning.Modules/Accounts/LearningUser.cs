using Microsoft.AspNetCore.Identity;

namespace Learning.Modules.Accounts;

/// <summary>A person with an account on one tenant. [PersonalData] marks what the data export includes.</summary>
public class LearningUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    [PersonalData]
    public string? Organisation { get; set; }

    [PersonalData]
    public string? Country { get; set; }

    [PersonalData]
    public string? Profession { get; set; }

    [PersonalData]
    public string PreferredCulture { get; set; } = Core.Cultures.Default;

    /// <summary>When the person accepted the privacy notice, at registration.</summary>
    [PersonalData]
    public DateTime PrivacyAcceptedUtc { get; set; }

    [PersonalData]
    public DateTime CreatedUtc { get; set; }

    /// <summary>The structure of the directory the person works for (its name is kept in <see cref="Organisation"/>,
    /// which other pages show). The data export names it.</summary>
    [PersonalData]
    public int? StructureId { get; set; }

    /// <summary>When the profile last changed: registration, every save, and a merge or match that moved the person.
    /// Reporting asks for the people changed since its last run.</summary>
    [PersonalData]
    public DateTime ProfileChangedUtc { get; set; }
}
