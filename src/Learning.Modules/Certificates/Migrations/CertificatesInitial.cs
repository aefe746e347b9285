using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Certificates.Migrations;

/// <summary>Certificates: one per person, with the code of its verification page.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205100400_CertificatesInitial")]
[Supersedes("20261122140000_Assessment")]
public sealed class CertificatesInitial : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateTable(
            name: "Certificates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).GeneratedKey(),
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
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropTable("Certificates");
    }
}
