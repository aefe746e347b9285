using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Learning.Modules.Core;
using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Learning.Tests.Core;

/// <summary>The jobs on Hangfire: where they are stored, one job per running tenant carrying its name, a failing tenant
/// retried alone, and the dashboard for the default tenant's administrators only.</summary>
public sealed class JobsTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_jobs_are_stored_in_the_installations_database(Db db)
    {
        await using var app = new LearningApp(db);
        var storage = app.Services.GetRequiredService<JobStorage>();

        if (db == Db.Sqlite)
        {
            Assert.IsType<SQLiteStorage>(storage);
            Assert.True(File.Exists(Path.Combine(app.DataPath, "jobs.db")));
        }
        else
        {
            Assert.IsType<PostgreSqlStorage>(storage);
            Assert.False(File.Exists(Path.Combine(app.DataPath, "jobs.db")));
            await using var connection = new NpgsqlConnection(app.PostgresConnection("default"));
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name IN ('job', 'jobqueue', 'hash', 'lock')", connection);
            Assert.Equal(4L, await tables.ExecuteScalarAsync());
        }

        // Each registered kind is a recurring job, at its interval (the tests' outbox: every second).
        using var jobs = storage.GetConnection();
        var recurring = jobs.GetRecurringJobs().ToDictionary(r => r.Id, r => r.Cron);
        Assert.Equal("*/1 * * * * *", recurring["outbox"]);
        Assert.Equal("0 0 */1 * * *", recurring["retention"]);
        Assert.Equal("0 */5 * * * *", recurring["reporting-facts"]);
        Assert.Equal(["course-reminders", "discussion-notifications", "outbox", "reporting-facts", "retention"], recurring.Keys.Order());
    }

    [Fact]
    public void Intervals_become_cron_expressions_with_seconds()
    {
        Assert.Equal("*/10 * * * * *", JobsSetup.Cron(TimeSpan.FromSeconds(10)));
        Assert.Equal("0 */5 * * * *", JobsSetup.Cron(TimeSpan.FromMinutes(5)));
        Assert.Equal("0 0 */6 * * *", JobsSetup.Cron(TimeSpan.FromHours(6)));
        Assert.Equal("0 0 0 */1 * *", JobsSetup.Cron(TimeSpan.FromDays(1)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_run_enqueues_one_job_per_running_tenant_and_a_failing_tenant_is_retried_alone(Db db)
    {
        await using var app = new LearningApp(db)
        {
            TestServices = s => s.AddTenantJob<FailsInNorth>("test-fails-in-north", TimeSpan.FromSeconds(1), firstRunAfter: TimeSpan.Zero),
        };
        await AddTenantAsync(app, db, "north");
        await AddTenantAsync(app, db, "south");
        var registry = app.Services.GetRequiredService<TenantRegistry>();
        await registry.SaveAsync(registry.Find("south")! with { State = TenantState.Disabled });
        var storage = app.Services.GetRequiredService<JobStorage>();

        // North's run throws and waits for its retry; the default tenant's runs succeed; south, disabled, gets none.
        Dictionary<string, string> Last()
        {
            using var connection = storage.GetConnection();
            return connection.GetAllEntriesFromHash(TenantJobs.LastJobs("test-fails-in-north")) ?? [];
        }

        string? StateOf(string id)
        {
            using var connection = storage.GetConnection();
            return State(connection, id);
        }

        bool WaitsForItsFirstRetry(string id)
        {
            using var connection = storage.GetConnection();
            return State(connection, id) == ScheduledState.StateName && connection.GetJobParameter(id, "RetryCount") == "1";
        }

        var northJob = (await WaitForAsync(storage, () => Last().GetValueOrDefault("north") is { } n && WaitsForItsFirstRetry(n) ? n : null))!;
        var defaultJob = Last()["default"];
        // A new job is dispatched for a tenant only once the previous one ended: the default tenant's has, or will.
        await WaitForAsync(storage, () => StateOf(defaultJob) == SucceededState.StateName || Last()["default"] != defaultJob ? "ended" : null);
        Assert.Equal(SucceededState.StateName, StateOf(defaultJob));
        using (var connection = storage.GetConnection())
        {
            Assert.DoesNotContain("south", (connection.GetAllEntriesFromHash(TenantJobs.LastJobs("test-fails-in-north")) ?? []).Keys);
            Assert.Equal(["test-fails-in-north", "default"], connection.GetJobData(defaultJob)!.Job.Args.Take(2));
            Assert.Equal(["test-fails-in-north", "north"], connection.GetJobData(northJob)!.Job.Args.Take(2));
            Assert.Equal("1", connection.GetJobParameter(northJob, "RetryCount"));
            Assert.StartsWith($"Retry attempt 1 of {TenantJobs.RetryAttempts}", connection.GetStateData(northJob)!.Reason);
        }

        // While north's retry waits (its first back-off is at least 15 seconds), later runs enqueue no other job for
        // north; the default tenant's runs go on, a new job each second.
        await Task.Delay(TimeSpan.FromSeconds(3));
        using (var connection = storage.GetConnection())
        {
            var last = connection.GetAllEntriesFromHash(TenantJobs.LastJobs("test-fails-in-north"))!;
            Assert.Equal(northJob, last["north"]);
            Assert.NotEqual(defaultJob, last["default"]);
            Assert.Equal(ScheduledState.StateName, State(connection, northJob));
        }

        // A tenant disabled since its job was enqueued: the job does nothing (here: does not throw).
        await registry.SaveAsync(registry.Find("north")! with { State = TenantState.Disabled });
        await app.Services.GetRequiredService<TenantJobs>().RunAsync("test-fails-in-north", "north", null, CancellationToken.None);
    }

    [Fact]
    public async Task The_dashboard_is_for_the_default_tenants_administrators_with_anti_forgery()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { ["Learning:Jobs:RunServer"] = "false" });
        await AddTenantAsync(app, Db.Sqlite, "north");

        using (var anonymous = await app.CreateClient().GetAsync("/admin/jobs"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/fr/account/login", anonymous.Headers.Location?.OriginalString);
        }

        await app.CreateUserAsync("editor@example.org", null, Roles.Editor);
        var editor = app.CreateClient();
        await editor.LogInSuccessfullyAsync("editor@example.org");
        using (var refused = await editor.GetAsync("/admin/jobs"))
        {
            Assert.StartsWith("/en/account/access-denied", refused.Headers.Location?.OriginalString);
        }

        var northAdmin = await AdministrationTests.LogInAsAdministrator(app, "north", "/north/en");
        using (var refused = await northAdmin.GetAsync("/north/admin/jobs"))
        {
            Assert.StartsWith("/north/en/account/access-denied", refused.Headers.Location?.OriginalString);
        }

        var admin = await AdministrationTests.LogInAsAdministrator(app);
        // The navigation's entry, after the culture, leads to the dashboard.
        var home = await admin.GetPageAsync("/en/");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/en/admin/jobs" && a.TextContent == "Background jobs");
        using (var entry = await admin.GetAsync("/en/admin/jobs"))
        {
            Assert.Equal("/admin/jobs", entry.Headers.Location?.OriginalString);
        }

        var dashboard = await admin.GetPageAsync("/admin/jobs");
        Assert.Contains("Jobs", dashboard.Title);
        var recurring = await admin.GetPageAsync("/admin/jobs/recurring");
        Assert.Contains("outbox", recurring.Body!.TextContent);

        // A post without the form token is refused; with it (as the dashboard's own script sends it), accepted.
        using (var forged = await admin.PostAsync("/admin/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "outbox")])))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        string Meta(string name) => dashboard.QuerySelector($"meta[name='{name}']")!.GetAttribute("content")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "outbox")]),
        };
        post.Headers.Add(Meta("csrf-header"), Meta("csrf-token"));
        using (var triggered = await admin.SendAsync(post))
        {
            Assert.Equal(HttpStatusCode.NoContent, triggered.StatusCode);
        }
    }

    /// <summary>A job that fails in the tenant "north" only.</summary>
    private sealed class FailsInNorth : ITenantJob
    {
        public Task RunAsync(Tenant tenant, IServiceProvider tenantServices, CancellationToken cancellationToken) =>
            tenant.Name == "north" ? throw new InvalidOperationException("North's database is unreachable.") : Task.CompletedTask;
    }

    private static async Task AddTenantAsync(LearningApp app, Db db, string name)
    {
        var tenant = new Tenant
        {
            Name = name,
            DisplayName = name,
            UrlPrefix = name,
            DatabaseProvider = db == Db.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
            ConnectionString = db == Db.Postgres ? app.PostgresConnection(name) : null,
            CreatedUtc = DateTime.UtcNow,
        };
        await app.Services.GetRequiredService<TenantSetup>().SetUpAsync(tenant, $"chief@{name}.example");
    }

    private static string? State(IStorageConnection connection, string id) => connection.GetStateData(id)?.Name;

    private static async Task<T> WaitForAsync<T>(JobStorage storage, Func<T> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var found = probe();
            if (!EqualityComparer<T>.Default.Equals(found, default))
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The jobs in {storage} did not reach the expected states.");
    }
}
