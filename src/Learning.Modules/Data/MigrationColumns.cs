using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Learning.Modules.Data;

/// <summary>
/// Helpers for the modules' hand-written migrations, which both providers share: column types are left
/// out, so each provider maps the CLR types itself, exactly as for EnsureCreated (a test compares the two).
/// </summary>
public static class MigrationColumns
{
    /// <summary>A generated key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL
    /// (each provider reads its own annotation and ignores the other's).</summary>
    public static OperationBuilder<AddColumnOperation> GeneratedKey(this OperationBuilder<AddColumnOperation> column) => column
        .Annotation("Sqlite:Autoincrement", true)
        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
