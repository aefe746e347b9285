namespace Learning.Tests.Infrastructure;

/// <summary>The system's time, moved forward by the test.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan ahead;

    public void Advance(TimeSpan by) => ahead += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
}
