using System.Net;
using System.Net.Sockets;
using System.Text;
using Learning.Modules.Core;
using Learning.Modules.Core.Email;
using Learning.Modules.Data;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Core;

public sealed class EmailDeliveryTests
{
    [Fact]
    public async Task With_an_smtp_server_configured_the_outbox_job_delivers_through_it()
    {
        using var smtp = new SmtpServer();
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?>
        {
            ["Learning:Email:SmtpHost"] = "127.0.0.1",
            ["Learning:Email:SmtpPort"] = smtp.Port.ToString(),
            ["Learning:Email:SmtpEnableSsl"] = "false",
        });

        using (await RegistrationTests.Register(app.CreateClient(), "smtp.reader@example.org"))
        {
        }

        var message = await smtp.WaitForMessageAsync();
        Assert.Contains("RCPT TO:<smtp.reader@example.org>", message.Envelope);
        var mail = MailPickup.Email.Parse(message.Data);
        Assert.StartsWith("Confirm your e-mail address", mail.Subject);
        Assert.Contains("/account/confirm?userId=", mail.Text);
        Assert.Empty(app.Mail.All());
        // The job records the delivery just after the server's answer.
        var sent = await WaitForOutboxAsync(app, m => m.SentUtc is not null);
        Assert.NotNull(sent.SentUtc);
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_message_waits_with_its_error_for_the_next_run()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?>
        {
            ["Learning:Email:SmtpHost"] = "127.0.0.1",
            ["Learning:Email:SmtpPort"] = closedPort.ToString(),
            ["Learning:Email:SmtpEnableSsl"] = "false",
        });
        using (await RegistrationTests.Register(app.CreateClient(), "patient@example.org"))
        {
        }

        var message = await WaitForOutboxAsync(app, m => m.Attempts >= 2);

        Assert.True(message is { Attempts: >= 2, SentUtc: null }, "The message should be retried and stay unsent.");
        Assert.False(string.IsNullOrEmpty(message.LastError));
    }

    /// <summary>The single outbox message, once <paramref name="condition"/> holds (or after 20 s, as it is).</summary>
    private static async Task<OutboxMessage> WaitForOutboxAsync(LearningApp app, Func<OutboxMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var message = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().OutboxMessages.AsNoTracking().SingleAsync());
            if (condition(message) || DateTime.UtcNow > deadline)
            {
                return message;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Just enough of an SMTP server (RFC 5321) on loopback to receive one message.</summary>
    private sealed class SmtpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly Task<(string Envelope, string Data)> received;

        public SmtpServer()
        {
            listener.Start();
            received = ReceiveAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public async Task<(string Envelope, string Data)> WaitForMessageAsync() => await received.WaitAsync(TimeSpan.FromSeconds(20));

        private async Task<(string, string)> ReceiveAsync()
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var envelope = new StringBuilder();
            var data = new StringBuilder();
            await writer.WriteLineAsync("220 localhost test SMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                envelope.AppendLine(line);
                var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        while (await reader.ReadLineAsync() is { } body && body != ".")
                        {
                            data.Append(body.StartsWith("..") ? body[1..] : body).Append("\r\n");
                        }

                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return (envelope.ToString(), data.ToString());
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }

            return (envelope.ToString(), data.ToString());
        }

        public void Dispose() => listener.Stop();
    }
}
