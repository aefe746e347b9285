namespace Learning.Modules.Core.Email;

/// <summary>An e-mail waiting to be sent, or sent. Written in the same transaction as the change that
/// causes it; <see cref="SendOutboxJob"/> delivers it.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
