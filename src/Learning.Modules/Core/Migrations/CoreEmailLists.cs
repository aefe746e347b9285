using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Core.Migrations;

/// <summary>E-mail lists: the outbox keeps a message's unsubscribe link (for its List-Unsubscribe header), and
/// people's opt-outs are kept per list.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261206120000_CoreEmailLists")]
public sealed class CoreEmailLists : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.AddColumn<string>("UnsubscribeUrl", "OutboxMessages", maxLength: 2000, nullable: true);
        migration.CreateTable(
            name: "EmailOptOuts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).GeneratedKey(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                List = table.Column<string>(maxLength: 64, nullable: false),
                OptedOutUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_EmailOptOuts", x => x.Id));
        migration.CreateIndex("IX_EmailOptOuts_UserId_List", "EmailOptOuts", ["UserId", "List"], unique: true);
        migration.CreateIndex("IX_EmailOptOuts_List", "EmailOptOuts", "List");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("EmailOptOuts");
        migration.DropColumn("UnsubscribeUrl", "OutboxMessages");
    }
}
