using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Accounts.Migrations;

/// <summary>The directory of structures, each person's choice in it, and when each profile last changed (for
/// people registered before, when they registered: their profile has not changed since, as far as anyone knows).</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205160000_AccountsStructures")]
public sealed class AccountsStructures : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "Structures",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 40, nullable: false),
                Municipality = table.Column<string>(maxLength: 100, nullable: true),
                Country = table.Column<string>(maxLength: 2, nullable: false),
                Status = table.Column<string>(maxLength: 10, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                ProposedBy = table.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Structures", x => x.Id));
        migration.CreateIndex("IX_Structures_NormalizedName", "Structures", "NormalizedName", unique: true);
        migration.CreateIndex("IX_Structures_ProposedBy", "Structures", "ProposedBy");

        migration.AddColumn<int>(name: "StructureId", table: "AspNetUsers", nullable: true);
        migration.AddColumn<DateTime>(name: "ProfileChangedUtc", table: "AspNetUsers", nullable: false, defaultValue: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        migration.Sql("UPDATE \"AspNetUsers\" SET \"ProfileChangedUtc\" = \"CreatedUtc\"");
        migration.CreateIndex("IX_AspNetUsers_StructureId", "AspNetUsers", "StructureId");
        migration.CreateIndex("IX_AspNetUsers_ProfileChangedUtc", "AspNetUsers", "ProfileChangedUtc");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropIndex("IX_AspNetUsers_ProfileChangedUtc", "AspNetUsers");
        migration.DropIndex("IX_AspNetUsers_StructureId", "AspNetUsers");
        migration.DropColumn(name: "ProfileChangedUtc", table: "AspNetUsers");
        migration.DropColumn(name: "StructureId", table: "AspNetUsers");
        migration.DropTable("Structures");
    }
}
