using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Core.Jobs;

public static class TenantJobServices
{
    /// <summary>The wait before a job's first run on a node, unless its module says otherwise: starting the site stays
    /// quick, and a job's first run never races the setup.</summary>
    public static readonly TimeSpan DefaultFirstRunAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Registers <typeparamref name="TJob"/> as the recurring job <paramref name="id"/>: every <paramref name="interval"/>
    /// (and not before <paramref name="firstRunAfter"/>, a minute by default, after this node started), one Hangfire
    /// job per running tenant, carrying the tenant's name.
    /// </summary>
    public static IServiceCollection AddTenantJob<TJob>(this IServiceCollection services, string id, TimeSpan interval, TimeSpan? firstRunAfter = null)
        where TJob : class, ITenantJob
    {
        if (interval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "A tenant job runs at most every second.");
        }

        services.AddTransient<TJob>();
        services.AddSingleton(new TenantJobDefinition(id, typeof(TJob), interval, firstRunAfter ?? DefaultFirstRunAfter));
        return services;
    }
}
