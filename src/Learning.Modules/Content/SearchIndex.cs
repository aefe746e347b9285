using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content;

/// <summary>
/// Full-text search over published items, in the reader's culture: an FTS5 table on SQLite, a tsvector
/// with a GIN index on PostgreSQL (Content/Migrations/ContentInitial.cs). Text and queries are folded the
/// same way, so accents and case never matter; each word of a query matches as a prefix.
/// </summary>
public sealed class SearchIndex(LearningDbContext db)
{
    private bool IsSqlite => db.Database.IsSqlite();

    /// <summary>Replaces the item's text in the index.</summary>
    public async Task IndexAsync(int itemId, string culture, string text, CancellationToken cancellationToken)
    {
        await RemoveAsync(itemId, cancellationToken);
        await AddAsync(itemId, culture, text, cancellationToken);
    }

    /// <summary>Adds the text of an item that has none in the index yet.</summary>
    public Task AddAsync(int itemId, string culture, string text, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""INSERT INTO "ContentSearch" ("ItemId", "Culture", "Text") VALUES ({itemId}, {culture}, {TextFolding.Fold(text)})""", cancellationToken);

    public Task RemoveAsync(int itemId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "ContentSearch" WHERE "ItemId" = {itemId}""", cancellationToken);

    /// <summary>The ids of the items of <paramref name="culture"/> that contain every word of the query.</summary>
    public async Task<IReadOnlyList<int>> SearchAsync(string culture, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        // Terms are letters and digits only (TextFolding.Terms), so they are safe inside the query syntax.
        if (IsSqlite)
        {
            var match = string.Join(" AND ", terms.Select(t => $"\"{t}\"*"));
            return await db.Database.SqlQuery<int>($"""SELECT CAST("ItemId" AS INTEGER) AS "Value" FROM "ContentSearch" WHERE "ContentSearch" MATCH {match} AND "Culture" = {culture}""").ToListAsync(cancellationToken);
        }

        var query = string.Join(" & ", terms.Select(t => t + ":*"));
        return await db.Database.SqlQuery<int>($"""SELECT "ItemId" AS "Value" FROM "ContentSearch" WHERE "Document" @@ to_tsquery('simple', {query}) AND "Culture" = {culture}""").ToListAsync(cancellationToken);
    }
}
