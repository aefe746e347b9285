using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Feedback.Migrations;

/// <summary>Learners' feedback: one item per person and subject, with the editors' status and reply.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205161000_FeedbackInitial")]
public sealed class FeedbackInitial : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "FeedbackItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                SetId = table.Column<string>(maxLength: 100, nullable: false),
                Culture = table.Column<string>(maxLength: 5, nullable: false),
                Rating = table.Column<int>(nullable: true),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                Useful = table.Column<string>(maxLength: 2000, nullable: true),
                Improve = table.Column<string>(maxLength: 2000, nullable: true),
                Recommend = table.Column<string>(maxLength: 20, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Reply = table.Column<string>(maxLength: 2000, nullable: true),
                RepliedBy = table.Column<string>(maxLength: 450, nullable: true),
                RepliedUtc = table.Column<DateTime>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                StatusChangedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_FeedbackItems", x => x.Id));
        migration.CreateIndex("IX_FeedbackItems_UserId_Kind_SetId", "FeedbackItems", ["UserId", "Kind", "SetId"], unique: true);
        migration.CreateIndex("IX_FeedbackItems_Status_CreatedUtc", "FeedbackItems", ["Status", "CreatedUtc"]);
        migration.CreateIndex("IX_FeedbackItems_Kind_SetId", "FeedbackItems", ["Kind", "SetId"]);
        migration.CreateIndex("IX_FeedbackItems_CreatedUtc", "FeedbackItems", "CreatedUtc");
        migration.CreateIndex("IX_FeedbackItems_UpdatedUtc", "FeedbackItems", "UpdatedUtc");
        migration.CreateIndex("IX_FeedbackItems_StatusChangedUtc", "FeedbackItems", "StatusChangedUtc");
    }

    protected override void Down(MigrationBuilder migration) => migration.DropTable("FeedbackItems");
}
