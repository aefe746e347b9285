using Learning.Modules.Core.Email;
using MimeKit;

namespace Learning.Tests.Core;

/// <summary>Subjects carry text others typed (a site's name, a thread's title): a line break in them must not add a header.</summary>
public sealed class EmailHeaderInjectionTests
{
    [Theory]
    [InlineData("Hello\r\nBcc: victim@example.net")]
    [InlineData("Hello\nBcc: victim@example.net")]
    [InlineData("Hello\rBcc: victim@example.net")]
    public async Task A_line_break_in_a_subject_adds_no_header(string subject)
    {
        var message = new OutboxMessage
        {
            To = "ada@example.org", Subject = subject, TextBody = "Text", HtmlBody = "<p>Text</p>", CreatedUtc = new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc),
            UnsubscribeUrl = "https://example.org/en/unsubscribe?token=abc",
        };
        using var mime = EmailSender.Compose(message, "site@example.org");
        using var written = new MemoryStream();
        await mime.WriteToAsync(written);
        written.Position = 0;

        // Read back as a mail server reads it: one recipient, no Bcc, and nothing that looks like a header in the subject.
        using var parsed = await MimeMessage.LoadAsync(written);
        Assert.Equal(["ada@example.org"], parsed.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(parsed.Bcc);
        Assert.DoesNotContain(parsed.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["https://example.org/en/unsubscribe?token=abc"], parsed.Headers.Where(h => h.Id == HeaderId.ListUnsubscribe).Select(h => h.Value.Trim('<', '>')));
    }
}
