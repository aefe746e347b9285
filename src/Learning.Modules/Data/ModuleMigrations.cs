using System.Reflection;
using Learning.Modules.Core;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Learning.Modules.Data;

/// <summary>
/// The migrations of the listed modules only: every <see cref="Migration"/> for <see cref="LearningDbContext"/>
/// that lives in a listed module's namespace (<c>Learning.Modules.Assessment.Migrations</c> belongs to
/// Assessment). Migrations are hand-written and shared by both providers, so there is no model snapshot.
/// </summary>
internal sealed class ModuleMigrations(ICurrentDbContext current) : IMigrationsAssembly
{
    private IReadOnlyDictionary<string, TypeInfo>? migrations;

    public Assembly Assembly => typeof(LearningDbContext).Assembly;

    public ModelSnapshot? ModelSnapshot => null;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= Find(((LearningDbContext)current.Context).Modules);

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase) || string.Equals(id[(id.IndexOf('_') + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private IReadOnlyDictionary<string, TypeInfo> Find(IReadOnlyList<ILearningModule> modules) => Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(LearningDbContext)
            && modules.Any(m => m.Owns(t)))
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id ?? throw new InvalidOperationException($"{t} has no [Migration] id."), Type: t))
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id, m => m.Type);
}
