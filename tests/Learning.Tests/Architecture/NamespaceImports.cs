using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;

namespace Learning.Tests.Architecture;

/// <summary>
/// Reads the namespaces each type's code imports (using directives, global ones included) from the
/// assembly's portable PDB. TypeReferences cannot see a const: the compiler copies its value into the
/// code that reads it (Roles.EditorPolicy becomes "Editor"), so the using that brought it in is all
/// that is left of the reference. A const read through a qualified name without a using
/// (Accounts.Roles.AdministratorPolicy) leaves nothing in the compiled library, and escapes both readers.
/// </summary>
public static class NamespaceImports
{
    /// <summary>A namespace that a file imports, for a top-level type whose code is in that file.</summary>
    public sealed record Import(Type Type, string File, string Namespace);

    public static IReadOnlySet<Import> In(Assembly assembly)
    {
        var pdb = Path.ChangeExtension(assembly.Location, ".pdb");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdb));
        var reader = provider.GetMetadataReader();
        var imports = new List<(Type Type, string? File, string Namespace)>();

        // Each method body has a local scope pointing at the import scope of its file and namespace,
        // whose parents hold the enclosing namespaces' and the project's global usings.
        foreach (var handle in reader.LocalScopes)
        {
            var scope = reader.GetLocalScope(handle);
            var type = assembly.ManifestModule.ResolveMethod(MetadataTokens.GetToken(scope.Method))!.DeclaringType!;
            while (type.DeclaringType is { } outer) type = outer;
            var file = FileOf(reader, scope.Method, assembly.GetName().Name!);
            for (var s = scope.ImportScope; !s.IsNil; s = reader.GetImportScope(s).Parent)
                foreach (var import in reader.GetImportScope(s).GetImports())
                    if (Namespace(import, reader, assembly.ManifestModule) is { } imported)
                        imports.Add((type, file, imported));
        }

        // Methods the compiler writes (a closure class's constructor) have no lines, hence no file; they
        // share the import scope of a file of their type, which the type's other methods already report.
        var filesOf = imports.Where(i => i.File is not null).ToLookup(i => i.Type);
        return imports.Where(i => i.File is not null || !filesOf.Contains(i.Type))
            .Select(i => new Import(i.Type, i.File ?? i.Type.FullName!, i.Namespace)).ToHashSet();
    }

    // A using applies to a file, so it is reported with the file: Mooc/MoocPart.cs rather than each type in it.
    static string? FileOf(MetadataReader pdb, MethodDefinitionHandle method, string project)
    {
        var info = pdb.GetMethodDebugInformation(method);
        var document = info.Document.IsNil ? info.GetSequencePoints().Select(p => p.Document).FirstOrDefault() : info.Document;
        if (document.IsNil) return null;
        var path = pdb.GetString(pdb.GetDocument(document).Name).Replace('\\', '/');
        var folder = path.LastIndexOf($"/{project}/", StringComparison.Ordinal);
        return folder < 0 ? path : path[(folder + project.Length + 2)..];
    }

    // using N; and using A = N; name a namespace; using static T; and using A = T; name a type, whose
    // handle points into the assembly's own metadata. Extern aliases and VB imports do not occur here.
    static string? Namespace(ImportDefinition import, MetadataReader pdb, Module module) => import.Kind switch
    {
        ImportDefinitionKind.ImportNamespace or ImportDefinitionKind.AliasNamespace =>
            Encoding.UTF8.GetString(pdb.GetBlobBytes(import.TargetNamespace)),
        ImportDefinitionKind.ImportType or ImportDefinitionKind.AliasType =>
            module.ResolveType(MetadataTokens.GetToken(import.TargetType)).Namespace,
        _ => null,
    };
}
