namespace Learning.Modules.Accounts.Contracts;

/// <summary>A person as other modules see them; <paramref name="StructureId"/> is their structure in <see cref="StructureDirectory"/>.</summary>
public sealed record UserSummary(string Id, string DisplayName, string Email, string PreferredCulture, string? Organisation, string? Country, string? Profession, int? StructureId = null);
