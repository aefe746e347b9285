namespace Learning.Modules.Accounts;

/// <summary>Marker of the Accounts module's UI strings (AccountsStrings.resx and its five translations).</summary>
public sealed class AccountsStrings;
