using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Community.Sharing.Migrations;

/// <summary>Shared practices: each learner's submission (linked to its draft in Content) and its thread of messages.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261206110000_SharingInitial")]
public sealed class SharingInitial : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "PracticeSubmissions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                ContentItemId = table.Column<int>(nullable: false),
                SetId = table.Column<string>(maxLength: 100, nullable: false),
                Culture = table.Column<string>(maxLength: 5, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreditByName = table.Column<bool>(nullable: false),
                DeclineReason = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PracticeSubmissions", x => x.Id));
        migration.CreateIndex("IX_PracticeSubmissions_UserId", "PracticeSubmissions", "UserId");
        migration.CreateIndex("IX_PracticeSubmissions_SetId", "PracticeSubmissions", "SetId");
        migration.CreateIndex("IX_PracticeSubmissions_CreatedUtc", "PracticeSubmissions", "CreatedUtc");

        migration.CreateTable(
            name: "SubmissionMessages",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                SubmissionId = table.Column<int>(nullable: false),
                AuthorId = table.Column<string>(maxLength: 450, nullable: true),
                FromEditor = table.Column<bool>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SubmissionMessages", x => x.Id);
                table.ForeignKey("FK_SubmissionMessages_PracticeSubmissions_SubmissionId", x => x.SubmissionId, "PracticeSubmissions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migration.CreateIndex("IX_SubmissionMessages_SubmissionId", "SubmissionMessages", "SubmissionId");
        migration.CreateIndex("IX_SubmissionMessages_AuthorId", "SubmissionMessages", "AuthorId");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("SubmissionMessages");
        migration.DropTable("PracticeSubmissions");
    }
}
