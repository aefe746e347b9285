using Learning.Modules.Core;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Data;

/// <summary>The modules a <see cref="LearningDbContext"/>'s model and migrations are composed from, carried in its
/// options. They change neither EF's internal services nor their cache: every tenant shares one service provider.</summary>
internal sealed class ModulesOptionsExtension(IReadOnlyList<ILearningModule> modules) : IDbContextOptionsExtension
{
    public IReadOnlyList<ILearningModule> Modules { get; } = modules;

    public string ModelKey { get; } = string.Join(",", modules.Select(m => m.GetType().FullName));

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(ModulesOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "Modules=" + ((ModulesOptionsExtension)Extension).ModelKey + " ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Learning:Modules"] = ((ModulesOptionsExtension)Extension).ModelKey.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
