using System.Net;
using System.Net.Sockets;
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
        using var smtp = new SmtpCatcher();
        await using var app = new LearningApp(extraSettings: smtp.Settings);

        using (await RegistrationTests.Register(app.CreateClient(), "smtp.reader@example.org"))
        {
        }

        var message = await smtp.WaitForAsync("smtp.reader@example.org");
        Assert.Equal(["smtp.reader@example.org"], message.Recipients);
        Assert.Equal("no-reply@example.org", message.From);
        Assert.StartsWith("Confirm your e-mail address", message.Message.Subject);
        Assert.Contains("/account/confirm?userId=", message.Text);
        Assert.Contains("/account/confirm?userId=", message.Html);
        // Not a list's message: no unsubscribe headers.
        Assert.Null(message.Header("List-Unsubscribe"));
        Assert.Null(message.Header("List-Unsubscribe-Post"));
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
}
