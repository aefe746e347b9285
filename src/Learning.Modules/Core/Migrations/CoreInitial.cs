using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Core.Migrations;

/// <summary>The e-mail outbox.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205100000_CoreInitial")]
[Supersedes("20261122120000_Initial")]
public sealed class CoreInitial : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).GeneratedKey(),
                To = table.Column<string>(maxLength: 256, nullable: false),
                Subject = table.Column<string>(maxLength: 300, nullable: false),
                TextBody = table.Column<string>(nullable: false),
                HtmlBody = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SentUtc = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));
        migration.CreateIndex("IX_OutboxMessages_SentUtc", "OutboxMessages", "SentUtc");
    }

    protected override void Down(MigrationBuilder migration) => migration.DropTable("OutboxMessages");
}
