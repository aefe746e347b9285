using System.Reflection;
using System.Reflection.Emit;

namespace Learning.Tests.Architecture;

/// <summary>
/// Reads, from a compiled assembly, which of its own types each type names: in its signatures and
/// attributes, and in the tokens of its method bodies. It reads what the compiler emitted, not the
/// source, so a using alias, a fully qualified name or a Razor view cannot hide a reference.
/// What it cannot see is a constant: the compiler copies a const's value (and an enum member's number,
/// when no signature holds the enum) into the code that reads it; NamespaceImports covers those.
/// </summary>
public static class TypeReferences
{
    const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
        | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>Every top-level type of the assembly with the types of the same assembly it references.</summary>
    public static ILookup<Type, Type> In(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.DeclaringType is null)
            .SelectMany(t => MadeBy(t).Select(to => (From: t, To: to)))
            .ToLookup(r => r.From, r => r.To);

    /// <summary>
    /// The types of <paramref name="type"/>'s assembly that it, or any type nested in it, references.
    /// Nested types are read with their outer type because closures, async state machines and
    /// iterators are nested types the compiler writes for the outer type's code.
    /// </summary>
    public static IReadOnlySet<Type> MadeBy(Type type)
    {
        var found = new HashSet<Type>();
        foreach (var t in WithNested(type))
            foreach (var named in NamedBy(t))
                Collect(named, found);
        found.RemoveWhere(t => t.Assembly != type.Assembly);
        return found;
    }

    static IEnumerable<Type> WithNested(Type type) =>
        type.GetNestedTypes(Declared).SelectMany(WithNested).Prepend(type);

    static IEnumerable<Type?> NamedBy(Type type)
    {
        yield return type.BaseType;
        foreach (var t in type.GetInterfaces()) yield return t;
        foreach (var t in Attributes(type.GetCustomAttributesData())) yield return t;
        foreach (var t in Constraints(type.GetGenericArguments())) yield return t;

        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
            foreach (var t in Attributes(field.GetCustomAttributesData())) yield return t;
        }
        foreach (var property in type.GetProperties(Declared))
        {
            yield return property.PropertyType;
            foreach (var t in Attributes(property.GetCustomAttributesData())) yield return t;
        }
        foreach (var e in type.GetEvents(Declared)) yield return e.EventHandlerType;

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            foreach (var t in Signature(method)) yield return t;
            foreach (var t in Attributes(method.GetCustomAttributesData())) yield return t;
            foreach (var p in method.GetParameters().Append((method as MethodInfo)?.ReturnParameter))
                foreach (var t in Attributes(p?.GetCustomAttributesData() ?? [])) yield return t;
            if (method.IsGenericMethodDefinition)
                foreach (var t in Constraints(method.GetGenericArguments())) yield return t;
            foreach (var t in Body(method)) yield return t;
        }
    }

    static IEnumerable<Type?> Signature(MethodBase method) =>
        method.GetParameters().Select(p => p.ParameterType).Append((method as MethodInfo)?.ReturnType);

    static IEnumerable<Type> Constraints(Type[] arguments) =>
        arguments.Where(a => a.IsGenericParameter).SelectMany(a => a.GetGenericParameterConstraints());

    // The attribute's own type, and the types of its arguments (an enum's) and passed to it (typeof(...),
    // alone or in arrays).
    static IEnumerable<Type?> Attributes(IEnumerable<CustomAttributeData> attributes) =>
        attributes.SelectMany(a => a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue))
            .SelectMany(Arguments).Prepend(a.AttributeType));

    static IEnumerable<Type?> Arguments(CustomAttributeTypedArgument argument) => (argument.Value switch
    {
        Type t => [t],
        IEnumerable<CustomAttributeTypedArgument> items => items.SelectMany(Arguments),
        _ => [],
    }).Prepend(argument.ArgumentType);

    // Locals, catch clauses and every type or member token in the IL. A member's declaring type carries
    // the generic arguments of its instance (DbSet<Attempt>.Add), and its signature names types the
    // caller compiles against even when it never stores them (a result passed straight on).
    static IEnumerable<Type?> Body(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body?.GetILAsByteArray() is not { } il) yield break;
        foreach (var local in body.LocalVariables) yield return local.LocalType;
        foreach (var clause in body.ExceptionHandlingClauses)
            if (clause.Flags == ExceptionHandlingClauseOptions.Clause) yield return clause.CatchType;

        // Tokens are resolved in the method's generic context, so that T in List<T> resolves to the
        // declaring type's or the method's own parameter instead of failing.
        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var token in Tokens(il))
        {
            switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
            {
                case Type t:
                    yield return t;
                    break;
                case FieldInfo f:
                    yield return f.DeclaringType;
                    yield return f.FieldType;
                    break;
                case MethodBase m:
                    yield return m.DeclaringType;
                    if (m.IsGenericMethod)
                        foreach (var t in m.GetGenericArguments()) yield return t;
                    foreach (var t in Signature(m)) yield return t;
                    break;
            }
        }
    }

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    // Walks the IL opcode by opcode (one byte, or two after the 0xFE prefix) and yields the metadata
    // tokens of the operands that name a type, field or method; the operand type tells how many bytes
    // to skip. calli's stand-alone signature (InlineSig) is skipped: C# emits it only for function pointers.
    static IEnumerable<int> Tokens(byte[] il)
    {
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var opCode = OpCodesByValue[value];
            i += opCode.Size;
            switch (opCode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += opCode.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        _ => 4, // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
                    };
                    break;
            }
        }
    }

    // What a named type is made of: the element of an array, pointer or by-ref, and the definition and
    // every argument of a generic instance (IEnumerable<Dictionary<string, Attempt[]>> names Attempt).
    static void Collect(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter) return;
        if (type.HasElementType) { Collect(type.GetElementType(), found); return; }
        if (type.IsConstructedGenericType)
        {
            Collect(type.GetGenericTypeDefinition(), found);
            foreach (var argument in type.GetGenericArguments()) Collect(argument, found);
            return;
        }
        found.Add(type);
    }
}
