using System.Text;

namespace Learning.Tests.Hardening;

/// <summary>What an input must get: refused (a 4xx, the page again with a message, or a redirect) changing nothing,
/// or either refused or accepted, when accepted the form's check says whether what was stored is right.</summary>
public enum Expect
{
    Refused,
    Either,
}

/// <summary>How the body is sent: as browsers do, or broken.</summary>
public enum BodyShape
{
    UrlEncoded,
    Multipart,
    MultipartWithoutBoundary,
    MultipartCutShort,
    TextPlain,
    Json,
    NoContentType,
}

/// <summary>A field of a body: <paramref name="Value"/> is its bytes (percent-encoded when sent url-encoded, unless
/// <paramref name="Raw"/>: then written as they are, malformed escapes included); a token part takes the client's token.</summary>
public sealed record FormPart(string Name, byte[] Value, string? FileName = null, bool Raw = false, bool Token = false);

/// <summary>A valid post of a form, as the page gives it, which mutations tamper with.</summary>
public sealed record ValidPost(IReadOnlyDictionary<string, string> Route, IReadOnlyList<(string Name, string Value)> Query, IReadOnlyList<FormPart> Body, BodyShape Shape);

/// <summary>A tampered post: a mutation of the valid one.</summary>
public sealed record Mutation(string Label, Expect Expect, bool Structural, Func<ValidPost, ValidPost> Apply);

/// <summary>
/// The hostile posts of a form, always the same for a given form and seed: the request's shape broken (token,
/// content type, multipart, handler, field counts and names) and each field given hostile values (over-long,
/// NUL and control characters, invalid UTF-8, numbers out of range, text where numbers go, another person's or
/// tenant's ids, unknown ids, arrays where one value goes and the reverse, missing, duplicated).
/// </summary>
public static class HostileForms
{
    public const string TokenName = "__RequestVerificationToken";

    /// <summary>The mutations every form gets first on SQLite: without a token, with a forged one, an unknown
    /// handler, a text body, a multipart body without its boundary.</summary>
    public static readonly string[] Core = ["no token", "a forged token", "an unknown handler", "a text/plain body", "multipart without a boundary"];

    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    private static readonly (string Label, byte[] Bytes, bool Raw)[] Texts =
    [
        ("100 KB", U(new string('x', 100_000)), false),
        ("100 KB of é", U(new string('é', 50_000)), false),
        ("a letter and 100 KB of emoji", U("x" + string.Concat(Enumerable.Repeat("👍", 25_000))), false),
        (NulInside, U("a\0b"), false),
        ("a NUL alone", U("\0"), false),
        ("control characters", U("\u0001\u0007\u001b[31mred\u001b[0m\u007f"), false),
        ("line breaks", U("one\r\ntwo\nthree\rfour"), false),
        ("a tab", U("\t"), false),
        ("blank", U("   "), false),
        ("empty", U(""), false),
        ("padded", U("  padded value  "), false),
        ("a right-to-left override", U("\u202Egnp.exe"), false),
        ("combining and zero-width characters", U("e\u0301\u200B\u200D"), false),
        ("an emoji family", U("👩‍👩‍👧‍👦"), false),
        ("noncharacters", U("\uFFFE\uFFFF"), false),
        ("a script", U("<script>alert(1)</script>"), false),
        ("an attribute break", U("\"><img src=x onerror=alert(1)>"), false),
        ("SQL", U("' OR '1'='1' --"), false),
        ("format placeholders", U("{0}{1}{{}}%s%n"), false),
        ("path traversal", U("../../../etc/passwd"), false),
        ("a lone surrogate (as bytes)", [0x61, 0xED, 0xA0, 0x80], false),
        ("invalid UTF-8", [0xFF, 0xFE, 0xC3], false),
        ("an overlong NUL", [0xC0, 0x80], false),
        ("a cut UTF-8 sequence", [0x61, 0xE2, 0x82], false),
        ("malformed escapes", U("%zz%u0000%"), true),
        ("an escaped NUL", U("%00"), true),
    ];

    private static readonly string[] Numbers =
    [
        "-1", "0", "-0", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "1e400", "-1e400", "NaN", "Infinity",
        "0x7ffffff0", "1,5", "1.5", "١٢", "１", "abc", "", " ", "1 OR 1=1",
    ];

