using System.CodeDom.Compiler;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Learning.Tests.Architecture;

/// <summary>
/// The modules share one library (one project builds three times faster than one per module), so
/// nothing but this test keeps them apart. It reads the compiled library, views included; a module's
/// own types are always allowed, and framework and package types are not checked.
/// </summary>
public sealed class ModuleDependencyTests
{
    static readonly string[] Platform = ["Core", "Data", "Content"];

    // Accounts counts as a feature here: other features reach it only through its Contracts.
    static readonly string[] Features = ["Accounts", "Toolbox", "Tutorials", "Assessment", "Certificates", "Mooc", "Feedback", "Reporting", "Community"];

    // Which modules a module may use, and why.
    static readonly ModuleRule[] Rules =
    [
        new("Core",         ["Data"],         "Core keeps its e-mail outbox in the tenant's database and creates and deletes tenants' databases; it knows no feature"),
        new("Data",         ["Core"],         "Data needs Core's tenants, paths and list of modules whose entities it maps; it names no feature"),
        new("Accounts",     ["Core", "Data"], "accounts stand on Core and Data alone, so that every feature may lean on them"),
        new("Content",      ["Core", "Data"], "Content is the engine every feature builds on; it knows no feature"),
        new("Toolbox",      Platform,         "a feature builds on Core, Data and Content, and reaches another feature only through its Contracts"),
        new("Tutorials",    Platform,         "a feature builds on Core, Data and Content, and reaches another feature only through its Contracts"),
        new("Assessment",   Platform,         "a feature builds on Core, Data and Content, and reaches another feature only through its Contracts"),
        new("Certificates", Platform,         "a feature builds on Core, Data and Content, and reaches another feature only through its Contracts"),
        new("Mooc",         Platform,         "a feature builds on Core, Data and Content, and reaches another feature only through its Contracts"),
        new("Feedback",     Platform,         "a feature builds on Core, Data and Content, and reaches another feature only through its Contracts"),
        new("Reporting",    Platform,         "a feature builds on Core, Data and Content, and reaches another feature only through its Contracts"),
        new("Community",    Platform,         "a feature builds on Core, Data and Content, and reaches another feature only through its Contracts"),
    ];

    // Modules in the table that have no code yet; the test asks to strike them off once they have.
    static readonly string[] NotWrittenYet = [];

    // Feature → feature: whose Contracts namespace a feature may use (and nothing else of that module).
    // Every other edge between features is refused, even to Contracts.
    static readonly Dictionary<string, string[]> ContractsUsed = new()
    {
        ["Assessment"]   = ["Accounts"],                       // an attempt belongs to a learner
        ["Certificates"] = ["Accounts", "Assessment", "Mooc"], // a certificate names its holder, the tests passed and the course
        ["Mooc"]         = ["Accounts", "Assessment"],         // progress shows learners and the part's validation test
        ["Feedback"]     = ["Accounts"],                       // editors see who wrote an item (its display name, never the e-mail)
        ["Reporting"]    = Features,                           // the impact figures read every feature
        ["Community"]    = ["Accounts"],                       // discussions are signed by users (Content is open to every feature)
    };

    static readonly Assembly Library = typeof(Learning.Modules.Core.ILearningModule).Assembly;
    static readonly ILookup<Type, Type> References = TypeReferences.In(Library);
    static readonly IReadOnlySet<NamespaceImports.Import> Imports = NamespaceImports.In(Library);

    // A view compiles to AspNetCoreGeneratedDocument.Mooc_Pages_PartPage; the library's
    // [RazorCompiledItem] attributes give its file, whose first folder is its module.
    static readonly Dictionary<Type, string> ViewFiles = Library.GetCustomAttributes<RazorCompiledItemAttribute>()
        .ToDictionary(a => a.Type, a => a.Identifier);

