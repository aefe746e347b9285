namespace Learning.Modules.Core;

/// <summary>Installation-wide settings, bound from the "Learning" configuration section.</summary>
public sealed class LearningOptions
{
    public const string Section = "Learning";

    /// <summary>The address people open (scheme, host and port, such as <c>https://learning.example.org</c>): every
    /// absolute link (e-mails, PDFs, feed, sitemap, badges) of the default tenant and of tenants found by path
    /// segment starts with it, never with the host a request names. When empty: the first address the server
    /// listens on (a development default; set it in production).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Host names answered besides those of the base URLs and of the tenants (an alias, a health probe's
    /// address); any other host gets 400.</summary>
    public List<string> ExtraHosts { get; set; } = [];

    /// <summary>Reverse proxies whose X-Forwarded-For, -Proto and -Host are believed (IP addresses), besides the
    /// loopback address.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, in CIDR notation (<c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Networks (CIDR) or addresses whose callers see /health's details, besides the installation's
    /// administrators; everyone else gets a bare status.</summary>
    public List<string> HealthDetailsFrom { get; set; } = [];

    /// <summary>Where the installation keeps its data: SQLite databases, media, jobs (SQLite), mail pickup folder.
    /// Relative paths are resolved against the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>Where tenants' media files live, when several nodes share them (a mounted network folder): each
    /// tenant's files go to <c>{MediaPath}/{tenant}</c>. When empty: the tenant's folder under the data path.</summary>
    public string? MediaPath { get; set; }

    /// <summary>A Redis server shared by several nodes (StackExchange.Redis configuration, such as
    /// <c>redis.internal:6379,password=…</c>): each node's caches are dropped on every node when something changes,
    /// and account posts are counted once for all nodes. When empty: one node, everything in its memory.</summary>
    public string? Redis { get; set; }

    /// <summary>The database of the default tenant, which also holds the installation's list of tenants and its
    /// data-protection keys.</summary>
    public DatabaseSettings Database { get; set; } = new();

    /// <summary>Per tenant (by identifier), what must not be written in tenants.json, such as
    /// <c>Learning:Tenants:north:DatabasePassword</c> (environment variable <c>Learning__Tenants__north__DatabasePassword</c>).</summary>
    public Dictionary<string, TenantSecrets> Tenants { get; set; } = [];

    /// <summary>E-mail of the default tenant's first administrator.</summary>
    public string AdminEmail { get; set; } = "admin@example.org";

    public EmailSettings Email { get; set; } = new();

    /// <summary>The background jobs (Hangfire): workers, polling, and how soon a dead node's job is taken over.</summary>
    public JobsSettings Jobs { get; set; } = new();

    /// <summary>The certificate that encrypts the data-protection keys at rest (see KeyRingCertificate).</summary>
    public DataProtectionSettings DataProtection { get; set; } = new();

    /// <summary>Login, registration and password-reset posts allowed per client and minute.</summary>
    public int AccountPostsPerMinute { get; set; } = 10;

    /// <summary>Modules of Modules.cs this installation does without (by folder name, such as "Certificates"),
    /// as if their line were removed: no pages, tables, navigation, setup steps or jobs of theirs.</summary>
    public List<string> LeaveOutModules { get; set; } = [];
}

public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL connection string; SQLite databases live under the data path.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class DataProtectionSettings
{
    /// <summary>A PKCS#12 (.pfx) file with its private key; when empty, one is made into the data folder.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

public sealed class TenantSecrets
{
    /// <summary>Password of the tenant's PostgreSQL database, added to its connection string when it is opened.</summary>
    public string? DatabasePassword { get; set; }
}

public sealed class EmailSettings
{
    public string From { get; set; } = "no-reply@example.org";

    /// <summary>SMTP server; when empty, messages are written as .eml files into the pickup folder.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>Encrypts the connection: TLS from the first byte on port 465, STARTTLS on any other port (MailKit).</summary>
    public bool SmtpEnableSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Pickup folder, relative to the data path, used when no SMTP server is configured.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    /// <summary>How often the outbox is sent, in seconds.</summary>
    public int SendIntervalSeconds { get; set; } = 10;

    /// <summary>How many days an e-mail stays in the outbox once sent (or given up), before the retention job deletes it.</summary>
    public int KeepSentDays { get; set; } = 90;
}

/// <summary>
/// Background jobs run on Hangfire, stored in <c>jobs.db</c> under the data path on SQLite, or in the schema
/// <c>hangfire</c> of the default tenant's database on PostgreSQL (where several nodes share them: each job runs once).
/// </summary>
public sealed class JobsSettings
{
    /// <summary>Whether this node runs jobs. A node that only serves pages (or a test) can leave them to others; the
    /// dashboard still works.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Jobs this node runs at once.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often, at most, a node looks for recurring jobs due and for enqueued jobs, in seconds (shortened to
    /// the shortest job interval, such as the outbox's, when that is shorter).</summary>
    public int PollingSeconds { get; set; } = 5;

    /// <summary>PostgreSQL: how long a job being processed stays invisible to other nodes without its node's sign of life
    /// (renewed every fifth of it while the job runs), in seconds. A node that dies mid-job has it taken over by another
    /// within about this time; a live node's long job is never run twice.</summary>
    public int InvisibilityTimeoutSeconds { get; set; } = 60;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
