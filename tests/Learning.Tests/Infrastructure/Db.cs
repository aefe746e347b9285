namespace Learning.Tests.Infrastructure;

/// <summary>The two databases every integration test runs on.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

public static class Databases
{
    public static TheoryData<Db> Both => [Db.Sqlite, Db.Postgres];

    /// <summary>The throwaway server the test command starts (./test.sh exports it).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("LEARNING_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "LEARNING_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL server for them.");

    /// <summary>The throwaway Redis server the test command starts (./test.sh exports it), with a channel and key prefix
    /// of its own for each call, so that installations under test in parallel never hear each other.</summary>
    public static string RedisServer() =>
        (Environment.GetEnvironmentVariable("LEARNING_TEST_REDIS")
         ?? throw new InvalidOperationException("LEARNING_TEST_REDIS is not set: run the tests with ./test.sh, which starts a Redis server for them."))
        + $",channelPrefix=test-{Guid.NewGuid():n}:";
}
