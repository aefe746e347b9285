using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Reporting.Migrations;

/// <summary>Each learner's activities tried and failed at first try, as bits, so that the hardest activities are
/// counted from the facts for any filter; the next refresh reads every learner again to fill them.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205164000_ReportingActivities")]
public sealed class ReportingActivities : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.AddColumn<byte[]>(name: "TriedActivities", table: "ReportLearners", nullable: true);
        migration.AddColumn<byte[]>(name: "FailedActivities", table: "ReportLearners", nullable: true);
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
        migration.DropColumn(name: "FailedActivities", table: "ReportLearners");
        migration.DropColumn(name: "TriedActivities", table: "ReportLearners");
    }
}
