using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LoginPosture.Analyzers.Internal;

/// <summary>Where a tuple literal's element names come from when its own converted type has none.</summary>
internal static class TupleTypes
{
    /// <summary>Whether any element of <paramref name="tuple"/> was given a name (<c>(string Key, string Secret)</c>).</summary>
    public static bool HasElementNames(INamedTypeSymbol tuple)
    {
        foreach (var element in tuple.TupleElements)
        {
            if (element.IsExplicitlyNamedTupleElement)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The element type of an array or of a type that is or implements <c>IEnumerable&lt;T&gt;</c>.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol? collection)
    {
        if (collection is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (collection is INamedTypeSymbol { TypeArguments.Length: 1 } named
            && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return named.TypeArguments[0];
        }

        foreach (var candidate in collection?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }
}