    private static readonly string[] ReturnUrls =
        ["//evil.example/", "https://evil.example/", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "/%2F%2Fevil.example", " //evil.example", "/\t/evil.example"];

    private static readonly string[] Flags = ["maybe", "TRUE", "on", "1", "1e400", "true,false"];

    /// <summary>The whole corpus of a form.</summary>
    public static IReadOnlyList<Mutation> Corpus(FormSpec form, FormWorld world)
    {
        var mutations = new List<Mutation>();
        mutations.AddRange(Structural(form));
        foreach (var field in form.Fields)
        {
            mutations.AddRange(field.Kind == FieldKind.File ? Files(field, world) : Values(form, field, world));
        }

        return mutations;
    }

    /// <summary>The inputs a run posts, as many as <see cref="FormSpec.Sample"/> says, drawn with the corpus seed and the
    /// form's name: on SQLite the <see cref="Core"/> ones first, on PostgreSQL the NULs first (its text cannot hold one),
    /// then a draw of the others (at least four).</summary>
    public static IReadOnlyList<Mutation> Sample(IReadOnlyList<Mutation> corpus, FormSpec form, bool postgres)
    {
        var random = new Random(HostileInput.Seed + StableHash(form.Key) + (postgres ? 1 : 0));
        var first = corpus.Where(m => postgres ? m.Label.EndsWith(": " + NulInside, StringComparison.Ordinal) || m.Label == MultipartNul : Core.Contains(m.Label)).ToList();
        var rest = corpus.Except(first).OrderBy(_ => random.Next()).ToList();
        return [.. first, .. rest.Take(Math.Max(4, (postgres ? form.Sample.Postgres : form.Sample.Sqlite) - first.Count))];
    }

    private const string NulInside = "a NUL inside";

