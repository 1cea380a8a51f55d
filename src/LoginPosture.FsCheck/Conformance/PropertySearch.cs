using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace LoginPosture.FsCheck.Conformance;

// Runs one invariant as an FsCheck property, quietly and from a fixed seed, and keeps the last failing case: after
// shrinking, that is the smallest counterexample FsCheck found.
internal static class PropertySearch
{
    public static (string? Failure, T? Shrunk) Find<T>(Arbitrary<T> cases, Func<T, string?> check, int maxTest, ulong seed)
        where T : class
    {
        var config = Config.Quick
            .WithMaxTest(maxTest)
            .WithRunner(new SilentRunner())
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
        string? failure = null;
        T? shrunk = null;
        Prop.ForAll(cases, c =>
        {
            var result = check(c);
            if (result is not null)
            {
                (failure, shrunk) = (result, c);
            }

            return result is null;
        }).Check(config);
        return (failure, shrunk);
    }

    // The names of the settings whose default value, alone, makes the counterexample pass.
    public static List<string> Blame<TOptions>(TOptions options, Func<TOptions> defaults, Func<TOptions, TOptions> copy, (string Name, Action<TOptions, TOptions> Reset)[] settings, Func<TOptions, bool> repairs)
    {
        var blamed = new List<string>();
        var fresh = defaults();
        foreach (var (name, reset) in settings)
        {
            var repaired = copy(options);
            reset(repaired, fresh);
            var before = typeof(TOptions).GetProperty(name)!.GetValue(options);
            var after = typeof(TOptions).GetProperty(name)!.GetValue(fresh);
            if (!Equals(before, after) && repairs(repaired))
            {
                blamed.Add($"{name} (is {before}, default {after})");
            }
        }

        return blamed;
    }
}
