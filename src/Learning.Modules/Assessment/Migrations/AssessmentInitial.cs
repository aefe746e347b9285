using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Assessment.Migrations;

/// <summary>Question banks, attempts and their answers.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205100300_AssessmentInitial")]
[Supersedes("20261122140000_Assessment")]
public sealed class AssessmentInitial : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "BankQuestions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                Bank = table.Column<string>(maxLength: 200, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Culture = table.Column<string>(maxLength: 5, nullable: false),
                Data = table.Column<string>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_BankQuestions", x => x.Id));

        migration.CreateTable(
            name: "Attempts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Bank = table.Column<string>(maxLength: 200, nullable: false),
                Number = table.Column<int>(nullable: false),
                Questions = table.Column<string>(nullable: false),
                ChoiceOrders = table.Column<string>(nullable: false),
                PassPercent = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                StartedUtc = table.Column<DateTime>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                Score = table.Column<decimal>(nullable: true),
                Passed = table.Column<bool>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Attempts", x => x.Id));

        migration.CreateTable(
            name: "AttemptAnswers",
            columns: table => new
            {
                AttemptId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Response = table.Column<string>(nullable: false),
                SavedUtc = table.Column<DateTime>(nullable: false),
                Score = table.Column<decimal>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AttemptAnswers", x => new { x.AttemptId, x.Position });
                table.ForeignKey("FK_AttemptAnswers_Attempts_AttemptId", x => x.AttemptId, "Attempts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migration.CreateIndex("IX_BankQuestions_Bank_Name_Culture", "BankQuestions", ["Bank", "Name", "Culture"], unique: true);
        migration.CreateIndex("IX_Attempts_UserId_Bank_Number", "Attempts", ["UserId", "Bank", "Number"], unique: true);
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("AttemptAnswers");
        migration.DropTable("Attempts");
        migration.DropTable("BankQuestions");
    }
}
