using Learning.Modules.Content;
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

    /// <summary>Why a message's Markdown cannot be kept: nested deeper than Markdig renders (it throws, and every page showing
    /// the message would fail with it); null when it can.</summary>
    public static string? Unreadable(IStringLocalizer S, MarkdownRenderer markdown, string? body) =>
        body is not null && !markdown.CanRead(body) ? S["This text cannot be read as Markdown: its lists or quotes are nested too deeply."].Value : null;

    /// <summary>Text as typed, trimmed; null when nothing is left.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
