using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Data.Migrations.Postgres;

[DbContext(typeof(PostgresLearningDbContext))]
[Migration("20261122150000_Mooc")]
public sealed class Mooc : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => MoocSchema.Up(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => MoocSchema.Down(migrationBuilder);
}
