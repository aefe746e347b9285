using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Learning.Modules.Core.Email;

/// <summary>Delivers one message through SMTP (MailKit) when a server is configured, otherwise as a .eml file into the
/// pickup folder. A message of a list (<see cref="OutboxMessage.UnsubscribeUrl"/>) carries <c>List-Unsubscribe</c> and
/// <c>List-Unsubscribe-Post</c> (RFC 2369, RFC 8058), so that mail clients offer one-click unsubscribe.</summary>
public sealed class EmailSender(IOptions<LearningOptions> options, DataPaths paths)
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Email;
        using var mime = Compose(message, settings.From);
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            Directory.CreateDirectory(paths.MailPickup);
            // Written under a temporary name, then renamed: a reader of the folder never sees half a message.
            var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():n}";
            var temporary = Path.Combine(paths.MailPickup, name + ".tmp");
            await mime.WriteToAsync(FormatOptions, temporary, cancellationToken);
            File.Move(temporary, Path.Combine(paths.MailPickup, name + ".eml"));
            return;
        }

        using var client = new SmtpClient();
        // Port 465 speaks TLS from the first byte; any other port upgrades with STARTTLS when SSL is asked for.
        var security = !settings.SmtpEnableSsl ? SecureSocketOptions.None
            : settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(FormatOptions, mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>Lines end with CRLF, as on the wire, whatever the machine.</summary>
    private static readonly FormatOptions FormatOptions = CreateFormatOptions();

    private static FormatOptions CreateFormatOptions()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    /// <summary>The MIME message: a text part and an HTML part (multipart/alternative), UTF-8, and the list headers.</summary>
    public static MimeMessage Compose(OutboxMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = DateTime.SpecifyKind(message.CreatedUtc, DateTimeKind.Utc);
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
