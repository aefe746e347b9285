using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Content.Migrations;

/// <summary>
/// Content items, their versions and media files, plus each provider's full-text index (<c>ContentSearch</c>,
/// outside the EF model: an FTS5 table on SQLite, a tsvector with a GIN index on PostgreSQL). The indexed
/// text is folded in C# (lower case, no accents) before it is stored.
/// </summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205100200_ContentInitial")]
[Supersedes("20261122130000_Content")]
public sealed class ContentInitial : Migration
{
    private const string SqliteSearchTable =
        """CREATE VIRTUAL TABLE "ContentSearch" USING fts5("ItemId" UNINDEXED, "Culture" UNINDEXED, "Text", tokenize = 'unicode61 remove_diacritics 2');""";

    private const string PostgresSearchTable =
        """
        CREATE TABLE "ContentSearch" (
            "ItemId" integer NOT NULL PRIMARY KEY REFERENCES "ContentItems" ("Id") ON DELETE CASCADE,
            "Culture" character varying(5) NOT NULL,
            "Text" text NOT NULL,
            "Document" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "Text")) STORED);
        CREATE INDEX "IX_ContentSearch_Document" ON "ContentSearch" USING GIN ("Document");
        """;

    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "ContentItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                Type = table.Column<string>(maxLength: 40, nullable: false),
                SetId = table.Column<string>(maxLength: 100, nullable: false),
                Culture = table.Column<string>(maxLength: 5, nullable: false),
                Slug = table.Column<string>(maxLength: 200, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                PublishedVersionId = table.Column<int>(nullable: true),
                LatestVersionNumber = table.Column<int>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                PublishedUtc = table.Column<DateTime>(nullable: true),
                TranslatedFromVersion = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ContentItems", x => x.Id));

        migration.CreateTable(
            name: "ContentVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                ItemId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Summary = table.Column<string>(maxLength: 1000, nullable: false),
                Body = table.Column<string>(nullable: false),
                Fields = table.Column<string>(nullable: false),
                Author = table.Column<string>(maxLength: 200, nullable: false),
                Note = table.Column<string>(maxLength: 300, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContentVersions", x => x.Id);
                table.ForeignKey("FK_ContentVersions_ContentItems_ItemId", x => x.ItemId, "ContentItems", "Id", onDelete: ReferentialAction.Cascade);
            });

        // Added after both tables exist: each refers to the other.
        migration.AddForeignKey("FK_ContentItems_ContentVersions_PublishedVersionId", "ContentItems", "PublishedVersionId", "ContentVersions", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        migration.CreateIndex("IX_ContentItems_PublishedVersionId", "ContentItems", "PublishedVersionId");
        migration.CreateIndex("IX_ContentItems_Type_SetId_Culture", "ContentItems", ["Type", "SetId", "Culture"], unique: true);
        migration.CreateIndex("IX_ContentItems_Type_Culture_Slug", "ContentItems", ["Type", "Culture", "Slug"], unique: true);
        migration.CreateIndex("IX_ContentVersions_ItemId_Number", "ContentVersions", ["ItemId", "Number"], unique: true);
        migration.CreateTable(
            name: "MediaFiles",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Length = table.Column<long>(nullable: false),
                StorageName = table.Column<string>(maxLength: 100, nullable: false),
                UploadedBy = table.Column<string>(maxLength: 200, nullable: false),
                UploadedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MediaFiles", x => x.Id));
        migration.CreateIndex("IX_MediaFiles_StorageName", "MediaFiles", "StorageName", unique: true);
        migration.Sql(migration.IsSqlite() ? SqliteSearchTable : PostgresSearchTable);
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.Sql("""DROP TABLE "ContentSearch";""");
        migration.DropForeignKey("FK_ContentItems_ContentVersions_PublishedVersionId", "ContentItems");
        migration.DropTable("MediaFiles");
        migration.DropTable("ContentVersions");
        migration.DropTable("ContentItems");
    }
}
