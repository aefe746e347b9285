using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Community.Migrations;

/// <summary>Each tenant's own privacy notice, one per culture, written by its administrators.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261206130000_CommunityPrivacyNotices")]
public sealed class CommunityPrivacyNotices : Migration
{
    protected override void Up(MigrationBuilder migration) =>
        migration.CreateTable(
            name: "PrivacyNotices",
            columns: table => new
            {
                Culture = table.Column<string>(maxLength: 5, nullable: false),
                Markdown = table.Column<string>(maxLength: 20000, nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PrivacyNotices", x => x.Culture));

    protected override void Down(MigrationBuilder migration) => migration.DropTable("PrivacyNotices");
}
