using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Assessment.Migrations;

/// <summary>Reports ask which attempts were started, answered or submitted since a moment: those times are indexed.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205162001_AssessmentActivityIndexes")]
public sealed class AssessmentActivityIndexes : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateIndex("IX_Attempts_StartedUtc", "Attempts", "StartedUtc");
        migration.CreateIndex("IX_Attempts_SubmittedUtc", "Attempts", "SubmittedUtc");
        migration.CreateIndex("IX_AttemptAnswers_SavedUtc", "AttemptAnswers", "SavedUtc");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropIndex("IX_AttemptAnswers_SavedUtc", "AttemptAnswers");
        migration.DropIndex("IX_Attempts_SubmittedUtc", "Attempts");
        migration.DropIndex("IX_Attempts_StartedUtc", "Attempts");
    }
}
