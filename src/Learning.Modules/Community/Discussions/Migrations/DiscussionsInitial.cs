using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Community.Discussions.Migrations;

/// <summary>Discussions: threads in places, their messages, reports of messages, the tenant's settings, and who follows which thread.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261206100000_DiscussionsInitial")]
public sealed class DiscussionsInitial : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "DiscussionThreads",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                PlaceKind = table.Column<string>(maxLength: 20, nullable: false),
                PlaceId = table.Column<string>(maxLength: 100, nullable: false),
                Culture = table.Column<string>(maxLength: 5, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                AuthorId = table.Column<string>(maxLength: 450, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                LastActivityUtc = table.Column<DateTime>(nullable: false),
                Listed = table.Column<bool>(nullable: false),
                Locked = table.Column<bool>(nullable: false),
                PinnedMessageId = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DiscussionThreads", x => x.Id));
        migration.CreateIndex("IX_DiscussionThreads_PlaceKind_PlaceId_LastActivityUtc", "DiscussionThreads", ["PlaceKind", "PlaceId", "LastActivityUtc"]);
        migration.CreateIndex("IX_DiscussionThreads_LastActivityUtc", "DiscussionThreads", "LastActivityUtc");
        migration.CreateIndex("IX_DiscussionThreads_AuthorId", "DiscussionThreads", "AuthorId");

        migration.CreateTable(
            name: "DiscussionMessages",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                ThreadId = table.Column<int>(nullable: false),
                AuthorId = table.Column<string>(maxLength: 450, nullable: true),
                QuotedMessageId = table.Column<int>(nullable: true),
                Opening = table.Column<bool>(nullable: false),
                Body = table.Column<string>(maxLength: 5000, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                PublishedUtc = table.Column<DateTime>(nullable: true),
                EditedUtc = table.Column<DateTime>(nullable: true),
                DeletedUtc = table.Column<DateTime>(nullable: true),
                ModerationReason = table.Column<string>(maxLength: 500, nullable: true),
                ModeratedBy = table.Column<string>(maxLength: 450, nullable: true),
                ModeratedUtc = table.Column<DateTime>(nullable: true),
                ContentRemoved = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DiscussionMessages", x => x.Id);
                table.ForeignKey("FK_DiscussionMessages_DiscussionThreads_ThreadId", x => x.ThreadId, "DiscussionThreads", "Id", onDelete: ReferentialAction.Cascade);
            });
        migration.CreateIndex("IX_DiscussionMessages_ThreadId_CreatedUtc", "DiscussionMessages", ["ThreadId", "CreatedUtc"]);
        migration.CreateIndex("IX_DiscussionMessages_AuthorId_CreatedUtc", "DiscussionMessages", ["AuthorId", "CreatedUtc"]);
        migration.CreateIndex("IX_DiscussionMessages_CreatedUtc", "DiscussionMessages", "CreatedUtc");
        migration.CreateIndex("IX_DiscussionMessages_Status_CreatedUtc", "DiscussionMessages", ["Status", "CreatedUtc"]);
        migration.CreateIndex("IX_DiscussionMessages_PublishedUtc", "DiscussionMessages", "PublishedUtc");

        migration.CreateTable(
            name: "MessageReports",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                MessageId = table.Column<int>(nullable: false),
                ReporterId = table.Column<string>(maxLength: 450, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                ResolvedUtc = table.Column<DateTime>(nullable: true),
                ResolvedBy = table.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MessageReports", x => x.Id);
                table.ForeignKey("FK_MessageReports_DiscussionMessages_MessageId", x => x.MessageId, "DiscussionMessages", "Id", onDelete: ReferentialAction.Cascade);
            });
        migration.CreateIndex("IX_MessageReports_MessageId_ReporterId", "MessageReports", ["MessageId", "ReporterId"]);
        migration.CreateIndex("IX_MessageReports_ResolvedUtc_CreatedUtc", "MessageReports", ["ResolvedUtc", "CreatedUtc"]);
        migration.CreateIndex("IX_MessageReports_ReporterId_CreatedUtc", "MessageReports", ["ReporterId", "CreatedUtc"]);

        migration.CreateTable(
            name: "DiscussionSettings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                MembersOnly = table.Column<bool>(nullable: false),
                HoldFirstMessages = table.Column<bool>(nullable: false),
                RemoveErasedContent = table.Column<bool>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DiscussionSettings", x => x.Id));

        migration.CreateTable(
            name: "ThreadFollows",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                ThreadId = table.Column<int>(nullable: false),
                FollowedUtc = table.Column<DateTime>(nullable: false),
                LastReadUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ThreadFollows", x => x.Id);
                table.ForeignKey("FK_ThreadFollows_DiscussionThreads_ThreadId", x => x.ThreadId, "DiscussionThreads", "Id", onDelete: ReferentialAction.Cascade);
            });
        migration.CreateIndex("IX_ThreadFollows_UserId_ThreadId", "ThreadFollows", ["UserId", "ThreadId"], unique: true);
        migration.CreateIndex("IX_ThreadFollows_ThreadId", "ThreadFollows", "ThreadId");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("ThreadFollows");
        migration.DropTable("DiscussionSettings");
        migration.DropTable("MessageReports");
        migration.DropTable("DiscussionMessages");
        migration.DropTable("DiscussionThreads");
    }
}
