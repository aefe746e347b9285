using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Hardening;

/// <summary>
/// Every row of every table of the tenant's model, read with plain SQL, and the tenant registry: equal before and
/// after an input that changed nothing. Rows are kept (sorted, so that a row PostgreSQL moved on disk is the same
/// row) so that a difference can be shown; each table also has its count and a hash.
/// </summary>
public sealed class DatabaseSnapshot
{
    private readonly Dictionary<string, string[]> tables;

    private DatabaseSnapshot(Dictionary<string, string[]> tables) => this.tables = tables;

    public IReadOnlyDictionary<string, string[]> Tables => tables;

    /// <summary>Table and row count with its hash, one line per table.</summary>
    public string Summary => string.Join("\n", tables.Select(t => $"{t.Key}: {t.Value.Length} rows, {Hash(t.Value)}"));

    /// <param name="ignored">Columns ("Table.Column") left out, whose changes are allowed.</param>
    public static Task<DatabaseSnapshot> TakeAsync(FormWorld world, IReadOnlyCollection<string> ignored) => world.WithTenantAsync(async sp =>
    {
        var db = sp.GetRequiredService<LearningDbContext>();
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.BaseType is null).OrderBy(e => e.GetTableName()))
            {
                var table = entity.GetTableName()!;
                var columns = entity.GetProperties().Select(p => p.GetColumnName()).Where(c => !ignored.Contains($"{table}.{c}")).Order(StringComparer.Ordinal).ToList();
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
                result[table] = await ReadRowsAsync(command);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var registry = sp.GetRequiredService<TenantRegistry>();
        result["tenants.json"] = registry.All.OrderBy(t => t.Name).Select(t => JsonSerializer.Serialize(t)).ToArray();
        return new DatabaseSnapshot(result);
    });

    private static async Task<string[]> ReadRowsAsync(DbCommand command)
    {
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select(Format)));
        }

        rows.Sort(StringComparer.Ordinal);
        return [.. rows];
    }

    private static string Format(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        string text => Quote(text),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Stands for a lone surrogate in a quoted text.</summary>
    public const string LoneSurrogate = "\\lone-surrogate";

    /// <summary>A text quoted, its control characters escaped (a NUL shows as \u0000) and its lone surrogates marked.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                quoted.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                quoted.Append(LoneSurrogate);
            }
            else if (char.IsControl(c) || c is '"' or '\\')
            {
                quoted.Append($"\\u{(int)c:x4}");
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string Hash(string[] rows) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))))[..12];

    /// <summary>The rows added and removed by table; empty when nothing changed.</summary>
    public IReadOnlyList<(string Table, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> Changes(DatabaseSnapshot after) =>
        tables.Keys.Union(after.tables.Keys)
            .Select(t => (Table: t, Before: tables.GetValueOrDefault(t, []), After: after.tables.GetValueOrDefault(t, [])))
            .Where(t => t.Before.Length != t.After.Length || Hash(t.Before) != Hash(t.After))
            .Select(t => (t.Table, (IReadOnlyList<string>)t.After.Except(t.Before).ToList(), (IReadOnlyList<string>)t.Before.Except(t.After).ToList()))
            .ToList();

    public static string Describe(IEnumerable<(string Table, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> changes) =>
        string.Join("; ", changes.Select(c => $"{c.Table} +{c.Added.Count} -{c.Removed.Count}"
            + (c.Added.Count > 0 ? $" (+ {Short(c.Added[0])})" : "") + (c.Removed.Count > 0 ? $" (- {Short(c.Removed[0])})" : "")));

    private static string Short(string row) => row.Length > 240 ? row[..240] + "…" : row;
}
