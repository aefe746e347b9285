using System.Data.Common;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Learning.Tests.Data;

/// <summary>
/// The migrations are written by hand, so they are checked against the model: a database built by
/// the migrations must have exactly the tables, columns, types, nullability, keys, indexes and
/// foreign keys of one EF Core creates from the model. The full-text tables (ContentSearch), which
/// each provider builds its own way outside the model, are checked by the search tests instead.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task The_sqlite_migrations_build_the_schema_of_the_model()
    {
        var folder = Directory.CreateTempSubdirectory("learning-schema-");
        try
        {
            var migrated = await SqliteSchema(Path.Combine(folder.FullName, "migrated.db"), db => db.Database.MigrateAsync());
            var created = await SqliteSchema(Path.Combine(folder.FullName, "created.db"), db => db.Database.EnsureCreatedAsync());

            Assert.Contains(migrated, line => line.StartsWith("column AspNetUsers.PreferredCulture"));
            Assert.Equal(created, migrated);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_postgres_migrations_build_the_schema_of_the_model()
    {
        var name = $"learning_schema_{Guid.NewGuid():n}"[..30];
        try
        {
            var migrated = await PostgresSchema(name + "_m", db => db.Database.MigrateAsync());
            var created = await PostgresSchema(name + "_c", db => db.Database.EnsureCreatedAsync());

            Assert.Contains(migrated, line => line.StartsWith("column AspNetUsers.PreferredCulture"));
            Assert.Equal(created, migrated);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(Databases.PostgresServer);
            await server.OpenAsync();
            foreach (var database in new[] { name + "_m", name + "_c" })
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    internal static async Task<List<string>> SqliteSchema(string file, Func<LearningDbContext, Task> build)
    {
        var connectionString = $"Data Source={file}";
        await using (var db = Open(new DbContextOptionsBuilder<LearningDbContext>().UseSqlite(connectionString)))
        {
            await build(db);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var schema = new List<string>();
        var tables = await Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '__EF%' AND name NOT LIKE 'ContentSearch%' AND name <> 'sqlite_sequence'", r => r.GetString(0));
        foreach (var table in tables)
        {
            schema.AddRange(await Query(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} pk={r.GetInt64(5)}"));
            schema.AddRange(await Query(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            foreach (var (index, unique) in await Query(connection, $"PRAGMA index_list(\"{table}\")", r => (r.GetString(1), r.GetInt64(2))))
            {
                var columns = await Query(connection, $"PRAGMA index_info(\"{index}\")", r => r.GetString(2));
                schema.Add($"index {table}.{index} unique={unique} ({string.Join(", ", columns)})");
            }
        }

        var autoincrement = await Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'", r => r.GetString(0));
        schema.AddRange(autoincrement.Select(t => $"autoincrement {t}"));
        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    internal static async Task<List<string>> PostgresSchema(string database, Func<LearningDbContext, Task> build)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = database }.ToString();
        await using (var db = Open(new DbContextOptionsBuilder<LearningDbContext>().UseNpgsql(connectionString)))
        {
            await build(db);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var schema = new List<string>();
        schema.AddRange(await Query(connection,
            """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, is_identity, coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory', 'ContentSearch')
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)} identity={r.GetString(5)} {r.GetString(6)}"));
        schema.AddRange(await Query(connection,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', 'ContentSearch')",
            r => $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        schema.AddRange(await Query(connection,
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('\"__EFMigrationsHistory\"', '\"ContentSearch\"')",
            r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    /// <summary>A tenant's context with every module of the installation, as the site opens it.</summary>
    internal static LearningDbContext Open(DbContextOptionsBuilder<LearningDbContext> options) =>
        new(TenantDatabases.ComposeFromModules(options, Learning.Web.Modules.All).Options);

    internal static async Task<List<T>> Query<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
