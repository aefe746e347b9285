using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Community.Notifications.Migrations;

/// <summary>Discussion e-mails: each person's choice, the places they follow, what was e-mailed to whom, and the tenant's watermark.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261206140000_DiscussionNotifications")]
public sealed class NotificationsInitial : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "DiscussionNotificationChoices",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Mode = table.Column<string>(maxLength: 20, nullable: false),
                SinceUtc = table.Column<DateTime>(nullable: false),
                ChangedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DiscussionNotificationChoices", x => x.UserId));
        migration.CreateIndex("IX_DiscussionNotificationChoices_Mode", "DiscussionNotificationChoices", "Mode");

        migration.CreateTable(
            name: "PlaceFollows",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                PlaceKind = table.Column<string>(maxLength: 20, nullable: false),
                PlaceId = table.Column<string>(maxLength: 100, nullable: false),
                Culture = table.Column<string>(maxLength: 5, nullable: true),
                FollowedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PlaceFollows", x => x.Id));
        migration.CreateIndex("IX_PlaceFollows_UserId_PlaceKind_PlaceId", "PlaceFollows", ["UserId", "PlaceKind", "PlaceId"], unique: true);
        migration.CreateIndex("IX_PlaceFollows_PlaceKind_PlaceId", "PlaceFollows", ["PlaceKind", "PlaceId"]);

        migration.CreateTable(
            name: "DiscussionNotificationsSent",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                MessageId = table.Column<int>(nullable: false),
                SentUtc = table.Column<DateTime>(nullable: false),
                Digest = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DiscussionNotificationsSent", x => x.Id));
        migration.CreateIndex("IX_DiscussionNotificationsSent_UserId_MessageId", "DiscussionNotificationsSent", ["UserId", "MessageId"], unique: true);
        migration.CreateIndex("IX_DiscussionNotificationsSent_MessageId", "DiscussionNotificationsSent", "MessageId");
        migration.CreateIndex("IX_DiscussionNotificationsSent_SentUtc", "DiscussionNotificationsSent", "SentUtc");

        migration.CreateTable(
            name: "DiscussionNotificationRuns",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                ThroughUtc = table.Column<DateTime>(nullable: false),
                LastDigestUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DiscussionNotificationRuns", x => x.Id));
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("DiscussionNotificationRuns");
        migration.DropTable("DiscussionNotificationsSent");
        migration.DropTable("PlaceFollows");
        migration.DropTable("DiscussionNotificationChoices");
    }
}
