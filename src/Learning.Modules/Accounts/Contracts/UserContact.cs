namespace Learning.Modules.Accounts.Contracts;

/// <summary>A person features may write to: their account exists and its e-mail address is confirmed. Their language is
/// <paramref name="PreferredCulture"/>.</summary>
public sealed record UserContact(string Id, string DisplayName, string Email, string PreferredCulture);