    private const string MultipartNul = "multipart with a NUL in each field";

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static IEnumerable<Mutation> Structural(FormSpec form)
    {
        var requiresSomething = form.Fields.Any(f => f.Place != Place.Route && (f.Required || f.Kind is FieldKind.Id or FieldKind.Secret or FieldKind.File));

        // Razor Pages runs a page's unnamed OnPost when the handler asked for is unknown: then an unknown name is a plain post.
        var unknownHandler = form.Page.GetMethods().Any(m => m.Name is "OnPost" or "OnPostAsync") ? Expect.Either : Expect.Refused;
        var otherShape = form.Multipart ? BodyShape.UrlEncoded : BodyShape.Multipart;
        Mutation M(string label, Func<ValidPost, ValidPost> apply, Expect expect = Expect.Refused) => new(label, expect, true, apply);
        ValidPost Token(ValidPost post, params FormPart[] tokens) => post with { Body = [.. post.Body.Where(p => !p.Token), .. tokens] };
        var tokenExpect = form.NoAntiforgeryBecause is null ? Expect.Refused : Expect.Either;

        yield return M("no token", p => Token(p), tokenExpect);
        yield return M("a forged token", p => Token(p, new FormPart(TokenName, U("CfDJ8" + new string('A', 150)))), tokenExpect);
        yield return M("an empty token", p => Token(p, new FormPart(TokenName, [])), tokenExpect);
        yield return M("a token with a NUL", p => Token(p, new FormPart(TokenName, U("CfDJ8\0"))), tokenExpect);
        yield return M("another person's token", p => Token(p, new FormPart(TokenName, U(Tokens.OtherPerson))), tokenExpect);
        yield return M("another tenant's token", p => Token(p, new FormPart(TokenName, U(Tokens.OtherTenant))), tokenExpect);
        yield return M("the token twice, the second forged", p => Token(p, p.Body.Single(b => b.Token), new FormPart(TokenName, U("CfDJ8forged"))), tokenExpect);
        yield return M("the token in the query string only", p => Token(p) with { Query = [.. p.Query, (TokenName, Tokens.Current)] }, tokenExpect);
        yield return M("a text/plain body", p => p with { Shape = BodyShape.TextPlain });
        yield return M("a JSON body", p => p with { Shape = BodyShape.Json });
        yield return M("no content type", p => p with { Shape = BodyShape.NoContentType });
        yield return M("multipart without a boundary", p => p with { Shape = BodyShape.MultipartWithoutBoundary });
        yield return M("multipart cut short", p => p with { Shape = BodyShape.MultipartCutShort });
        yield return M("an unknown handler", p => Handler(p, "Nope"), unknownHandler);
        yield return M("a handler of 100 KB", p => Handler(p, new string('h', 100_000)), unknownHandler);
        yield return M("a handler with a NUL", p => Handler(p, form.Handler + "\0"), unknownHandler);
        yield return M("a handler named like the page's get", p => Handler(p, "Get"), unknownHandler);
        if (form.Handler.Length > 0)
        {
            yield return M("no handler", p => p with { Query = p.Query.Where(q => q.Name != "handler").ToList() }, unknownHandler);
            yield return M("the handler in lower case", p => Handler(p, form.Handler.ToLowerInvariant()), Expect.Either);
        }

        yield return M("every field missing", p => p with { Body = p.Body.Where(b => b.Token).ToList(), Query = p.Query.Where(q => q.Name == "handler").ToList() },
            requiresSomething ? Expect.Refused : Expect.Either);
        yield return M($"sent as {otherShape}", p => p with { Shape = otherShape }, form.Multipart ? Expect.Refused : Expect.Either);

        // A url-encoded NUL is refused by the framework's form reader; a multipart one reaches the page.
        yield return M(MultipartNul, p => p with
        {
            Shape = BodyShape.Multipart,
            Body = p.Body.Select(b => b.Token || b.FileName is not null ? b : b with { Value = [.. b.Value, 0, .. U("x")] }).ToList(),
        }, Expect.Either);
        yield return M("thousands of fields", p => p with { Body = [.. p.Body, .. Enumerable.Range(0, 5000).Select(i => new FormPart($"f{i}", U("1")))] }, Expect.Either);
        yield return M("thousands of values of one field", p => p with { Body = [.. p.Body, .. Enumerable.Range(0, 5000).Select(i => new FormPart("f", U(i.ToString())))] }, Expect.Either);
        yield return M("a value of 5 MB", p => p with { Body = [.. p.Body, new FormPart("filler", U(new string('x', 5 << 20)))] }, Expect.Either);
        yield return M("a name of 100 KB", p => p with { Body = [.. p.Body, new FormPart(new string('n', 100_000), U("1"))] }, Expect.Either);
        yield return M("a name nested a thousand deep", p => p with { Body = [.. p.Body, new FormPart("Input" + string.Concat(Enumerable.Repeat("[0]", 1000)), U("1"))] }, Expect.Either);
        yield return M("names nested with dots a thousand deep", p => p with { Body = [.. p.Body, new FormPart(string.Join(".", Enumerable.Repeat("Input", 1000)), U("1"))] }, Expect.Either);
        yield return M("unbalanced brackets", p => p with { Body = [.. p.Body, new FormPart("Input[[[[", U("1")), new FormPart("]]]]", U("1")), new FormPart("Input[", U("1"))] }, Expect.Either);
        yield return M("a name with a NUL", p => p with { Body = [.. p.Body, new FormPart("Input.\0", U("1"))] }, Expect.Either);
        yield return M("an empty name", p => p with { Body = [.. p.Body, new FormPart("", U("1"))] }, Expect.Either);
        yield return M("a stray ampersand and equals signs", p => p with { Body = [.. p.Body, new FormPart("&=&==", U("="), Raw: true)] }, Expect.Either);
    }

    private static ValidPost Handler(ValidPost post, string handler) =>
        post with { Query = [.. post.Query.Where(q => q.Name != "handler"), ("handler", handler)] };

    private static IEnumerable<Mutation> Values(FormSpec form, FormField field, FormWorld world)
    {
        var required = field.Required || field.Kind is FieldKind.Id or FieldKind.Secret;
        var values = new List<(string Label, byte[] Bytes, bool Raw, Expect Expect)>();
        Expect TextExpect(byte[] bytes) =>
            field.Kind is FieldKind.Secret or FieldKind.Id
            || (field.Kind == FieldKind.Text && field.Max is { } max && Encoding.UTF8.GetString(bytes).Length > max)
            || (required && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(bytes)))
                ? Expect.Refused : Expect.Either;

