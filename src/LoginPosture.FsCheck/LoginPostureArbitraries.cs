using FsCheck;
using FsCheck.Fluent;

namespace LoginPosture.FsCheck;

/// <summary>
/// FsCheck generators for LoginPosture's public inputs. Each public static method returns an <see cref="Arbitrary{T}"/>
/// for one library type, with a shrinker that moves towards a simpler or safer value one attribute at a time, so a
/// failing case shrinks to the attributes that matter. The <c>...Gen</c> fields are the building blocks for cases
/// derived from several values.
/// </summary>
/// <remarks>
/// <para>Register the class with FsCheck.Xunit (<c>[Property(Arbitrary = [typeof(LoginPostureArbitraries)])]</c>, or
/// <c>[assembly: Properties(...)]</c> for a whole test project), or with any runner through
/// <c>ArbMap.Default.MergeArbFactory</c>/<c>Config.WithArbitrary</c>.</para>
/// <para>Generated times are relative to <see cref="AsOf"/>; evaluate at that instant. Values are built through the
/// library's public constructors only, so every generated value is one a caller could pass.</para>
/// </remarks>
public static partial class LoginPostureArbitraries
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
