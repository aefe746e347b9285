using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Data.Migrations.Postgres;

[DbContext(typeof(PostgresLearningDbContext))]
[Migration("20261122130000_Content")]
public sealed class Content : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ContentSchema.Up(migrationBuilder, ContentSchema.PostgresSearchTable);

    protected override void Down(MigrationBuilder migrationBuilder) => ContentSchema.Down(migrationBuilder);
}
