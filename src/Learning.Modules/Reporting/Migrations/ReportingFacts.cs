using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Reporting.Migrations;

/// <summary>The facts the dashboard reads, copied from the features by the refresh job.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205163000_ReportingFacts")]
public sealed class ReportingFacts : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "ReportLearners",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                RegisteredUtc = table.Column<DateTime>(nullable: false),
                Culture = table.Column<string>(maxLength: 10, nullable: false),
                StructureId = table.Column<int>(nullable: true),
                Country = table.Column<string>(maxLength: 100, nullable: true),
                Profession = table.Column<string>(maxLength: 100, nullable: true),
                EnrolledUtc = table.Column<DateTime>(nullable: true),
                LastActiveUtc = table.Column<DateTime>(nullable: false),
                CourseCompleted = table.Column<bool>(nullable: false),
                CertifiedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ReportLearners", x => x.UserId));
        migration.CreateIndex("IX_ReportLearners_RegisteredUtc", "ReportLearners", "RegisteredUtc");
        migration.CreateIndex("IX_ReportLearners_StructureId", "ReportLearners", "StructureId");

        migration.CreateTable(
            name: "ReportActiveDays",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Day = table.Column<DateTime>(nullable: false),
                Week = table.Column<DateTime>(nullable: false),
                Month = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReportActiveDays", x => new { x.UserId, x.Day }));
        migration.CreateIndex("IX_ReportActiveDays_Day", "ReportActiveDays", "Day");

        migration.CreateTable(
            name: "ReportPartCompletions",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Part = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReportPartCompletions", x => new { x.UserId, x.Part }));

        migration.CreateTable(
            name: "ReportAttempts",
            columns: table => new
            {
                AttemptId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Bank = table.Column<string>(maxLength: 200, nullable: false),
                Number = table.Column<int>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: false),
                Percent = table.Column<double>(nullable: false),
                Passed = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReportAttempts", x => x.AttemptId));
        migration.CreateIndex("IX_ReportAttempts_SubmittedUtc", "ReportAttempts", "SubmittedUtc");

        migration.CreateTable(
            name: "ReportFactsState",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                WatermarkUtc = table.Column<DateTime>(nullable: false),
                RefreshedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReportFactsState", x => x.Id));
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("ReportFactsState");
        migration.DropTable("ReportAttempts");
        migration.DropTable("ReportPartCompletions");
        migration.DropTable("ReportActiveDays");
        migration.DropTable("ReportLearners");
    }
}
