using Microsoft.Extensions.Hosting;

namespace Learning.Modules.Content;

/// <summary>Writes the reads still in memory when the site stops, so that a restart loses none.</summary>
public sealed class ReadCountsOnShutdown(ReadCounter counter) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => counter.FlushAsync(cancellationToken);
}
