using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Mooc.Migrations;

/// <summary>Reminders to inactive learners: when each learner was last seen in the course, and the reminders sent.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261206121000_MoocReminders")]
public sealed class MoocReminders : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.AddColumn<DateTime>("LastSeenUtc", "Enrolments", nullable: true);
        migration.CreateTable(
            name: "RemindersSent",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                SentUtc = table.Column<DateTime>(nullable: false),
                Part = table.Column<string>(maxLength: 100, nullable: true),
                Activity = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_RemindersSent", x => x.Id));
        migration.CreateIndex("IX_RemindersSent_UserId_SentUtc", "RemindersSent", ["UserId", "SentUtc"]);
        migration.CreateIndex("IX_RemindersSent_SentUtc", "RemindersSent", "SentUtc");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("RemindersSent");
        migration.DropColumn("LastSeenUtc", "Enrolments");
    }
}