    [Fact]
    public void Modules_use_each_other_only_as_the_rules_allow()
    {
        var refused = (
            from r in References
            let user = PlaceOf(r.Key)
            where user is not null
            from used in r
            let place = PlaceOf(used)
            where place is not null
            let why = Refusal(user, place)
            where why is not null
            orderby user.Module, place.Module, Name(r.Key), used.FullName
            select (From: user.Module, To: place.Module, Line: $"{Name(r.Key)} → {used.FullName} ({why})")).ToList();

        var summary = refused.GroupBy(v => $"{v.From} → {v.To}").Select(g => $"{g.Key}: {g.Count()}");
        Assert.True(refused.Count == 0, $"{refused.Count} references break the module rules ({string.Join(", ", summary)}):\n"
            + string.Join("\n", refused.Select(v => v.Line)));
    }

    [Fact]
    public void Modules_import_only_the_namespaces_the_rules_allow()
    {
        // The using directives catch what the compiled code cannot show: a const read from another module.
        var refused = (
            from i in Imports
            let user = PlaceOf(i.Type)
            where user is not null
            let place = PlaceOfNamespace(i.Namespace)
            where place is not null
            let why = Refusal(user, place)
            where why is not null
            orderby user.Module, place.Module, i.File, i.Namespace
            select $"{i.File} imports {i.Namespace} ({why})").Distinct().ToList();

        Assert.True(refused.Count == 0, $"{refused.Count} using directives break the module rules:\n" + string.Join("\n", refused));
    }

    [Fact]
    public void The_import_reader_finds_the_namespaces_a_module_imports()
    {
        Assert.Contains(new(typeof(Learning.Modules.Data.DataModule), "Data/DataModule.cs", "Learning.Modules.Core.Tenancy"), Imports);
        Assert.Contains(Imports, i => i.File == "Toolbox/Pages/Editor/EditPractice.cshtml" && i.Namespace == "Learning.Modules.Content");
        Assert.Contains(NamespaceImports.In(typeof(ModuleDependencyTests).Assembly),
            i => i.Type == typeof(ModuleDependencyTests) && i.Namespace == "Microsoft.AspNetCore.Razor.Hosting");
        Assert.Empty(Rules.Select(r => r.Module).Except(NotWrittenYet)
            .Except(Imports.Select(i => PlaceOf(i.Type)?.Module ?? "")));
    }

    [Theory]
    [InlineData("Learning.Modules.Data.Migrations", "Learning.Modules.Core.Tenancy", true)]
    [InlineData("Learning.Modules.Core", "Learning.Modules.Content", false)]
    [InlineData("Learning.Modules.Content.Pages", "Learning.Modules.Accounts.Contracts", false)]
    [InlineData("Learning.Modules.Mooc.Pages.Admin", "Learning.Modules.Assessment.Contracts", true)]
    [InlineData("Learning.Modules.Mooc.Pages.Admin", "Learning.Modules.Assessment", false)]
    [InlineData("Learning.Modules.Toolbox", "Learning.Modules.Accounts.Contracts", false)]
    [InlineData("Learning.Modules.Assessment.Contracts", "Learning.Modules.Accounts.Contracts", false)]
    [InlineData("Learning.Modules.Assessment.Contracts", "Learning.Modules.Assessment.Questions", true)]
    [InlineData("Learning.Modules.Reporting", "Learning.Modules.Tutorials.Contracts", true)]
    public void The_rules_let_a_feature_use_another_only_through_its_contracts_and_along_an_edge(string user, string used, bool allowed)
    {
        Assert.Equal(allowed, Refusal(PlaceOfNamespace(user)!, PlaceOfNamespace(used)!) is null);
    }

    [Fact]
    public void Every_module_in_the_table_has_types_in_the_library()
    {
        var found = Library.GetTypes().Select(PlaceOf).OfType<Place>().Select(p => p.Module).ToHashSet();

        Assert.Empty(Rules.Select(r => r.Module).Except(NotWrittenYet).Except(found));
        Assert.Empty(NotWrittenYet.Intersect(found)); // a module written since: strike it off NotWrittenYet
    }

