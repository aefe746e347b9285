using Quartz;

namespace Learning.Modules.Content;

/// <summary>Writes the reads counted in memory into the tenants' databases, every minute
/// (<see cref="ContentOptions.ReadsFlushSeconds"/>).</summary>
[DisallowConcurrentExecution]
public sealed class FlushReadCountsJob(ReadCounter counter) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await counter.FlushAsync(cancellationToken);
}
