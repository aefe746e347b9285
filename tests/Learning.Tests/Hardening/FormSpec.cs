namespace Learning.Tests.Hardening;

/// <summary>Who may post a form: the corpus also posts it as someone less, who must be refused.</summary>
public enum Needs
{
    Anyone,
    SignedIn,
    Editor,
    Administrator,

    /// <summary>An administrator of the default tenant, who manages the installation's tenants.</summary>
    InstallationAdministrator,
}

/// <summary>The account a form is posted as: a form that changes its own account (a password, a profile, the
/// account itself) has an account of its own, so that nothing it does spoils the other forms.</summary>
public enum Persona
{
    /// <summary>Nobody signed in: a fresh client for every input.</summary>
    Visitor,
    Learner,
    Profile,
    PasswordChanger,
    Leaver,
    Editor,
    Administrator,
}

/// <summary>What a field holds, which says what hostile values it gets and which ones must be refused.</summary>
public enum FieldKind
{
    /// <summary>Text a person types; over <see cref="FormField.Max"/> characters must be refused.</summary>
    Text,

    /// <summary>Text the page cuts to <see cref="FormField.Max"/> characters rather than refusing it.</summary>
    CutText,

    /// <summary>A password or a code: anything else than the right one is refused, and over-long ones too.</summary>
    Secret,

    /// <summary>A number or name that picks a row: unknown ones, another person's and another tenant's must be refused.</summary>
    Id,

    /// <summary>A number a person types (an answer): anything is allowed, nothing may crash.</summary>
    Number,

    /// <summary>One of a list of values (a culture, a role, a choice of an answer): other values are refused or ignored.</summary>
    Choice,

    /// <summary>Several values of a list (ticked boxes).</summary>
    Choices,

    Flag,

    /// <summary>An address to return to: whatever it is, only a local one may be followed.</summary>
    ReturnUrl,

    /// <summary>A file of a multipart form.</summary>
    File,
}

/// <summary>Where a field travels.</summary>
public enum Place
{
    Body,
    Query,

    /// <summary>A segment of the path, written {Name} in <see cref="FormSpec.Path"/>.</summary>
    Route,
}

/// <summary>A field of a form and its valid value (null: as the page shows it).</summary>
public sealed record FormField(string Name, FieldKind Kind, Place Place = Place.Body)
{
    public bool Required { get; init; }

    public int? Max { get; init; }

    public Func<FormWorld, string>? Valid { get; init; }

    /// <summary>Values that pick something this person may not touch: another person's row, another tenant's,
    /// an unknown one. They must be refused.</summary>
    public Func<FormWorld, string[]>? Foreign { get; init; }

    /// <summary>A file the form may go without (a photo joined only if the person wishes): posting none is not refused.</summary>
    public bool Optional { get; init; }

    /// <summary>A file's name, content and type.</summary>
    public Func<FormWorld, (string Name, byte[] Content)>? FileValue { get; init; }
}

/// <summary>A form the corpus attacks: a page handler, where it is posted, who may post it, its fields, and what
/// an accepted input must have stored.</summary>
public sealed record FormSpec(Type Page, string Handler, string Path, Needs Needs, Persona As, IReadOnlyList<FormField> Fields)
{
    /// <summary>Whether what is posted reaches the tenant's database (read or written), so that the form is attacked
    /// on PostgreSQL too.</summary>
    public bool UsesDatabase { get; init; } = true;

    public bool Multipart { get; init; }

    /// <summary>Why the form takes no anti-forgery token (a mail client's one-click unsubscribe posts without a page or a
    /// cookie; a signed field is the authority): then the token's mutations may be accepted, like a valid post.</summary>
    public string? NoAntiforgeryBecause { get; init; }

    /// <summary>Columns ("Table.Column") a refused input may change by design, with <see cref="Why"/>.</summary>
    public IReadOnlyList<string> MayChange { get; init; } = [];

    public string? Why { get; init; }

    /// <summary>Before each input (not timed): puts back what the previous one used up.</summary>
    public Func<FormWorld, Task>? Prepare { get; init; }

    /// <summary>After an input that changed the database: checks what was stored (throws when it is not what the
    /// person would expect) and puts the form's subject back.</summary>
    public Func<FormWorld, Posted, Task>? Accepted { get; init; }

    /// <summary>The bound of an accepted input when the form's work is heavy by nature (setting up a tenant).</summary>
    public TimeSpan? AcceptedBound { get; init; }

    /// <summary>Inputs drawn on SQLite and on PostgreSQL.</summary>
    public (int Sqlite, int Postgres) Sample { get; init; } = (16, 12);

    /// <summary>The page model's name under Learning.Modules and the handler's method, without Async.</summary>
    public string Key => KeyOf(Page, "OnPost" + Handler);

    public static string KeyOf(Type page, string method) => $"{page.FullName!["Learning.Modules.".Length..]}.{(method.EndsWith("Async", StringComparison.Ordinal) ? method[..^5] : method)}";

    public string Url(IReadOnlyDictionary<string, string> route) =>
        Fields.Where(f => f.Place == Place.Route).Aggregate(Path, (path, f) => path.Replace("{" + f.Name + "}", Uri.EscapeDataString(route.GetValueOrDefault(f.Name, ""))));
}

/// <summary>What the server read from an input: the values of each field of the body, the query and the route.</summary>
public sealed class Posted(IReadOnlyDictionary<string, string[]> values)
{
    /// <summary>The first value, which a page binds to a single value.</summary>
    public string? this[string name] => values.GetValueOrDefault(name)?.FirstOrDefault();

    public IReadOnlyList<string> All(string name) => values.GetValueOrDefault(name) ?? [];

    /// <summary>The values a list binds: the field's own, else its indexed ones from [0] on, up to the first gap.</summary>
    public IReadOnlyList<string> List(string name) => All(name) is { Count: > 0 } own
        ? own
        : Enumerable.Range(0, int.MaxValue).Select(i => All($"{name}[{i}]")).TakeWhile(v => v.Count > 0).Select(v => v[0]).ToList();
}
