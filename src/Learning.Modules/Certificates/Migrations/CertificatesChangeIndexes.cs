using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Certificates.Migrations;

/// <summary>Reports ask which certificates were issued or revoked since a moment: both times are indexed.</summary>
[DbContext(typeof(LearningDbContext))]
[Migration("20261205162002_CertificatesChangeIndexes")]
public sealed class CertificatesChangeIndexes : Migration
{
    protected override void Up(MigrationBuilder migration)
    {
        migration.CreateIndex("IX_Certificates_IssuedUtc", "Certificates", "IssuedUtc");
        migration.CreateIndex("IX_Certificates_RevokedUtc", "Certificates", "RevokedUtc");
    }

    protected override void Down(MigrationBuilder migration)
    {
        migration.DropIndex("IX_Certificates_RevokedUtc", "Certificates");
        migration.DropIndex("IX_Certificates_IssuedUtc", "Certificates");
    }
}
