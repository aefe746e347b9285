using Quartz;

namespace Learning.Modules.Content;

/// <summary>Writes the reads counted in memory into the tenants' databases, every minute.</summary>
[DisallowConcurrentExecution]
public sealed class FlushReadCountsJob(ReadCounter counter) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await counter.FlushAsync(cancellationToken);
}
