using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core.Jobs;

/// <summary>
/// Hangfire for the platform's jobs (<see cref="TenantJobs"/>), with a storage chosen from the installation's database:
/// SQLite in <c>jobs.db</c> under the data path, or the schema <c>hangfire</c> of the default tenant's PostgreSQL
/// database. Each application host builds its own storage and activator (Hangfire's static <c>JobStorage.Current</c> is
/// never used), so that two hosts of one process (the tests) never share jobs.
/// </summary>
public static class JobsSetup
{
    public const string DashboardPath = "/admin/jobs";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<JobStorage>(CreateStorage);
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogs(sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<TenantJobs>();
        services.AddSingleton<JobsStart>();

        // Before the server: the recurring jobs are in place when it starts polling (on every node: each defines them alike).
        services.AddHostedService<RecurringTenantJobs>();
        if (configuration.GetValue($"{LearningOptions.Section}:Jobs:{nameof(JobsSettings.RunServer)}", true))
        {
            services.AddHangfireServer((sp, o) =>
            {
                var jobs = sp.GetRequiredService<IOptions<LearningOptions>>().Value.Jobs;
                o.ServerName = TenantJobs.Node;
                o.WorkerCount = Math.Max(1, jobs.WorkerCount);
                o.SchedulePollingInterval = Polling(sp);
            });
        }
    }

    /// <summary>The dashboard at <see cref="DashboardPath"/>, for the default tenant's administrators only, anti-forgery on.</summary>
    public static void MapDashboard(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
            {
                AppPath = "/",
                DashboardTitle = "Jobs",
                DisplayStorageConnectionString = false,
                Authorization = [],
                AsyncAuthorization = [new InstallationAdministratorsOnly()],
            })
            .RequireAuthorization(CoreModule.InstallationAdministratorPolicy);

        // The navigation's entry follows the culture segment, as every entry does.
        endpoints.MapGet($"/{{culture:{Localization.CultureRouteConstraint.Name}}}{DashboardPath}", (HttpContext context) =>
                Results.Redirect($"{context.Request.PathBase}{DashboardPath}"))
            .RequireAuthorization(CoreModule.InstallationAdministratorPolicy);
    }

    /// <summary>Hangfire's log provider is one static for the whole process, set by the host that configured Hangfire last.
    /// A process that runs several hosts one after the other (the tests) would otherwise hand the next host's Hangfire the
    /// logger factory of a host already stopped, and its start would fail: a stopped host's logs are dropped instead.</summary>
    private sealed class HostLogs(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
    {
        private readonly AspNetCoreLogProvider inner = new(factory);

        public Hangfire.Logging.ILog GetLogger(string name)
        {
            try
            {
                return inner.GetLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return new Dropped();
            }
        }

        private sealed class Dropped : Hangfire.Logging.ILog
        {
            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
        }
    }

    /// <summary>How often the node polls: <see cref="JobsSettings.PollingSeconds"/>, or the shortest job's interval.</summary>
    internal static TimeSpan Polling(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IOptions<LearningOptions>>().Value.Jobs;
        var shortest = services.GetServices<TenantJobDefinition>().Select(d => d.Interval).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var polling = TimeSpan.FromSeconds(Math.Max(1, jobs.PollingSeconds));
        return shortest < polling ? shortest : polling;
    }

    private static JobStorage CreateStorage(IServiceProvider services)
    {
        var learning = services.GetRequiredService<IOptions<LearningOptions>>().Value;
        var polling = Polling(services);
        if (learning.Database.Provider == DatabaseProvider.Postgres)
        {
            // The default tenant's database, opened as the tenant's (its password from the settings, never from the registry).
            var connection = DatabasePasswords.ForOpening(services.GetRequiredService<TenantRegistry>().DefaultFromSettings(), learning)
                ?? throw new InvalidOperationException("Learning:Database:ConnectionString is required on PostgreSQL.");
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = polling,
                InvisibilityTimeout = TimeSpan.FromSeconds(Math.Max(5, learning.Jobs.InvisibilityTimeoutSeconds)),
                UseSlidingInvisibilityTimeout = true,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
        }

        var paths = services.GetRequiredService<DataPaths>();
        Directory.CreateDirectory(paths.Root);
        return new SQLiteStorage(paths.Jobs, new SQLiteStorageOptions { QueuePollInterval = polling });
    }

    /// <summary>The recurring job of each registered kind, at its interval (a cron expression with seconds); those of
    /// kinds no longer registered (a module left out) are removed.</summary>
    private sealed class RecurringTenantJobs(IEnumerable<TenantJobDefinition> definitions, IRecurringJobManager recurring, JobStorage storage, JobsStart start)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            start.Restart();
            var kinds = definitions.GroupBy(d => d.Id).Select(g => g.Last()).ToList();
            foreach (var definition in kinds)
            {
                var id = definition.Id;
                recurring.AddOrUpdate<TenantJobs>(id, j => j.Dispatch(id, null), Cron(definition.Interval));
            }

            using var connection = storage.GetConnection();
            foreach (var stale in Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Where(r => kinds.All(k => k.Id != r.Id)))
            {
                recurring.RemoveIfExists(stale.Id);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A cron expression (with seconds) for <paramref name="interval"/>: every n seconds, minutes, hours or days,
    /// counted from the start of the minute, hour, day or month (exact when n divides it).</summary>
    public static string Cron(TimeSpan interval)
    {
        var seconds = Math.Max(1, (int)Math.Round(interval.TotalSeconds));
        if (seconds < 60)
        {
            return $"*/{seconds} * * * * *";
        }

        var minutes = seconds / 60;
        if (minutes < 60)
        {
            return $"0 */{minutes} * * * *";
        }

        var hours = minutes / 60;
        return hours < 24 ? $"0 0 */{hours} * * *" : $"0 0 0 */{Math.Min(hours / 24, 31)} * *";
    }

    /// <summary>Evaluates <see cref="CoreModule.InstallationAdministratorPolicy"/> for every dashboard request, as the
    /// endpoint's own authorisation does (the dashboard refuses with 401/403 whatever reaches it otherwise).</summary>
    private sealed class InstallationAdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(http.User, http, CoreModule.InstallationAdministratorPolicy)).Succeeded;
        }
    }
}