        switch (field.Kind)
        {
            case FieldKind.Id:
                values.AddRange((field.Foreign?.Invoke(world) ?? []).Select(v => ($"another's or an unknown {field.Name} ({Short(v)})", U(v), false, Expect.Refused)));
                values.AddRange(Numbers.Select(n => ($"{field.Name} {Short(n)}", U(n), false, Expect.Refused)));
                values.AddRange(Texts.Where((_, i) => i % 3 == 0).Select(t => (t.Label, t.Bytes, t.Raw, Expect.Refused)));
                break;
            case FieldKind.Number:
                values.AddRange(Numbers.Select(n => ($"{field.Name} {Short(n)}", U(n), false, Expect.Either)));
                values.AddRange(Texts.Where((_, i) => i % 4 == 0).Select(t => (t.Label, t.Bytes, t.Raw, Expect.Either)));
                break;
            case FieldKind.Choice or FieldKind.Choices:
                values.AddRange(new[] { "xx", "EN", "Administrator", "-1", "2147483648", "1e400", "" }.Select(v => ($"{field.Name} {Short(v)}", U(v), false, required && v.Length == 0 ? Expect.Refused : Expect.Either)));
                values.AddRange(Texts.Where((_, i) => i % 3 == 1).Select(t => (t.Label, t.Bytes, t.Raw, TextExpect(t.Bytes))));
                break;
            case FieldKind.Flag:
                values.AddRange(Flags.Select(v => ($"{field.Name} {v}", U(v), false, Expect.Either)));
                values.AddRange(Texts.Where((_, i) => i % 5 == 0).Select(t => (t.Label, t.Bytes, t.Raw, Expect.Either)));
                break;
            default:
                values.AddRange(Texts.Select(t => (t.Label, t.Bytes, t.Raw, TextExpect(t.Bytes))));
                if (field.Kind == FieldKind.ReturnUrl)
                {
                    values.AddRange(ReturnUrls.Select(v => ($"returning to {v}", U(v), false, Expect.Either)));
                }

                break;
        }

        // A NUL in a path is refused by Kestrel before the site sees it (and the test server cannot send one).
        values.RemoveAll(v => field.Place == Place.Route && (v.Bytes.Contains((byte)0) || (v.Raw && Encoding.UTF8.GetString(v.Bytes).Contains("%00"))));

        // Without its last segment, a path may be another page's (an attempt's question, its summary), posted as that page's form.
        var lastSegment = field.Place == Place.Route && form.Path.EndsWith("{" + field.Name + "}", StringComparison.Ordinal);
        if (lastSegment)
        {
            values = values.Select(v => v.Bytes.Length == 0 ? v with { Expect = Expect.Either } : v).ToList();
        }

        foreach (var (label, bytes, raw, expect) in values)
        {
            yield return new($"{field.Name}: {label}", expect, false, p => Set(p, field, [new FormPart(field.Name, bytes, Raw: raw)]));
        }

        var missing = required ? Expect.Refused : Expect.Either;
        yield return new($"{field.Name}: missing", lastSegment ? Expect.Either : missing, false, p => Set(p, field, []));
        if (field.Place == Place.Route)
        {
            yield break;
        }

