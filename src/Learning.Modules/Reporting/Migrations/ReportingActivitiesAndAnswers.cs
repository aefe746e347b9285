using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Reporting.Migrations;

/// <summary>Each learner's activities tried and failed at first try, as bits, so that the hardest activities are
/// counted from the facts for any filter, and each attempt's drawn questions, for the item analysis; the next refresh
/// reads every learner and attempt again to fill them.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205164000_ReportingActivitiesAndAnswers")]
public sealed class ReportingActivitiesAndAnswers : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.AddColumn<byte[]>(name: "TriedActivities", table: "ReportLearners", nullable: true);
        migration.AddColumn<byte[]>(name: "FailedActivities", table: "ReportLearners", nullable: true);
        migration.AddColumn<string>(name: "Drawn", table: "ReportAttempts", nullable: true);
        migration.CreateIndex("IX_ReportAttempts_Bank_Number", "ReportAttempts", ["Bank", "Number"]);
        migration.CreateTable(
            name: "ReportActivities",
            columns: table => new
            {
                Number = table.Column<int>(nullable: false),
                ActivityId = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReportActivities", x => x.Number));
        migration.CreateIndex("IX_ReportActivities_ActivityId", "ReportActivities", "ActivityId", unique: true);
        // Forget the watermark: the next refresh is a full one, which fills the new columns.
        migration.Sql("DELETE FROM \"ReportFactsState\"");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable(name: "ReportActivities");
        migration.DropIndex(name: "IX_ReportAttempts_Bank_Number", table: "ReportAttempts");
        migration.DropColumn(name: "Drawn", table: "ReportAttempts");
        migration.DropColumn(name: "FailedActivities", table: "ReportLearners");
        migration.DropColumn(name: "TriedActivities", table: "ReportLearners");
    }
}
