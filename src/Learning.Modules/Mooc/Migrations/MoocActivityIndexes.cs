using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Mooc.Migrations;

/// <summary>Reports ask which learners enrolled or tried an activity since a moment: both times are indexed.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205162000_MoocActivityIndexes")]
public sealed class MoocActivityIndexes : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateIndex("IX_Enrolments_EnrolledUtc", "Enrolments", "EnrolledUtc");
        migration.CreateIndex("IX_ActivityProgress_LastTriedUtc", "ActivityProgress", "LastTriedUtc");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropIndex("IX_ActivityProgress_LastTriedUtc", "ActivityProgress");
        migration.DropIndex("IX_Enrolments_EnrolledUtc", "Enrolments");
    }
}
