using Learning.Modules.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Learning.Tests.Data;

/// <summary>
/// SQLite keeps synchronous and busy_timeout per connection, and connections are pooled: the settings are applied once
/// per SQLite connection. Every open must still find them, whether its connection comes from the pool or is new.
/// </summary>
public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task Every_open_connection_has_the_settings_whether_pooled_or_new()
    {
        var folder = Directory.CreateTempSubdirectory("learning-pragmas-");
        var options = new DbContextOptionsBuilder<LearningDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder.FullName, "pragmas.db")}")
            .AddInterceptors(new SqlitePragmas());
        try
        {
            for (var round = 0; round < 3; round++)
            {
                // Two contexts open at once: the second takes another SQLite connection than the first.
                await using var first = MigrationTests.Open(options);
                await using var second = MigrationTests.Open(options);
                foreach (var db in new[] { first, second })
                {
                    await db.Database.OpenConnectionAsync();
                    Assert.Equal(10000L, await Pragma(db, "busy_timeout"));
                    Assert.Equal(1L, await Pragma(db, "synchronous")); // NORMAL
                }

                await first.Database.CloseConnectionAsync();
                await second.Database.CloseConnectionAsync();
                if (round == 1)
                {
                    SqliteConnection.ClearAllPools(); // the last round's connections are new ones
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<long> Pragma(LearningDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
