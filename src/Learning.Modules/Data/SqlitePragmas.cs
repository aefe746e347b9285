using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Learning.Modules.Data;

/// <summary>
/// Settings SQLite keeps per connection. With the write-ahead log (set once on the file at setup),
/// synchronous=NORMAL syncs the log at checkpoints instead of at every commit: a commit survives the
/// process crashing or restarting, and the file is never corrupted; only a power cut may lose the last
/// moments. busy_timeout makes a writer that finds the database locked wait inside SQLite, which retries
/// within a millisecond or two, instead of in the driver's loop, which sleeps 150 ms between tries.
/// Both are what let one machine save a thousand answers a second (bench/answer-saving.sh).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Connections are pooled: an open often takes a SQLite connection already set. The settings stay with it, so they
    // are applied once per SQLite connection, not at each of a request's opens (bench/profile.sh answers).
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            Applied.AddOrUpdate(handle, Applied);
        }
    }
}
