namespace Learning.Modules.Core.Email;

/// <summary>An e-mail waiting to be sent, or sent. Written in the same transaction as the change that
/// causes it; <see cref="SendOutboxJob"/> delivers it.</summary>
public sealed class OutboxMessage
{
    public const int UnsubscribeUrlLength = 2000;

    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>For a message of a list (reminders, notifications): the recipient's one-click unsubscribe link, sent
    /// as <c>List-Unsubscribe</c> with <c>List-Unsubscribe-Post</c> (RFC 8058); the bodies carry the same link.</summary>
    public string? UnsubscribeUrl { get; set; }
}