        var hostile = values[new Random(HostileInput.Seed + field.Name.Length).Next(values.Count)];
        yield return new($"{field.Name}: twice, valid then {hostile.Label}", Expect.Either, false, p => Set(p, field, [.. Of(p, field), new FormPart(field.Name, hostile.Bytes, Raw: hostile.Raw)]));
        yield return new($"{field.Name}: twice, {hostile.Label} then valid", Expect.Either, false, p => Set(p, field, [new FormPart(field.Name, hostile.Bytes, Raw: hostile.Raw), .. Of(p, field)]));
        yield return new($"{field.Name}: as an array of two", missing, false, p => Set(p, field, [.. Of(p, field).Select(v => v with { Name = field.Name + "[0]" }), new FormPart(field.Name + "[1]", U("x"))]));
        yield return new($"{field.Name}: indexed far away", missing, false, p => Set(p, field, Of(p, field).Select(v => v with { Name = field.Name + "[2147483648]" }).ToList()));
        yield return new($"{field.Name}: as a dictionary", missing, false, p => Set(p, field, Of(p, field).Select(v => v with { Name = field.Name + "[key]" }).ToList()));
        yield return new($"{field.Name}: in the query string too, hostile", Expect.Either, false, p => p with { Query = [.. p.Query, (field.Name, Encoding.UTF8.GetString(hostile.Bytes))] });
        if (field.Kind == FieldKind.Choices)
        {
            yield return new($"{field.Name}: two thousand values", Expect.Either, false, p => Set(p, field, [.. Of(p, field), .. Enumerable.Range(0, 2000).Select(i => new FormPart(field.Name, U($"v{i}")))]));
            yield return new($"{field.Name}: indexes with a gap", Expect.Either, false, p => Set(p, field, [new FormPart(field.Name + "[0]", Of(p, field).FirstOrDefault()?.Value ?? U("x")), new FormPart(field.Name + "[5]", U("x"))]));
        }
    }

    private static IEnumerable<Mutation> Files(FormField field, FormWorld world)
    {
        FormPart File(ValidPost p) => Of(p, field).Single();
        Mutation M(string label, Expect expect, Func<ValidPost, IReadOnlyList<FormPart>> parts) => new($"{field.Name}: {label}", expect, false, p => Set(p, field, parts(p)));
        var noise = new byte[3000];
        new Random(HostileInput.Seed).NextBytes(noise);

        // Without the file (or with it where the page does not look), an optional file's form goes on without it.
        var absent = field.Optional ? Expect.Either : Expect.Refused;
        yield return M("missing", absent, _ => []);
        yield return M("empty", Expect.Refused, p => [File(p) with { Value = [] }]);
        yield return M("noise", Expect.Refused, p => [File(p) with { Value = noise }]);
        yield return M("sent as a text field", absent, p => [new FormPart(field.Name, File(p).Value)]);
        yield return M("under another name", absent, p => [File(p) with { Name = field.Name + "x" }]);
        yield return M("twice", Expect.Either, p => [File(p), File(p)]);
        yield return M("with an empty file name", Expect.Either, p => [File(p) with { FileName = "" }]);
        var extension = Path.GetExtension(field.FileValue!(world).Name);
        foreach (var name in new[] { "../../x" + extension, new string('a', 100_000) + extension, "a\0b" + extension, "\u202Egnp.exe" + extension, "C:\\x\\y" + extension, "\"quoted\"" + extension, "é\r\n" + extension })
        {
            yield return M($"named {Short(name)}", Expect.Either, p => [File(p) with { FileName = name }]);
        }
    }

    private static IReadOnlyList<FormPart> Of(ValidPost post, FormField field) =>
        field.Place switch
        {
            Place.Body => post.Body.Where(b => b.Name == field.Name).ToList(),
            Place.Query => post.Query.Where(q => q.Name == field.Name).Select(q => new FormPart(q.Name, U(q.Value))).ToList(),
            _ => post.Route.TryGetValue(field.Name, out var value) ? [new FormPart(field.Name, U(value))] : [],
        };

    /// <summary>The post with the field's parts replaced (none: the field is missing).</summary>
    private static ValidPost Set(ValidPost post, FormField field, IReadOnlyList<FormPart> parts)
    {
        switch (field.Place)
        {
            case Place.Body:
                var at = post.Body.ToList().FindIndex(b => b.Name == field.Name);
                var body = post.Body.Where(b => b.Name != field.Name).ToList();
                body.InsertRange(at < 0 ? body.Count : Math.Min(at, body.Count), parts);
                return post with { Body = body };
            case Place.Query:
                return post with { Query = [.. post.Query.Where(q => q.Name != field.Name), .. parts.Select(p => (p.Name, Decode(p)))] };
            default:
                var route = post.Route.ToDictionary();
                route[field.Name] = parts.Count == 0 ? "" : Decode(parts[0]);
                return post with { Route = route };
        }
    }

    /// <summary>A part's value as it goes into a URL: raw escapes stay, other bytes are read as UTF-8 (invalid ones
    /// become U+FFFD, since a URL is built from a string).</summary>
    private static string Decode(FormPart part) => part.Raw ? Uri.UnescapeDataString(Encoding.UTF8.GetString(part.Value)) : Encoding.UTF8.GetString(part.Value);

    private static string Short(string text) => text.Length > 30 ? text[..30] + $"… ({text.Length})" : text;

    /// <summary>Stand-ins for tokens the runner knows only when it posts: the client's own, another client's, and one
    /// from the other tenant.</summary>
    public static class Tokens
    {
        public const string Current = "\u0001current-token";
        public const string OtherPerson = "\u0001other-person-token";
        public const string OtherTenant = "\u0001other-tenant-token";
    }
}
