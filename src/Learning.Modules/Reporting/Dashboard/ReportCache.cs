using Microsoft.Extensions.Caching.Memory;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>
/// Computed reports, kept until the facts are next refreshed (the key holds the refresh's time) and at most one
/// refresh interval: the facts do not change in between, so opening the dashboard again, or downloading its tables
/// and the funder report, costs nothing. Its own cache, bounded, so that no administrator can fill the server's memory
/// with periods and filters.
/// </summary>
public sealed class ReportCache : IDisposable
{
    public const int MostReports = 200;

    private readonly MemoryCache reports = new(new MemoryCacheOptions { SizeLimit = MostReports });

    public async Task<DashboardReport> GetOrComputeAsync(Key key, TimeSpan lifetime, Func<Task<DashboardReport>> compute)
    {
        if (reports.TryGetValue(key, out DashboardReport? report) && report is not null)
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
