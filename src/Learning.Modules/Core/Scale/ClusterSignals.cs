using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Learning.Modules.Core.Scale;

/// <summary>What a node does when a signal arrives (registered by the module that keeps the memory concerned):
/// drop a tenant's cached pages, a learner's state, the tenant list.</summary>
public sealed record ClusterSignalHandler(string Channel, Func<IServiceProvider, string, Task> Handle);

/// <summary>
/// Tells every node of the installation that something it may keep in memory changed. A signal runs its handlers on
/// this node at once; when Redis is configured (<c>Learning:Redis</c>), it is also published on Redis and every other
/// node runs them within milliseconds. Without Redis there is one node, and nothing else to tell.
/// </summary>
public sealed class ClusterSignals(IEnumerable<ClusterSignalHandler> handlers, IServiceProvider services, RedisConnection redis, ILogger<ClusterSignals> logger)
    : IHostedService
{
    // A node hears its own messages on Redis too; it has already acted on them.
    private readonly string node = Guid.NewGuid().ToString("n");
    private readonly ILookup<string, ClusterSignalHandler> byChannel = handlers.ToLookup(h => h.Channel, StringComparer.Ordinal);

    public async Task PublishAsync(string channel, string message)
    {
        await RunHandlersAsync(channel, message);
        if (redis.Multiplexer is { } multiplexer)
        {
            try
            {
                await multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), $"{node}|{message}");
            }
            catch (RedisException e)
            {
                // The other nodes catch up when their caches expire; the change itself is saved.
                logger.LogWarning(e, "Signal {Channel} could not be sent to the other nodes.", channel);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        foreach (var channel in byChannel.Select(g => g.Key))
        {
            var queue = await multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channel));
            // One message at a time, in order: a page evicted, then the next one.
            queue.OnMessage(async received =>
            {
                var text = (string?)received.Message ?? "";
                var separator = text.IndexOf('|');
                if (separator > 0 && !text.AsSpan(0, separator).SequenceEqual(node))
                {
                    await RunHandlersAsync(channel, text[(separator + 1)..]);
                }
            });
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunHandlersAsync(string channel, string message)
    {
        foreach (var handler in byChannel[channel])
        {
            try
            {
                await handler.Handle(services, message);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Signal {Channel} ({Message}) failed on this node.", channel, message);
            }
        }
    }
}

/// <summary>The installation's connection to Redis, when <c>Learning:Redis</c> names a server; otherwise none. Channels
/// and keys start with the configuration's <c>channelPrefix</c> (default <c>learning:</c>), so that installations
/// sharing a Redis server keep apart.</summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<IConnectionMultiplexer?> multiplexer;

    public RedisConnection(Microsoft.Extensions.Options.IOptions<LearningOptions> options, ILogger<RedisConnection> logger)
    {
        var configuration = options.Value.Redis;
        var settings = string.IsNullOrWhiteSpace(configuration) ? null : ConfigurationOptions.Parse(configuration);
        if (settings is not null)
        {
            // Not aborting on a first failure: the connection keeps retrying while Redis restarts.
            settings.AbortOnConnectFail = false;
            settings.ChannelPrefix = settings.ChannelPrefix.IsNullOrEmpty ? RedisChannel.Literal("learning:") : settings.ChannelPrefix;
            KeyPrefix = settings.ChannelPrefix.ToString();
        }

        multiplexer = new(() =>
        {
            if (settings is null)
            {
                return null;
            }

            logger.LogInformation("Connecting to Redis at {Endpoints}.", string.Join(", ", settings.EndPoints));
            return ConnectionMultiplexer.Connect(settings);
        });
    }

    public IConnectionMultiplexer? Multiplexer => multiplexer.Value;

    /// <summary>What this installation's Redis keys start with.</summary>
    public string KeyPrefix { get; } = "";

    public void Dispose()
    {
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value?.Dispose();
        }
    }
}

public static class ClusterSignalsServices
{
    /// <summary>Runs <paramref name="handle"/> on every node when <paramref name="channel"/> is signalled.</summary>
    public static IServiceCollection OnClusterSignal(this IServiceCollection services, string channel, Func<IServiceProvider, string, Task> handle) =>
        services.AddSingleton(new ClusterSignalHandler(channel, handle));
}
