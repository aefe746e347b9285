namespace Learning.Modules.Accounts.Contracts;

/// <summary>A person as other modules see them.</summary>
public sealed record UserSummary(string Id, string DisplayName, string Email, string PreferredCulture, string? Organisation, string? Country, string? Profession);
