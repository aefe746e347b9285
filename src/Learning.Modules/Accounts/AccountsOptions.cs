namespace Learning.Modules.Accounts;

/// <summary>Accounts' settings, bound from "Learning:Accounts".</summary>
public sealed class AccountsOptions
{
    public const string Section = "Learning:Accounts";

    /// <summary>An account whose address is still unconfirmed this many days after registration is deleted by the
    /// retention job, through the same erasure as "delete my account".</summary>
    public int DeleteUnconfirmedAfterDays { get; set; } = 30;

    /// <summary>How often the retention job runs, in minutes.</summary>
    public int RetentionIntervalMinutes { get; set; } = 60;

    /// <summary>How long a session goes before its account is checked again: a locked account, a changed password or
    /// new roles reach open sessions within this many seconds. Each check reads the account and renews the cookie.</summary>
    public int SessionCheckSeconds { get; set; } = 60;
}
