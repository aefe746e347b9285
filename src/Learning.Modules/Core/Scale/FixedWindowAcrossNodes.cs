using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Learning.Modules.Core.Scale;

/// <summary>
/// A fixed-window limit counted in Redis, so that every node shares one count per client: behind a load balancer, a
/// client does not get the limit once per node. The count is a Redis key per window (INCR, expiring with the window).
/// ASP.NET Core's rate limiting first tries <see cref="AttemptAcquireCore"/>, which cannot ask Redis without blocking,
/// and then waits on <see cref="AcquireAsyncCore"/>, which does.
/// </summary>
public sealed class FixedWindowAcrossNodes(IConnectionMultiplexer redis, string keyPrefix, string partition, int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var windowNumber = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var key = new RedisKey($"{keyPrefix}limit:{partition}:{windowNumber}");
        var database = redis.GetDatabase();
        try
        {
            var count = await database.StringIncrementAsync(key, permitCount);
            if (count == permitCount)
            {
                await database.KeyExpireAsync(key, window + TimeSpan.FromSeconds(1));
            }

            return count <= permitLimit ? Lease.Granted : Lease.Refused;
        }
        catch (RedisException)
        {
            // Redis away: posts are not refused for it (lockout, in the database, still guards each account).
            return Lease.Granted;
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
