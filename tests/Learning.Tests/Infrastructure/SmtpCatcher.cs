using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Learning.Tests.Infrastructure;

/// <summary>
/// A small real SMTP server on 127.0.0.1 and a free port, started by a test: it speaks enough of RFC 5321 for MailKit
/// (EHLO/HELO, MAIL FROM, RCPT TO, DATA with dot-stuffing, RSET, NOOP, QUIT), over as many connections and messages as
/// come, and parses what it receives with MimeKit.
/// </summary>
public sealed class SmtpCatcher : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<Received> received = new();

    public SmtpCatcher()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The settings that send the site's e-mail here, in clear (no TLS on loopback).</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Learning:Email:SmtpHost"] = "127.0.0.1",
        ["Learning:Email:SmtpPort"] = Port.ToString(),
        ["Learning:Email:SmtpEnableSsl"] = "false",
    };

    public IReadOnlyList<Received> Messages => received.ToList();

    /// <summary>While set, connections are accepted but not greeted, as by a server that hangs, until it completes.</summary>
    public TaskCompletionSource? Holding { get; set; }

    /// <summary>How many connections were held so far.</summary>
    public int Held => held;

    private int held;

    /// <summary>A message received for this recipient, waiting for it up to 20 seconds.</summary>
    public async Task<Received> WaitForAsync(string to, string? subjectContains = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (received.FirstOrDefault(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase)
                                             && (subjectContains is null || (m.Message.Subject ?? "").Contains(subjectContains, StringComparison.OrdinalIgnoreCase))) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No e-mail to {to} reached the SMTP catcher.");
    }

    /// <summary>One message as the server received it: the envelope and the parsed message.</summary>
    public sealed record Received(string From, IReadOnlyList<string> Recipients, MimeMessage Message, string Raw)
    {
        public string Text => Message.TextBody ?? "";

        public string Html => Message.HtmlBody ?? "";

        public string? Header(string name) => Message.Headers[name];
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        // Latin-1 keeps every byte as one character, so the message's bytes come back exactly.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        string? from = null;
        var recipients = new List<string>();
        try
        {
            if (Holding is { } holding)
            {
                Interlocked.Increment(ref held);
                await holding.Task.WaitAsync(stop.Token);
            }

            await writer.WriteLineAsync("220 127.0.0.1 test SMTP catcher ready");
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-127.0.0.1 greets you");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 sender ok");
                        break;
                    case "RCPT":
                        if (from is null)
                        {
                            await writer.WriteLineAsync("503 5.5.1 MAIL first");
                            break;
                        }

                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 recipient ok");
                        break;
                    case "DATA":
                        if (recipients.Count == 0)
                        {
                            await writer.WriteLineAsync("503 5.5.1 RCPT first");
                            break;
                        }

                        await writer.WriteLineAsync("354 end data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } body && body != ".")
                        {
                            data.Append(body.StartsWith('.') ? body[1..] : body).Append("\r\n");
                        }

                        var raw = data.ToString();
                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(raw)));
                        received.Enqueue(new Received(from!, recipients.ToList(), message, raw));
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 ok");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 command not implemented");
                        break;
                }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The address between angle brackets of "MAIL FROM:&lt;a@b&gt; SIZE=…" or "RCPT TO:&lt;a@b&gt;".</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
