namespace Learning.Modules.Community.Discussions;

/// <summary>What became of a person's action on the discussions; the pages turn each into a message.</summary>
public enum DiscussionOutcome
{
    Done,

    /// <summary>Posted, and waiting for an editor's approval (a new account's first messages, when the tenant holds them).</summary>
    Held,

    /// <summary>No such thread or message for this person (another tenant's id, a held message of someone else…).</summary>
    NotFound,

    /// <summary>Someone else's message.</summary>
    NotYours,

    /// <summary>The time for editing is over.</summary>
    TooLate,

    /// <summary>The thread is locked.</summary>
    Locked,

    /// <summary>Deleted already, or hidden by the editors: nothing more to do with it.</summary>
    Gone,

    TooManyForPerson,

    TooManyForTenant,
}
