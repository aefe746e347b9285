using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Content.Migrations;

/// <summary>Readers' page views per item, culture and UTC day, for "most read practices and tutorials".</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205162003_ContentReads")]
public sealed class ContentReads : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "ContentReads",
            columns: table => new
            {
                Type = table.Column<string>(maxLength: 40, nullable: false),
                SetId = table.Column<string>(maxLength: 100, nullable: false),
                Culture = table.Column<string>(maxLength: 5, nullable: false),
                Day = table.Column<DateTime>(nullable: false),
                Count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContentReads", x => new { x.Type, x.SetId, x.Culture, x.Day }));
        migration.CreateIndex("IX_ContentReads_Type_Day", "ContentReads", ["Type", "Day"]);
    }

    protected override void Down(MigrationBuilder migration) => migration.DropTable("ContentReads");
}
