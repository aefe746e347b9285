using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Core.Migrations;

/// <summary>What every node of an installation must share, in the default tenant's database: the list of tenants
/// (until now App_Data/tenants.json, imported once) and the data-protection key ring (until now App_Data/keys).</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261207100000_CoreInstallationTables")]
public sealed class CoreInstallationTables : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "Tenants",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 64, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                UrlPrefix = table.Column<string>(maxLength: 64, nullable: true),
                HostName = table.Column<string>(maxLength: 253, nullable: true),
                BaseUrl = table.Column<string>(maxLength: 2000, nullable: true),
                Cultures = table.Column<string>(maxLength: 64, nullable: false),
                DefaultCulture = table.Column<string>(maxLength: 8, nullable: false),
                DatabaseProvider = table.Column<string>(maxLength: 16, nullable: false),
                ConnectionString = table.Column<string>(maxLength: 2000, nullable: true),
                State = table.Column<string>(maxLength: 16, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tenants", x => x.Name));
        migration.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("DataProtectionKeys");
        migration.DropTable("Tenants");
    }
}
