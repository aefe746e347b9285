using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Discussions;

/// <summary>What the pages tell a person when the board refused their action.</summary>
public static class DiscussionTexts
{
    public static string Refusal(IStringLocalizer S, DiscussionOutcome outcome) => outcome switch
    {
        DiscussionOutcome.NotYours => S["Only its author can do this with a message."],
        DiscussionOutcome.TooLate => S["The time for editing this message is over."],
        DiscussionOutcome.Locked => S["This discussion is locked: no more replies."],
        DiscussionOutcome.Gone => S["This message was deleted or hidden: nothing more can be done with it."],
        DiscussionOutcome.TooManyForPerson => S["You have posted many messages in the last minute: wait a minute, then post again."],
        DiscussionOutcome.TooManyForTenant => S["Many messages are being posted right now: wait a minute, then post again."],
        _ => S["This message or discussion does not exist."],
    };

    /// <summary>Text as typed, trimmed; null when nothing is left.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
