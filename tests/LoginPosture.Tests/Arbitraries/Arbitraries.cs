using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Tests;

// Every [Property] in this assembly draws its library inputs from Arbitraries; a test adds its own only for
// types that are not the library's.
[assembly: Properties(Arbitrary = [typeof(Arbitraries)])]

namespace LoginPosture.Tests;

/// <summary>
/// The library's generators, one class for the whole test project. Each public static method returns an
/// <see cref="Arbitrary{T}"/> for one public library type, with a shrinker that moves towards a simpler or safer
/// value one attribute at a time, so a failing case shrinks to the attributes that matter. The <c>Gen</c> fields
/// are the building blocks, for tests that derive a case from several values.
/// </summary>
/// <remarks>
/// Everything here goes through public constructors and <c>with</c> expressions only, so the class can move into a
/// package of its own without change. Split across files by engine (a partial class, still one class): add an
/// engine's generators as <c>Arbitraries.Engine.cs</c> in this folder.
/// </remarks>
public static partial class Arbitraries
{
    /// <summary>The instant every generated time is relative to; evaluate generated values at this instant.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fixed seed for tests that sample a generator outside a property, such as coverage checks.</summary>
    public static Rnd FixedSeed(ulong seed = 20261122) => new(seed);

    // Shrink helpers shared by the engine files.
    private static Gen<T?> Maybe<T>(Gen<T> gen, int nullWeight = 1, int valueWeight = 3)
        where T : struct =>
        Gen.Frequency((nullWeight, Gen.Constant<T?>(null)), (valueWeight, gen.Select(v => (T?)v)));

    private static IEnumerable<T> Distinct<T>(T original, IEnumerable<T> candidates) =>
        candidates.Where(c => !EqualityComparer<T>.Default.Equals(c, original)).Distinct();
}
