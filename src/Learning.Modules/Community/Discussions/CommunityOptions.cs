namespace Learning.Modules.Community.Discussions;

/// <summary>Settings under <c>Learning:Community</c> for the discussions.</summary>
public sealed class CommunityOptions
{
    /// <summary>How long after posting a person may still edit their message.</summary>
    public int EditMinutes { get; set; } = 30;

    /// <summary>How many first messages of a new account wait for approval when the tenant holds them.</summary>
    public int HeldFirstMessages { get; set; } = 2;

    /// <summary>Messages (and reports) one person may post in a minute.</summary>
    public int MessagesPerMinutePerPerson { get; set; } = 5;

    /// <summary>Messages the whole tenant may receive in a minute: a flood from many new accounts stops there.</summary>
    public int MessagesPerMinutePerTenant { get; set; } = 60;
}