    [Fact]
    public void Every_namespace_and_view_folder_of_the_library_has_a_rule()
    {
        var found = Library.GetTypes().Select(PlaceOf).OfType<Place>().Select(p => p.Module).ToHashSet();

        Assert.Empty(found.Except(Rules.Select(r => r.Module)));
    }

    [Fact]
    public void The_reader_finds_references_from_every_modules_types()
    {
        // A reference to another top-level type: a closure naming its outer type does not count.
        var referencing = References.Where(r => r.Any(to => Outer(to) != r.Key))
            .Select(r => PlaceOf(r.Key)?.Module ?? "").ToHashSet();

        Assert.Empty(Rules.Select(r => r.Module).Except(NotWrittenYet).Except(referencing));
    }

    [Fact]
    public void The_types_left_out_of_the_rules_use_none_of_the_modules()
    {
        var leftOut = Library.GetTypes().Where(t => t.DeclaringType is null && PlaceOf(t) is null);

        Assert.Empty(leftOut.SelectMany(t => References[t].Where(to => PlaceOf(to) is not null), (t, to) => $"{t} → {to}"));
    }

    // Why a reference is refused, or null when the rules allow it.
    static string? Refusal(Place from, Place to)
    {
        if (from.Module == to.Module) return null;
        if (from.IsContract && !Platform.Contains(to.Module))
            return $"{from.Module}'s Contracts may use only Core, Data, Content and {from.Module}: a contract must not drag in another module";
        if (Rules.SingleOrDefault(r => r.Module == from.Module) is not { } rule)
            return $"{from.Module} has no rule in the table";
        if (rule.MayUse.Contains(to.Module)) return null;
        if (Features.Contains(from.Module) && Features.Contains(to.Module))
        {
            if (!ContractsUsed.GetValueOrDefault(from.Module, []).Contains(to.Module))
                return $"{from.Module} may not use {to.Module}, not even its Contracts";
            return to.IsContract ? null : $"{from.Module} may not use {to.Module}'s internals, only Learning.Modules.{to.Module}.Contracts";
        }
        return $"{from.Module} may use only {string.Join(", ", rule.MayUse)}: {rule.Why}";
    }

    // The module a type belongs to: the third part of its namespace (Learning.Modules.Assessment.Pages.Admin
    // is Assessment), or for a view the first folder of its file (/Mooc/Pages/PartPage.cshtml is Mooc).
    // Null for what no module wrote: the views at the library's root (_ViewImports, _ViewStart, shared by
    // every folder), and what the compiler and source generators add outside our namespaces
    // (<PrivateImplementationDetails>, anonymous types, the [GeneratedRegex] bodies); a test checks that
    // none of these uses a module. Any other type outside Learning.Modules gets a module named after its
    // namespace, which has no rule, so that it cannot slip past the table.
    static Place? PlaceOf(Type type)
    {
        type = Outer(type);
        if (ViewFiles.TryGetValue(type, out var file))
            return file.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var folder, _, ..] ? new(folder, false) : null;
        if (PlaceOfNamespace(type.Namespace ?? "") is { } place)
            return place;
        if (type.IsDefined(typeof(CompilerGeneratedAttribute)) || type.IsDefined(typeof(GeneratedCodeAttribute)))
            return null;
        return new($"(namespace {type.Namespace})", false);
    }

    static Place? PlaceOfNamespace(string name) =>
        name.Split('.') is ["Learning", "Modules", var module, .. var rest] ? new(module, rest is ["Contracts", ..]) : null;

    static Type Outer(Type type) => type.DeclaringType is { } outer ? Outer(outer) : type;

    static string Name(Type type) =>
        ViewFiles.TryGetValue(type, out var file) ? file.TrimStart('/') : type.FullName!.Replace("Learning.Modules.", "");

    sealed record ModuleRule(string Module, string[] MayUse, string Why);

    sealed record Place(string Module, bool IsContract);
}
