using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Content;

/// <summary>
/// Writes the reads this node counted in memory into the tenants' databases, every
/// <see cref="ContentOptions.ReadsFlushSeconds"/> (a minute by default, the first time one interval after start), and
/// once more when the site stops, so that a restart loses none. Not a Hangfire job: each node flushes its own counters.
/// </summary>
public sealed class FlushReadCountsJob(ReadCounter counter, IOptions<ContentOptions> options, ILogger<FlushReadCountsJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.ReadsFlushSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await counter.FlushAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "The reads could not be flushed; they are tried again at the next flush.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await counter.FlushAsync(cancellationToken);
    }
}
