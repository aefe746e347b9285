using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Assessment.Migrations;

/// <summary>Questions have marks: an attempt records what its score is out of. Attempts graded before stay
/// null there, which means one mark per question, as they were graded.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205150000_AssessmentMarks")]
public sealed class AssessmentMarks : Migration
{
    protected override void Up(MigrationBuilder migration) =>
        migration.AddColumn<decimal>(name: "MaxScore", table: "Attempts", nullable: true);

    protected override void Down(MigrationBuilder migration) =>
        migration.DropColumn(name: "MaxScore", table: "Attempts");
}
