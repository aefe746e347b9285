using System.Text;
using System.Text.RegularExpressions;

namespace Learning.Tests.Infrastructure;

/// <summary>Reads the .eml files the outbox job writes into the pickup folder, as a mailbox would.</summary>
public sealed partial class MailPickup(string folder)
{
    public async Task<Email> WaitForAsync(string to, string? subjectContains = null, int skip = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var match = All().Where(e => e.To.Contains(to, StringComparison.OrdinalIgnoreCase)
                                         && (subjectContains is null || e.Subject.Contains(subjectContains, StringComparison.OrdinalIgnoreCase)))
                .Skip(skip).FirstOrDefault();
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No e-mail to {to} arrived in {folder}.");
    }

    public IReadOnlyList<Email> All() => Directory.Exists(folder)
        ? Directory.GetFiles(folder, "*.eml").Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time)
            .Select(f => Email.Parse(File.ReadAllText(f.File))).ToList()
        : [];

    public sealed partial record Email(string To, string Subject, string Text)
    {
        /// <summary>The first link of the message whose address contains <paramref name="fragment"/>.</summary>
        public string Link(string fragment) =>
            LinkPattern().Matches(Text).Select(m => m.Value).FirstOrDefault(l => l.Contains(fragment))
            ?? throw new InvalidOperationException($"No link with '{fragment}' in: {Text}");

        public static Email Parse(string raw)
        {
            var (headers, body) = Split(raw);
            var text = PlainTextPart(headers, body);
            return new Email(Header(headers, "To"), DecodeWords(Header(headers, "Subject")), text);
        }

        private static string PlainTextPart(string headers, string body)
        {
            var contentType = Header(headers, "Content-Type");
            var boundary = BoundaryPattern().Match(contentType);
            if (!boundary.Success)
            {
                return Decode(body, Header(headers, "Content-Transfer-Encoding"));
            }

            foreach (var part in body.Split("--" + boundary.Groups[1].Value))
            {
                var (partHeaders, partBody) = Split(part.TrimStart('\r', '\n'));
                var partType = Header(partHeaders, "Content-Type");
                if (partType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
                {
                    return PlainTextPart(partHeaders, partBody);
                }

                if (partType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
                {
                    return Decode(partBody, Header(partHeaders, "Content-Transfer-Encoding"));
                }
            }

            throw new InvalidOperationException("The e-mail has no text part.");
        }

        private static (string Headers, string Body) Split(string raw)
        {
            var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return end < 0 ? (raw, "") : (raw[..end], raw[(end + 4)..]);
        }

        private static string Header(string headers, string name)
        {
            var unfolded = headers.Replace("\r\n ", " ").Replace("\r\n\t", " ");
            return unfolded.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
        }

        private static string Decode(string body, string encoding) => encoding.ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)))),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };

        private static string QuotedPrintable(string body)
        {
            var bytes = new List<byte>();
            var text = body.Replace("=\r\n", "");
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
                {
                    bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        private static string DecodeWords(string header) => EncodedWord().Replace(Regex.Replace(header, @"\?=\s+=\?", "?==?"), m => m.Groups[2].Value.ToUpperInvariant() == "B"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

        [GeneratedRegex(@"https?://[^\s<>""]+")]
        private static partial Regex LinkPattern();

        [GeneratedRegex(@"boundary=""?([^"";]+)""?", RegexOptions.IgnoreCase)]
        private static partial Regex BoundaryPattern();

        [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
        private static partial Regex EncodedWord();
    }
}
