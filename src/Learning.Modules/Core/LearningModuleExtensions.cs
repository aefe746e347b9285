namespace Learning.Modules.Core;

public static class LearningModuleExtensions
{
    /// <summary>Whether a type belongs to the module: it lives in the module's namespace or below.</summary>
    public static bool Owns(this ILearningModule module, Type type)
    {
        var root = module.GetType().Namespace!;
        return type.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));
    }
}
