using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
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
/// after an input that changed nothing. Each table is its row count and the hash of its rows' hashes (sorted, so that
/// a row PostgreSQL moved on disk is the same row); each row keeps the start of its text to show a difference, and
/// whether it holds a NUL or a lone surrogate, which no form should store.
/// </summary>
public sealed class DatabaseSnapshot
{
    /// <summary>A row: the hash of its values, the start of their text, and what it should not hold.</summary>
    public sealed record Row(string Hash, string Preview, bool Nul, bool LoneSurrogate);

    private readonly Dictionary<string, Row[]> tables;

    private DatabaseSnapshot(Dictionary<string, Row[]> tables) => this.tables = tables;

    /// <param name="ignored">Columns ("Table.Column") left out, whose changes are allowed.</param>
    public static Task<DatabaseSnapshot> TakeAsync(FormWorld world, IReadOnlyCollection<string> ignored) => world.WithTenantAsync(async sp =>
    {
        var db = sp.GetRequiredService<LearningDbContext>();
        var result = new Dictionary<string, Row[]>(StringComparer.Ordinal);
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
        result["tenant registry (in memory)"] = registry.All.OrderBy(t => t.Name).Select(t => Describe([JsonSerializer.Serialize(t)])).ToArray();
        return new DatabaseSnapshot(result);
    });

    private static async Task<Row[]> ReadRowsAsync(DbCommand command)
    {
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows.Add(Describe(values));
        }

        return [.. rows.OrderBy(r => r.Hash, StringComparer.Ordinal)];
    }

    private static Row Describe(object[] values)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var preview = new StringBuilder();
        var (nul, lone) = (false, false);
        foreach (var value in values)
        {
            var text = value switch
            {
                DBNull => "\u0001null",
                byte[] bytes => Convert.ToBase64String(bytes),
                DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
            hash.AppendData([0xFF, 0xFF]); // a separator no UTF-16 text holds
            nul |= text.Contains('\0');
            lone |= value is string && HasLoneSurrogate(text);
            if (preview.Length < 240)
            {
                preview.Append(preview.Length > 0 ? " | " : "").Append(JsonSerializer.Serialize(text.Length > 120 ? text[..120] + "…" : text));
            }
        }

        return new Row(Convert.ToHexString(hash.GetHashAndReset()), preview.ToString(), nul, lone);
    }

    public static bool HasLoneSurrogate(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rows added and removed by table; empty when nothing changed.</summary>
    public IReadOnlyList<(string Table, IReadOnlyList<Row> Added, IReadOnlyList<Row> Removed)> Changes(DatabaseSnapshot after) =>
        tables.Keys.Union(after.tables.Keys)
            .Select(t => (Table: t, Before: tables.GetValueOrDefault(t, []), After: after.tables.GetValueOrDefault(t, [])))
            .Where(t => !t.Before.Select(r => r.Hash).SequenceEqual(t.After.Select(r => r.Hash)))
            .Select(t => (t.Table, (IReadOnlyList<Row>)t.After.ExceptBy(t.Before.Select(r => r.Hash), r => r.Hash).ToList(),
                (IReadOnlyList<Row>)t.Before.ExceptBy(t.After.Select(r => r.Hash), r => r.Hash).ToList()))
            .ToList();

    public static string Describe(IEnumerable<(string Table, IReadOnlyList<Row> Added, IReadOnlyList<Row> Removed)> changes) =>
        string.Join("; ", changes.Select(c => $"{c.Table} +{c.Added.Count} -{c.Removed.Count}"
            + (c.Added.Count > 0 ? $" (+ {c.Added[0].Preview})" : "") + (c.Removed.Count > 0 ? $" (- {c.Removed[0].Preview})" : "")));
}
