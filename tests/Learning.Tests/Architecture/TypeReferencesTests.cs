namespace Learning.Tests.Architecture;

/// <summary>
/// The reader's own tests, on a fixture in this assembly that names each target type in one place only,
/// so that the module rules cannot pass because the reader missed a kind of reference.
/// </summary>
public sealed class TypeReferencesTests
{
    [Theory]
    [InlineData(typeof(CreatedInAMethodBody))]
    [InlineData(typeof(CreatedInALambda))]
    [InlineData(typeof(CreatedAfterAnAwait))]
    [InlineData(typeof(HeldOnlyByAListLocal))]
    [InlineData(typeof(NamedInATypeof))]
    [InlineData(typeof(TestedWithIs))]
    [InlineData(typeof(PassedToAGenericMethod))]
    [InlineData(typeof(ReadFromAStaticField))]
    [InlineData(typeof(NamedInAnAttribute))]
    [InlineData(typeof(AnAttributesEnumArgument))]
    [InlineData(typeof(InAPropertysArray))]
    [InlineData(typeof(BaseOfTheFixture))]
    public void The_reader_finds_a_type_that_the_fixture_names_in_one_place_only(Type target)
    {
        Assert.Contains(target, TypeReferences.MadeBy(typeof(ReferenceFixture)));
    }

    [Fact]
    public void The_reader_resolves_tokens_inside_a_generic_type_with_its_own_type_parameters()
    {
        Assert.Contains(typeof(PairedWithATypeParameter), TypeReferences.MadeBy(typeof(GenericFixture<>)));
    }

    [Fact]
    public void The_reader_reports_only_the_assemblys_own_types_and_not_the_unnamed_ones()
    {
        var found = TypeReferences.MadeBy(typeof(ReferenceFixture));

        Assert.DoesNotContain(typeof(NeverNamed), found);
        Assert.All(found, t => Assert.Equal(typeof(ReferenceFixture).Assembly, t.Assembly));
    }

    [Fact]
    public void The_reader_finds_that_the_data_module_uses_cores_tenants_and_lists_each_top_level_type_once()
    {
        var references = TypeReferences.In(typeof(Learning.Modules.Core.ILearningModule).Assembly);

        Assert.Contains(references, r => r.Key.Namespace == "Learning.Modules.Data" && r.Contains(typeof(Learning.Modules.Core.Tenancy.Tenant)));
        // A lambda's closure is read as its outer type's code: DataModule names TenantContext only inside a lambda.
        Assert.Contains(typeof(Learning.Modules.Core.Tenancy.TenantContext), references[typeof(Learning.Modules.Data.DataModule)]);
        Assert.All(references, r => Assert.Null(r.Key.DeclaringType));
    }
}

// Each target below is named by the fixture in the one place its name says, and nowhere else.
sealed class CreatedInAMethodBody;
sealed class CreatedInALambda;
sealed class CreatedAfterAnAwait;
sealed class HeldOnlyByAListLocal;
sealed class NamedInATypeof;
sealed class TestedWithIs;
sealed class PassedToAGenericMethod;
sealed class ReadFromAStaticField { public static readonly int Value = 1; }
sealed class NamedInAnAttribute;
enum AnAttributesEnumArgument { One }
sealed class InAPropertysArray;
class BaseOfTheFixture;
sealed class PairedWithATypeParameter;
sealed class NeverNamed;

[AttributeUsage(AttributeTargets.Class)]
sealed class MarksAttribute(Type marked) : Attribute
{
    public Type Marked { get; } = marked;
    public AnAttributesEnumArgument Kind { get; set; }
}

[Marks(typeof(NamedInAnAttribute), Kind = AnAttributesEnumArgument.One)]
sealed class ReferenceFixture : BaseOfTheFixture
{
    public List<InAPropertysArray[]>? Property { get; set; }

    public static object Body() => new CreatedInAMethodBody();

    public static Func<object> Lambda() => () => new CreatedInALambda();

    public static async Task<object> AfterAwait()
    {
        await Task.Yield();
        return new CreatedAfterAnAwait();
    }

    public static bool ListLocal()
    {
        // The value crosses a try block, where the IL stack must be empty, so even an optimised build
        // keeps the local; nothing but the local's signature names the type.
        List<HeldOnlyByAListLocal>? list = null;
        try { Console.Out.Flush(); } finally { Console.Out.Flush(); }
        return list is null;
    }

    public static Type Typeof() => typeof(NamedInATypeof);

    public static bool Is(object value) => value is TestedWithIs;

    public static object GenericMethod() => Array.Empty<PassedToAGenericMethod>();

    public static int StaticField() => ReadFromAStaticField.Value;
}

sealed class GenericFixture<T> where T : notnull
{
    public static object Pairs() => new Dictionary<T, PairedWithATypeParameter>();
}
