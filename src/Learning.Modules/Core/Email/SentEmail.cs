namespace Learning.Modules.Core.Email;

/// <summary>An e-mail as its recipient sees it in their exported data.</summary>
public sealed record SentEmail(string Subject, DateTime CreatedUtc, DateTime? SentUtc, string TextBody);
