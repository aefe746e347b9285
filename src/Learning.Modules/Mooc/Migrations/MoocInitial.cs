using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Mooc.Migrations;

/// <summary>Enrolments and progress through the formative activities.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205100500_MoocInitial")]
[Supersedes("20261122150000_Mooc")]
public sealed class MoocInitial : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "Enrolments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                EnrolledUtc = table.Column<DateTime>(nullable: false),
                LastPart = table.Column<string>(maxLength: 100, nullable: true),
                LastActivity = table.Column<string>(maxLength: 100, nullable: true),
                SuggestedParts = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Enrolments", x => x.Id));
        migration.CreateIndex("IX_Enrolments_UserId", "Enrolments", "UserId", unique: true);

        migration.CreateTable(
            name: "ActivityProgress",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                ActivityId = table.Column<string>(maxLength: 100, nullable: false),
                Part = table.Column<string>(maxLength: 100, nullable: false),
                Tries = table.Column<int>(nullable: false),
                LastTriedUtc = table.Column<DateTime>(nullable: false),
                CompletedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ActivityProgress", x => new { x.UserId, x.ActivityId }));
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("ActivityProgress");
        migration.DropTable("Enrolments");
    }
}
