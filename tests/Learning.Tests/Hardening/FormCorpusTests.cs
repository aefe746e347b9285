using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Learning.Modules.Core;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Xunit.Abstractions;
using Tokens = Learning.Tests.Hardening.HostileForms.Tokens;

namespace Learning.Tests.Hardening;

/// <summary>
/// Every form of <see cref="FormTable"/> posted tampered values (<see cref="HostileForms"/>), as the person the page
/// needs, and also by a visitor and a learner where more is needed. Each input must get a clear refusal (a 4xx, the
/// page again with a message, or a redirect) and change nothing, or, when still valid, be stored as the person typed
/// it; none may answer 5xx nor take longer than <see cref="HostileInput.Bound"/>, and the site answers afterwards.
/// Problems are gathered over the whole corpus so that one run shows all of them. Each form gets a sample of its corpus
/// (<see cref="HostileForms.Sample"/>); LEARNING_FORM_CORPUS=all posts all of it (some 7,500 inputs on SQLite, 6,400 on
/// PostgreSQL, about ten minutes each).
/// </summary>
public sealed class FormCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_post_handler_of_the_compiled_pages_is_attacked_or_left_out_with_a_reason()
    {
        var handlers = typeof(CoreModule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => FormSpec.KeyOf(t, m.Name)))
            .ToHashSet();
        var listed = FormTable.Forms.Select(f => f.Key).ToList();

        Assert.True(handlers.Count > 40, $"only {handlers.Count} post handlers found");
        Assert.Equal(listed.Distinct().Order(), listed.Order());
        var missing = handlers.Except(listed).Except(FormTable.LeftOut.Keys).Order().ToList();
        Assert.True(missing.Count == 0, "Post handlers the form corpus does not attack; add each to FormTable.Forms, or to FormTable.LeftOut with its reason:\n" + string.Join("\n", missing));
        var gone = listed.Concat(FormTable.LeftOut.Keys).Except(handlers).ToList();
        Assert.True(gone.Count == 0, "Forms of the table that no page has any more:\n" + string.Join("\n", gone));
        Assert.All(FormTable.LeftOut.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hostile_posts_to_every_form_are_refused_changing_nothing_or_stored_as_typed_never_crashing_and_in_time(Db db)
    {
        var clock = Stopwatch.StartNew();
        await using var world = await FormWorld.CreateAsync(db);
        var tokens = new Dictionary<string, string>
        {
            [Tokens.OtherPerson] = await TokenAsync(world.App.CreateClient(), "/en/account/login"),
            [Tokens.OtherTenant] = await TokenAsync(world.App.CreateClient(), $"/{FormWorld.OtherTenant}/en/account/login"),
        };
        output.WriteLine($"{db}: set up in {clock.Elapsed.TotalSeconds:0.0} s.");

        var problems = new List<string>();
        var total = 0;
        foreach (var form in FormTable.Forms.Where(f => db == Db.Sqlite || f.UsesDatabase))
        {
            var attack = new FormAttack(world, form, tokens, db == Db.Postgres);
            var started = clock.Elapsed;
            await attack.RunAsync();
            problems.AddRange(attack.Problems.Select(p => $"{form.Key}: {p}"));
            total += attack.Tried;
            output.WriteLine($"{form.Key}: {attack.Tried} inputs (of {attack.Corpus}), {attack.Refused} refused, {attack.Accepted} accepted, "
                             + $"{attack.Problems.Count} problems, {(clock.Elapsed - started).TotalSeconds:0.0} s");
        }

        using (var health = await world.App.CreateClient().GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        output.WriteLine($"{db}: {total} inputs in {clock.Elapsed.TotalSeconds:0.0} s, {problems.Count} problems.");
        Assert.True(problems.Count == 0, $"{db}: {problems.Count} problems in {total} inputs:\n" + string.Join("\n", problems.Take(60)));
    }

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var page = await client.GetPageAsync(path);
        return page.QuerySelector<IHtmlInputElement>($"input[name={HostileForms.TokenName}]")!.Value;
    }

    /// <summary>One form's corpus, posted input after input.</summary>
    private sealed class FormAttack(FormWorld world, FormSpec form, IReadOnlyDictionary<string, string> tokens, bool postgres)
    {
        private HttpClient client = null!;
        private string token = "";
        private IReadOnlyList<(string Name, string Value)> pageFields = [];
        private DatabaseSnapshot? last;

        public List<string> Problems { get; } = [];

        public int Tried { get; private set; }

        public int Corpus { get; private set; }

        public int Refused { get; private set; }

        public int Accepted { get; private set; }

        public async Task RunAsync()
        {
            if (!await OpenAsync())
            {
                return;
            }

            if (!postgres && form.Needs != Needs.Anyone)
            {
                var visitor = world.App.CreateClient();
                await RefusedToAsync("a visitor", visitor, await TokenAsync(visitor, "/en/account/login"), "/en/account/login");
                if (form.Needs >= Needs.Editor)
                {
                    var learner = world.Client(Persona.Learner);
                    await RefusedToAsync("a learner", learner, await TokenAsync(learner, "/en/account"), "/en/account/access-denied");
                }
            }

            var corpus = HostileForms.Corpus(form, world);
            Corpus = corpus.Count;
            foreach (var mutation in Environment.GetEnvironmentVariable("LEARNING_FORM_CORPUS") == "all" ? corpus : HostileForms.Sample(corpus, form, postgres))
            {
                await TryAsync(mutation);
            }

            using var home = await world.App.CreateClient().GetAsync("/en/");
            if (home.StatusCode != HttpStatusCode.OK)
            {
                Problems.Add($"the site no longer answers: {(int)home.StatusCode}");
            }
        }

        /// <summary>Opens the form's page as its persona: the client, its token and the fields the page fills in.</summary>
        private async Task<bool> OpenAsync()
        {
            client = world.Client(form.As);
            var url = form.Url(Valid().Route);
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Problems.Add($"GET {url} answers {(int)response.StatusCode} {response.Headers.Location}");
                return false;
            }

            var page = await Browser.ParseAsync(response);
            var forms = page.QuerySelectorAll<IHtmlFormElement>("form").Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)).ToList();
            var chosen = forms.OrderByDescending(f => Score(f, url)).FirstOrDefault();
            token = (chosen?.QuerySelector<IHtmlInputElement>($"input[name={HostileForms.TokenName}]") ?? page.QuerySelector<IHtmlInputElement>($"input[name={HostileForms.TokenName}]"))?.Value ?? "";
            pageFields = chosen is null ? [] : Fields(chosen);
            return true;
        }

        private int Score(IHtmlFormElement element, string url)
        {
            var handler = "handler=" + form.Handler;
            var names = element.QuerySelectorAll("[formaction]").Select(e => e.GetAttribute("formaction") ?? "").Append(element.GetAttribute("action") ?? "");
            return form.Handler.Length > 0
                ? names.Any(n => n.Contains(handler, StringComparison.OrdinalIgnoreCase)) ? 2 : 0
                : string.IsNullOrEmpty(element.GetAttribute("action")) || element.GetAttribute("action") == url ? 2 : 0;
        }

        private static List<(string, string)> Fields(IHtmlFormElement element)
        {
            var fields = new List<(string, string)>();
            foreach (var e in element.Elements)
            {
                switch (e)
                {
                    case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                    case IHtmlInputElement { Name: HostileForms.TokenName }:
                        break;
                    case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                        fields.Add((input.Name, input.Value));
                        break;
                    case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                        fields.Add((select.Name, select.Value ?? ""));
                        break;
                    case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                        fields.Add((area.Name, area.Value));
                        break;
                }
            }

            return fields;
        }

        /// <summary>The post a browser makes: the page's fields with the table's valid values, the token.</summary>
        private ValidPost Valid()
        {
            var valid = form.Fields.Where(f => f.Valid is not null && f.Place == Place.Body).ToDictionary(f => f.Name, f => f.Valid!(world));
            var body = pageFields.Where(f => !valid.ContainsKey(f.Name) && form.Fields.All(t => t.Name != f.Name || t.Kind != FieldKind.File))
                .Select(f => new FormPart(f.Name, FormWorld.Utf8(f.Value))).ToList();
            body.AddRange(valid.Select(v => new FormPart(v.Key, FormWorld.Utf8(v.Value))));
            body.AddRange(form.Fields.Where(f => f.Kind == FieldKind.File).Select(f => f.FileValue!(world)).Zip(form.Fields.Where(f => f.Kind == FieldKind.File))
                .Select(x => new FormPart(x.Second.Name, x.First.Content, x.First.Name)));
            body.Add(new FormPart(HostileForms.TokenName, [], Token: true));
            var query = form.Fields.Where(f => f.Place == Place.Query).Select(f => (f.Name, f.Valid!(world))).ToList();
            if (form.Handler.Length > 0)
            {
                query.Insert(0, ("handler", form.Handler));
            }

            return new ValidPost(form.Fields.Where(f => f.Place == Place.Route).ToDictionary(f => f.Name, f => f.Valid!(world)), query, body,
                form.Multipart ? BodyShape.Multipart : BodyShape.UrlEncoded);
        }

        private async Task RefusedToAsync(string who, HttpClient other, string otherToken, string expected)
        {
            Tried++;
            var before = await DatabaseSnapshot.TakeAsync(world, form.MayChange);
            var (response, _, _) = await SendAsync(other, otherToken, Valid());
            var changes = before.Changes(await DatabaseSnapshot.TakeAsync(world, form.MayChange));
            var location = response?.Headers.Location?.OriginalString ?? "";
            if (response is null || !(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                                     || (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith(expected, StringComparison.Ordinal))))
            {
                Problems.Add($"posted by {who}: {(int?)response?.StatusCode} {location}, not refused");
            }
            else
            {
                Refused++;
            }

            if (changes.Count > 0)
            {
                Problems.Add($"posted by {who}: changed {DatabaseSnapshot.Describe(changes)}");
            }
        }

        private async Task TryAsync(Mutation mutation)
        {
            Tried++;
            if (form.Prepare is not null)
            {
                await form.Prepare(world);
            }

            if (form.As == Persona.Visitor && !await OpenAsync())
            {
                return;
            }

            var post = mutation.Apply(Valid());
            // The last input's snapshot is this one's, unless something ran in between.
            var before = form.Prepare is null && last is not null ? last : await DatabaseSnapshot.TakeAsync(world, form.MayChange);
            var (response, body, elapsed) = await SendAsync(client, token, post);
            var after = await DatabaseSnapshot.TakeAsync(world, form.MayChange);
            var changes = before.Changes(after);
            last = changes.Count == 0 ? after : null;
            var label = mutation.Label.Length > 120 ? mutation.Label[..120] + "…" : mutation.Label;
            if (response is null)
            {
                Problems.Add($"{label}: the request failed: {body}");
                return;
            }

            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString;
            var bound = changes.Count > 0 && form.AcceptedBound is { } longer ? longer : HostileInput.Bound;
            if (status >= 500)
            {
                Problems.Add($"{label}: {status}");
            }

            if (elapsed > bound)
            {
                Problems.Add($"{label}: took {elapsed.TotalSeconds:0.00} s");
            }

            if (location is not null && !IsLocal(location))
            {
                Problems.Add($"{label}: redirected away to {location}");
            }

            if (changes.Count == 0)
            {
                Refused++;
                if (mutation.Expect == Expect.Refused && status == 200 && !ShowsAnError(body))
                {
                    Problems.Add($"{label}: answered 200 without a message saying what is wrong");
                }

                return;
            }

            Accepted++;
            if (mutation.Expect == Expect.Refused)
            {
                Problems.Add($"{label}: {status}, changed although it must be refused: {DatabaseSnapshot.Describe(changes)}");
            }

            foreach (var (table, added, _) in changes)
            {
                if (added.FirstOrDefault(r => r.Nul || r.LoneSurrogate) is { } row)
                {
                    Problems.Add($"{label}: stored a NUL or a lone surrogate in {table}: {row.Preview}");
                }
            }

            try
            {
                if (form.Accepted is not null)
                {
                    await form.Accepted(world, Read(post));
                }
            }
            catch (Exception exception)
            {
                Problems.Add($"{label}: {exception.Message}");
            }

            // What the form showed may have changed (a new version, a new session): open it again.
            await OpenAsync();
        }

        private static bool IsLocal(string location) =>
            location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal);

        /// <summary>Whether the page says what is wrong: a validation message or an error alert with text.</summary>
        private static bool ShowsAnError(string html)
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            return page.QuerySelectorAll(".validation-summary-errors:not(.validation-summary-valid) li, .field-validation-error, .alert--error")
                .Any(e => !string.IsNullOrWhiteSpace(e.TextContent));
        }

        private async Task<(HttpResponseMessage? Response, string Body, TimeSpan Elapsed)> SendAsync(HttpClient sender, string currentToken, ValidPost post)
        {
            using var request = Request(post, currentToken);
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await sender.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                return (response, body, clock.Elapsed);
            }
            catch (Exception exception)
            {
                return (null, $"{exception.GetType().Name}: {exception.Message}", clock.Elapsed);
            }
        }

        private string Substitute(string value, string currentToken) =>
            value == Tokens.Current ? currentToken : tokens.GetValueOrDefault(value, value);

        private HttpRequestMessage Request(ValidPost post, string currentToken)
        {
            var parts = post.Body.Select(p => p.Token ? p with { Value = FormWorld.Utf8(currentToken) }
                : p.FileName is null && !p.Raw && tokens.ContainsKey(Encoding.UTF8.GetString(p.Value)) ? p with { Value = FormWorld.Utf8(Substitute(Encoding.UTF8.GetString(p.Value), currentToken)) }
                : p).ToList();
            var query = string.Join("&", post.Query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(Substitute(q.Value, currentToken))}"));
            var url = form.Url(post.Route) + (query.Length > 0 ? "?" + query : "");
            const string boundary = "----form-corpus-20261205";
            var (bytes, type) = post.Shape switch
            {
                BodyShape.UrlEncoded => (UrlEncoded(parts), "application/x-www-form-urlencoded"),
                BodyShape.Multipart => (Multipart(parts, boundary), $"multipart/form-data; boundary={boundary}"),
                BodyShape.MultipartWithoutBoundary => (Multipart(parts, boundary), "multipart/form-data"),
                BodyShape.MultipartCutShort => (Multipart(parts, boundary)[..(Multipart(parts, boundary).Length / 2)], $"multipart/form-data; boundary={boundary}"),
                BodyShape.TextPlain => (UrlEncoded(parts), "text/plain; charset=utf-8"),
                BodyShape.Json => (JsonSerializer.SerializeToUtf8Bytes(parts.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.First().Value))), "application/json"),
                _ => (UrlEncoded(parts), null),
            };
            var content = new ByteArrayContent(bytes);
            if (type is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        }

        private static byte[] UrlEncoded(IEnumerable<FormPart> parts)
        {
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                text.Append(text.Length > 0 ? "&" : "").Append(Escape(FormWorld.Utf8(part.Name))).Append('=')
                    .Append(part.Raw ? Encoding.UTF8.GetString(part.Value) : Escape(part.Value));
            }

            return Encoding.ASCII.GetBytes(text.ToString());
        }

        /// <summary>Percent-encodes bytes as they are, invalid UTF-8 included (Uri.EscapeDataString takes a string).</summary>
        private static string Escape(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 3);
            foreach (var b in bytes)
            {
                if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                {
                    text.Append((char)b);
                }
                else
                {
                    text.Append('%').Append(b.ToString("X2"));
                }
            }

            return text.ToString();
        }

        private static byte[] Multipart(IEnumerable<FormPart> parts, string boundary)
        {
            using var body = new MemoryStream();
            void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
            static string Quoted(string text) => text.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");
            foreach (var part in parts)
            {
                Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{Quoted(part.Name)}\"");
                Write(part.FileName is null ? "\r\n\r\n" : $"; filename=\"{Quoted(part.FileName)}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
                body.Write(part.Raw ? FormWorld.Utf8(Uri.UnescapeDataString(Encoding.UTF8.GetString(part.Value))) : part.Value);
                Write("\r\n");
            }

            Write($"--{boundary}--\r\n");
            return body.ToArray();
        }

        /// <summary>What the server read, as the page binds it: body first, then the route, then the query.</summary>
        private static Posted Read(ValidPost post)
        {
            var values = new Dictionary<string, List<string>>();
            void Add(string name, string value)
            {
                if (!values.TryGetValue(name, out var list))
                {
                    values[name] = list = [];
                }

                list.Add(value);
            }

            if (post.Shape == BodyShape.UrlEncoded)
            {
                // Read as the server reads it (which keeps the escapes of invalid UTF-8 as they were sent).
                var reader = new FormReader(Encoding.ASCII.GetString(UrlEncoded(post.Body.Where(p => !p.Token))))
                {
                    ValueCountLimit = int.MaxValue, KeyLengthLimit = int.MaxValue, ValueLengthLimit = int.MaxValue,
                };
                foreach (var (name, read) in reader.ReadForm())
                {
                    foreach (var value in read)
                    {
                        Add(name, value ?? "");
                    }
                }
            }
            else if (post.Shape == BodyShape.Multipart)
            {
                foreach (var part in post.Body.Where(p => p.FileName is null && !p.Token))
                {
                    Add(part.Name, part.Raw ? Uri.UnescapeDataString(Encoding.UTF8.GetString(part.Value)) : Encoding.UTF8.GetString(part.Value));
                }
            }

            foreach (var (name, value) in post.Route)
            {
                Add(name, value);
            }

            foreach (var (name, value) in post.Query)
            {
                Add(name, value);
            }

            return new Posted(values.ToDictionary(v => v.Key, v => v.Value.ToArray()));
        }
    }
}
