using Microsoft.Extensions.Caching.Memory;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>
/// Computed reports (the dashboard's, and banks' item analyses), kept until the facts are next refreshed (each key holds
/// the refresh's time) and at most one refresh interval: the facts do not change in between, so opening a report
/// again, or downloading its tables and the funder report, costs nothing. Its own cache, bounded, so that no
/// administrator can fill the server's memory with periods and filters.
/// </summary>
public sealed class ReportCache : IDisposable
{
    public const int MostReports = 200;

    private readonly MemoryCache reports = new(new MemoryCacheOptions { SizeLimit = MostReports });

    public async Task<T> GetOrComputeAsync<T>(object key, TimeSpan lifetime, Func<Task<T>> compute)
        where T : class
    {
        if (reports.TryGetValue(key, out T? report) && report is not null)
        {
            return report;
        }

        report = await compute();
        reports.Set(key, report, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
        return report;
    }

    public void Dispose() => reports.Dispose();

    /// <summary>A report is the same for the same tenant, filter, language, list of names and facts.</summary>
    public sealed record Key(string Tenant, DashboardFilter Filter, string Culture, bool ListAtRisk, DateTime? FactsRefreshedUtc);
}
