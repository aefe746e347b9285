using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Npgsql;

namespace Learning.Tests.Scale;

/// <summary>
/// Two real processes of one installation, as the README's "Several nodes" runs them: one PostgreSQL database, one
/// Redis server, one key-ring certificate and one shared media folder; each node its own data folder and memory.
/// Node A sets the installation up, node B joins it.
/// </summary>
public sealed class TwoNodesTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("learning-nodes-").FullName;
    private readonly string database = $"learning_nodes_{Guid.NewGuid():n}"[..30];
    private readonly SmtpCatcher smtp = new();
    private readonly string redis = Databases.RedisServer();
    private SiteProcess a = null!;
    private SiteProcess b = null!;
    private string adminPassword = "";

    public async Task InitializeAsync()
    {
        a = await StartNodeAsync("a");
        adminPassword = Regex.Match(string.Join('\n', a.Output), @"One-time password \(shown only this once\): (\S+)").Groups[1].Value;
        Assert.NotEmpty(adminPassword);
        b = await StartNodeAsync("b");
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        smtp.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(Databases.PostgresServer);
        await server.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server))
        {
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Signed_in_on_A_is_signed_in_on_B_and_what_A_publishes_or_uploads_B_serves_at_once()
    {
        var cookies = new CookieContainer();
        var (throughA, throughB) = (a.Client(cookies), b.Client(cookies));
        var visitorOfB = b.Client(new CookieContainer());
        var page = "/en/toolbox/spoc-skills-validation-support";
        var title = (await visitorOfB.GetPageAsync(page)).Text("h1");
        Assert.Equal(title, (await visitorOfB.GetPageAsync(page)).Text("h1")); // from B's output cache now

        await SignInAsAdministratorAsync(throughA);
        var account = await throughB.GetPageAsync("/en/account");
        Assert.Contains("admin@nodes.example", account.Body!.TextContent);

        // Published through A's editor page: B's visitors see it at once (CrossNode.SoonAsync says how soon).
        var id = await ScalarAsync<int>("""SELECT "Id" FROM "ContentItems" WHERE "Type" = 'practice' AND "Slug" = 'spoc-skills-validation-support'""");
        var edit = await throughA.GetPageAsync($"/en/editor/practice/{id}");
        var published = await throughA.SubmitAndFollowAsync(edit, "form.editor", ("Input.Title", title + ", revised"), ("handler", "Publish"));
        Assert.True(published.QuerySelector(".alert--success") is not null, published.QuerySelector(".validation-summary-errors")?.TextContent);

        Assert.Equal(title + ", revised", await CrossNode.SoonAsync(async () => (await visitorOfB.GetPageAsync(page)).Text("h1"), title + ", revised"));

        // A file uploaded through A is served by B, from the shared media folder.
        var library = await throughA.GetPageAsync("/en/editor/media");
        using var uploaded = await EditorTests.Upload(throughA, library, "form[enctype]", "captions.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n"u8.ToArray());
        var address = (await throughA.GetPageAsync(uploaded.Headers.Location!.OriginalString)).QuerySelector("tbody a")!.GetAttribute("href")!;
        Assert.Contains("Bonjour", await visitorOfB.GetStringAsync(address));
    }

    [Fact]
    public async Task A_recurring_job_runs_once_across_both_nodes_and_an_e_mail_is_sent_once()
    {
        using (var registered = await RegisterAsync(a.Client(new CookieContainer()), "first@nodes.example"))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        await smtp.WaitForAsync("first@nodes.example");
        await Task.Delay(TimeSpan.FromSeconds(8)); // the outbox's run, every second on one node or the other

        Assert.Single(smtp.Messages, m => m.Recipients.Contains("first@nodes.example"));
        // Each occurrence of the outbox's recurring job (its scheduled time) made one job, whichever node was first.
        var occurrences = await RowsAsync("""
            SELECT t.value FROM hangfire.jobparameter t JOIN hangfire.jobparameter r ON r.jobid = t.jobid
            WHERE r.name = 'RecurringJobId' AND r.value = '"outbox"' AND t.name = 'Time'
            """);
        Assert.True(occurrences.Count >= 5, $"{occurrences.Count} occurrences of the outbox's recurring job");
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
        // Both nodes take tenants' runs. Which node takes an occurrence is a race between their workers (a busy
        // machine once gave all of eight seconds' runs to one node), so each gets up to a minute to take one.
        static bool RanOn(SiteProcess node) => node.Output.Any(l => l.Contains("Job outbox for tenant default ran on", StringComparison.Ordinal));
        for (var until = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < until && !(RanOn(a) && RanOn(b));)
        {
            await Task.Delay(200);
        }

        Assert.True(RanOn(a), "Node a never ran the outbox's job for the default tenant.");
        Assert.True(RanOn(b), "Node b never ran the outbox's job for the default tenant.");
    }

    [Fact]
    public async Task A_job_whose_node_dies_mid_run_is_completed_by_the_other_node_and_its_e_mail_sent_once()
    {
        // The SMTP server hangs: the next outbox run stays in the middle of sending.
        var hanging = new TaskCompletionSource();
        smtp.Holding = hanging;
        using (await RegisterAsync(b.Client(new CookieContainer()), "late@nodes.example"))
        {
        }

        for (var until = DateTime.UtcNow.AddSeconds(20); smtp.Held == 0 && DateTime.UtcNow < until;)
        {
            await Task.Delay(100);
        }

        Assert.True(smtp.Held > 0, "no outbox run reached the SMTP server");
        var (job, server) = (await RowsAsync("""
            SELECT j.id || ' ' || (s.data::json ->> 'ServerId') FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
            WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE '%RunAsync%' AND j.arguments::text LIKE '%outbox%'
            """)).Select(r => (r.Split(' ')[0], r.Split(' ')[1])).Single();
        var (dying, surviving) = server.Contains($":{a.ProcessId}:") ? (a, b) : (b, a);
        Assert.Contains($":{dying.ProcessId}:", server);

        dying.Kill();
        smtp.Holding = null;
        hanging.SetResult();

        var mail = await WaitLongerAsync(() => smtp.Messages.FirstOrDefault(m => m.Recipients.Contains("late@nodes.example")));
        Assert.Contains("/account/confirm", mail.Text);
        var states = await RowsAsync($"""SELECT name || ' ' || coalesce(data::json ->> 'ServerId', '') FROM hangfire.state WHERE jobid = {job} ORDER BY id""");
        Assert.Contains(states, s => s.StartsWith("Processing") && s.Contains($":{surviving.ProcessId}:"));
        Assert.Equal("Succeeded", await WaitLongerAsync(async () => (await RowsAsync($"SELECT statename FROM hangfire.job WHERE id = {job}")).Single() is "Succeeded" and var done ? done : null));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(smtp.Messages, m => m.Recipients.Contains("late@nodes.example"));
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email)
    {
        var page = await client.GetPageAsync("/en/account/register");
        return await client.SubmitAsync(page, "main form",
            ("Input.Email", email), ("Input.Password", "a learner's long passphrase"), ("Input.DisplayName", "Learner"), ("Input.AcceptPrivacyNotice", "true"));
    }

    /// <summary>Waits for a value for as long as a dead node's job takes to be taken over (its invisibility, then a poll).</summary>
    private static async Task<T> WaitLongerAsync<T>(Func<Task<T?>> read) where T : class
    {
        for (var until = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < until; await Task.Delay(250))
        {
            if (await read() is { } value)
            {
                return value;
            }
        }

        throw new TimeoutException("Nothing came within a minute.");
    }

    private static Task<T> WaitLongerAsync<T>(Func<T?> read) where T : class => WaitLongerAsync(() => Task.FromResult(read()));

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = database }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = database }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task SignInAsAdministratorAsync(HttpClient client)
    {
        using var login = await client.LogInAsync("admin@nodes.example", adminPassword);
        var choose = await client.GetPageAsync(login.Headers.Location!.OriginalString);
        var done = await client.SubmitAndFollowAsync(choose, "main form", ("Password", "the nodes' administrator passphrase"));
        Assert.NotNull(done.QuerySelector(".alert--success"));
        await client.LogInSuccessfullyAsync("admin@nodes.example", "the nodes' administrator passphrase");
    }

    private Task<SiteProcess> StartNodeAsync(string name)
    {
        var certificate = Path.Combine(folder, "key-ring.pfx");
        if (!File.Exists(certificate))
        {
            using var rsa = RSA.Create(2048);
            using var made = new CertificateRequest("CN=Learning nodes test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(certificate, made.Export(X509ContentType.Pkcs12));
        }

        return SiteProcess.StartAsync(name, new Dictionary<string, string?>(smtp.Settings)
        {
            ["Learning:DataPath"] = Path.Combine(folder, name),
            ["Learning:MediaPath"] = Path.Combine(folder, "media"),
            ["Learning:Database:Provider"] = "Postgres",
            ["Learning:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = database }.ToString(),
            ["Learning:Redis"] = redis,
            ["Learning:DataProtection:CertificatePath"] = certificate,
            ["Learning:AdminEmail"] = "admin@nodes.example",
            ["Learning:BaseUrl"] = "http://127.0.0.1",
            ["Learning:ExtraHosts:0"] = "127.0.0.1",
            ["Learning:Email:SendIntervalSeconds"] = "1",
            ["Learning:Jobs:InvisibilityTimeoutSeconds"] = "10", // a dead node's job is taken over within seconds
            ["Learning:Content:Folder"] = Path.Combine(Repository.Root, "content"),
        });
    }
}
