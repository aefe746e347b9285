using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Data.Migrations;

/// <summary>Question banks, attempts and their answers (Assessment), and certificates (Certificates), for both providers.</summary>
internal static class AssessmentSchema
{
    public static void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "BankQuestions",
            columns: table => new
            {
                Id = InitialSchema.Identity(table.Column<int>(nullable: false)),
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
                Id = InitialSchema.Identity(table.Column<int>(nullable: false)),
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

        migration.CreateTable(
            name: "Certificates",
            columns: table => new
            {
                Id = InitialSchema.Identity(table.Column<int>(nullable: false)),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                RecipientName = table.Column<string>(maxLength: 200, nullable: false),
                RecipientHash = table.Column<string>(maxLength: 100, nullable: false),
                Salt = table.Column<string>(maxLength: 64, nullable: false),
                Culture = table.Column<string>(maxLength: 5, nullable: false),
                IssuedUtc = table.Column<DateTime>(nullable: false),
                RevokedUtc = table.Column<DateTime>(nullable: true),
                RevocationReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Certificates", x => x.Id));
        migration.CreateIndex("IX_Certificates_Code", "Certificates", "Code", unique: true);
        migration.CreateIndex("IX_Certificates_UserId", "Certificates", "UserId", unique: true);
        migration.CreateIndex("IX_BankQuestions_Bank_Name_Culture", "BankQuestions", ["Bank", "Name", "Culture"], unique: true);
        migration.CreateIndex("IX_Attempts_UserId_Bank_Number", "Attempts", ["UserId", "Bank", "Number"], unique: true);
    }

    public static void Down(MigrationBuilder migration)
    {
        migration.DropTable("Certificates");
        migration.DropTable("AttemptAnswers");
        migration.DropTable("Attempts");
        migration.DropTable("BankQuestions");
    }
}
