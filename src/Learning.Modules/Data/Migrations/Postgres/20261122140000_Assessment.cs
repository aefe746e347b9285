using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Data.Migrations.Postgres;

[DbContext(typeof(PostgresLearningDbContext))]
[Migration("20261122140000_Assessment")]
public sealed class Assessment : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AssessmentSchema.Up(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => AssessmentSchema.Down(migrationBuilder);
}
