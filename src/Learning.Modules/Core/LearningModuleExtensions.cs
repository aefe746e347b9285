namespace Learning.Modules.Core;

public static class LearningModuleExtensions
{
    /// <summary>The module's folder in the library, the last part of its namespace: "Mooc" for MoocModule.</summary>
    public static string Folder(this ILearningModule module) => module.GetType().Namespace!.Split('.')[^1];

    /// <summary>Whether a type belongs to the module: it lives in the module's namespace or below.</summary>
    public static bool Owns(this ILearningModule module, Type type)
    {
        var root = module.GetType().Namespace!;
        return type.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));
    }
}
