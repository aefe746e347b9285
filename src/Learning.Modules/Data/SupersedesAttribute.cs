namespace Learning.Modules.Data;

/// <summary>
/// Marks a module's migration that creates tables an older, installation-wide migration already created
/// (before each module kept its own migrations). On a database whose history holds one of those ids, the
/// migration is recorded as applied instead of run (<see cref="SchemaSetupStep"/>), and every row stays.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SupersedesAttribute(params string[] migrationIds) : Attribute
{
    public IReadOnlyList<string> MigrationIds { get; } = migrationIds;
}
