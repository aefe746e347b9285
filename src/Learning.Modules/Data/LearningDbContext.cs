using Learning.Modules.Core;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Data;

/// <summary>
/// The database of one tenant. Its model is composed from the listed modules: each maps its own entities
/// (<see cref="ILearningModule.ConfigureModel"/>) and brings its own migrations (a <c>Migrations</c> folder
/// in its namespace, see <see cref="ModuleMigrations"/>), so a module left out of <c>Modules.cs</c> has
/// neither its tables mapped nor its migrations run. Modules reach their tables through accessors of
/// their own (<c>db.Attempts</c> is declared in Assessment), never through this class.
/// </summary>
/// <remarks>The modules travel in the options (<see cref="ModulesOptionsExtension"/>), so that contexts can be pooled
/// (<see cref="TenantDatabases"/>): a pooled context is built from its options alone.</remarks>
public sealed class LearningDbContext(DbContextOptions<LearningDbContext> options) : DbContext(options)
{
    private readonly ModulesOptionsExtension composition = options.FindExtension<ModulesOptionsExtension>()
        ?? throw new InvalidOperationException("The options do not name the modules: compose them with TenantDatabases.ComposeFromModules.");

    public IReadOnlyList<ILearningModule> Modules => composition.Modules;

    /// <summary>Names the set of modules the model is composed from: EF builds and caches one model per key.</summary>
    internal string ModelKey => composition.ModelKey;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        foreach (var module in Modules)
        {
            module.ConfigureModel(builder);
        }
    }
}
