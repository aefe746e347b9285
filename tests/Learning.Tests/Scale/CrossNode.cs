namespace Learning.Tests.Scale;

/// <summary>What the tests of several nodes share.</summary>
internal static class CrossNode
{
    /// <summary>The value read once it is the one expected: within a second on an idle machine (Redis carries the
    /// signal in milliseconds), ten allowed on a busy one, far less than what the caches would otherwise keep (an hour
    /// for a page, the registry until a restart).</summary>
    public static async Task<T> SoonAsync<T>(Func<Task<T>> read, T expected)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        var value = await read();
        while (!EqualityComparer<T>.Default.Equals(value, expected) && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
            value = await read();
        }

        return value;
    }
}
