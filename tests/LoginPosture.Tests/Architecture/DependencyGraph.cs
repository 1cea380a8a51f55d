using System.Reflection;
using System.Reflection.Emit;

namespace LoginPosture.Tests.Architecture;

/// <summary>
/// The type-to-type references of a compiled assembly, read by reflection: base types, interfaces, field, property
/// and signature types, generic arguments, and every type, method and field token in the method bodies' IL.
/// </summary>
internal static class DependencyGraph
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>Every (from, to) pair of distinct types of <paramref name="assembly"/> where from refers to to.</summary>
    public static IReadOnlyCollection<(Type From, Type To)> Edges(Assembly assembly)
    {
        var edges = new HashSet<(Type, Type)>();
        foreach (var type in assembly.GetTypes())
        {
            var targets = new HashSet<Type>();
            Collect(targets, type.BaseType);
            foreach (var i in type.GetInterfaces())
            {
                Collect(targets, i);
            }

            foreach (var field in type.GetFields(Everything))
            {
                Collect(targets, field.FieldType);
            }

            foreach (var property in type.GetProperties(Everything))
            {
                Collect(targets, property.PropertyType);
            }

            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                if (method is MethodInfo info)
                {
                    Collect(targets, info.ReturnType);
                }

                foreach (var parameter in method.GetParameters())
                {
                    Collect(targets, parameter.ParameterType);
                }

                ScanBody(targets, method);
            }

            foreach (var target in targets)
            {
                if (target.Assembly == assembly && target != type)
                {
                    edges.Add((type, target));
                }
            }
        }

        return edges;
    }

    private static void Collect(HashSet<Type> targets, Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Collect(targets, type.GetElementType());
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Collect(targets, argument);
            }

            type = type.GetGenericTypeDefinition();
        }

        targets.Add(type);
    }

    // Walks the IL one instruction at a time, resolving every token operand to the type it names or belongs to.
    private static void ScanBody(HashSet<Type> targets, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var operand = Operands[value];
            switch (operand)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    switch (module.ResolveMember(token, typeArgs, methodArgs))
                    {
                        case Type t:
                            Collect(targets, t);
                            break;
                        case MethodBase m:
                            Collect(targets, m.DeclaringType);
                            if (m is MethodInfo { IsGenericMethod: true } g)
                            {
                                foreach (var argument in g.GetGenericArguments())
                                {
                                    Collect(targets, argument);
                                }
                            }

                            break;
                        case FieldInfo f:
                            Collect(targets, f.DeclaringType);
                            Collect(targets, f.FieldType);
                            break;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }
}
