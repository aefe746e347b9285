using Learning.Modules.Accounts;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Learning.Tests.Infrastructure;

/// <summary>
/// One running application per test: its own data folder (tenant registry, SQLite files, mail
/// pickup folder) or its own PostgreSQL databases, dropped when the test ends.
/// </summary>
public sealed class LearningApp : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";
    public const string AdminEmail = "admin@test.example";

    private readonly Dictionary<string, string?> settings;

    private readonly IDictionary<string, string?>? extraSettings;

    private bool keepData;

    /// <param name="content">The content folder the default tenant is set up from (and every tenant created
    /// later): the shipped content/ when null, else this one, written into the app's data folder.</param>
    // A test run starts hundreds of apps; each would watch its settings and static files with inotify, and the
    // machine's instances run out ("The configured user limit (128)..."): no reloading, and files are polled.
    static LearningApp()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }

    public LearningApp(Db database = Db.Sqlite, IDictionary<string, string?>? extraSettings = null, TestContent? content = null)
        : this(database, extraSettings, Path.Combine(Path.GetTempPath(), "learning-tests", Guid.NewGuid().ToString("n")), $"learning_test_{Guid.NewGuid():n}"[..30], content)
    {
    }

    private LearningApp(Db database, IDictionary<string, string?>? extraSettings, string dataPath, string postgresPrefix, TestContent? content)
        : this(database, extraSettings, dataPath, postgresPrefix, WriteContent(dataPath, content))
    {
    }

    private LearningApp(Db database, IDictionary<string, string?>? extraSettings, string dataPath, string postgresPrefix, string contentFolder)
    {
        Database = database;
        DataPath = dataPath;
        PostgresPrefix = postgresPrefix;
        ContentFolder = contentFolder;
        this.extraSettings = extraSettings;
        settings = new()
        {
            ["Learning:DataPath"] = DataPath,
            ["Learning:BaseUrl"] = "https://localhost",
            ["Learning:AdminEmail"] = AdminEmail,
            ["Learning:Email:SendIntervalSeconds"] = "1",
            // Two workers, polling every second (the outbox's interval): each app has its own jobs storage (jobs.db in
            // its data folder, or its own PostgreSQL database).
            ["Learning:Jobs:WorkerCount"] = "2",
            ["Learning:Content:Folder"] = ContentFolder,
            ["Learning:Database:Provider"] = database.ToString(),
            ["Learning:Database:ConnectionString"] = database == Db.Postgres ? PostgresConnection("default") : null,
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        ClientOptions.AllowAutoRedirect = false;
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public Db Database { get; }

    /// <summary>Services a test puts in place of the application's (registered after them).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string DataPath { get; }

    /// <summary>The folder tenants are set up from.</summary>
    public string ContentFolder { get; }

    /// <summary>Every PostgreSQL database of this app starts with this prefix, so that all are dropped.</summary>
    public string PostgresPrefix { get; }

    public MailPickup Mail => new(Path.Combine(DataPath, "mail-pickup"));

    public string PostgresConnection(string suffix) =>
        new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = $"{PostgresPrefix}_{suffix}" }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestPeerAddress>());
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    /// <summary>Creates a confirmed account on a tenant (the default one unless named), as if registered long ago.</summary>
    public async Task<LearningUser> CreateUserAsync(string email, string? tenantName = null, params string[] roles)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateTenantScope(FindTenant(tenantName));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LearningUser>>();
        var user = new LearningUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            PreferredCulture = "en",
            PrivacyAcceptedUtc = DateTime.UtcNow,
            CreatedUtc = DateTime.UtcNow,
            ProfileChangedUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles.DefaultIfEmpty(Roles.Learner))
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    private static string WriteContent(string dataPath, TestContent? content)
    {
        if (content is null)
        {
            return Path.Combine(Repository.Root, "content");
        }

        var folder = Path.Combine(dataPath, "test-content");
        content.WriteTo(folder);
        return folder;
    }

    /// <summary>Runs code with services scoped to a tenant (the default one unless named).</summary>
    public async Task<T> WithTenantAsync<T>(Func<IServiceProvider, Task<T>> action, string? tenantName = null)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateTenantScope(FindTenant(tenantName));
        return await action(scope.ServiceProvider);
    }

    private Tenant FindTenant(string? name) => Services.GetRequiredService<TenantRegistry>().Find(name ?? Tenant.DefaultName)
        ?? throw new InvalidOperationException($"No tenant {name}.");

    /// <summary>Stops this server and starts another on the same data, as a restart of the site would.</summary>
    public async Task<LearningApp> RestartAsync()
    {
        keepData = true;
        await DisposeAsync();
        var restarted = new LearningApp(Database, extraSettings, DataPath, PostgresPrefix, ContentFolder);
        _ = restarted.Services; // starts it
        return restarted;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (keepData)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }

        if (Database == Db.Postgres || Environment.GetEnvironmentVariable("LEARNING_TEST_POSTGRES") is not null)
        {
            await DropPostgresDatabasesAsync();
        }
    }

    private async Task DropPostgresDatabasesAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Databases.PostgresServer);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var find = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @prefix", connection))
        {
            find.Parameters.AddWithValue("prefix", PostgresPrefix + "%");
            await using var reader = await find.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
