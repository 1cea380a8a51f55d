using System.Diagnostics;
using System.Globalization;
using System.Text;
using LoginPosture.Testing;

namespace LoginPosture.Benchmarks;

/// <summary>
/// The long mutation-fuzz run: the same targets, mutations and oracle as the suite's standing fuzz test
/// (tests/Shared/Fuzzing.cs), with many more inputs per target and deeper mutation stacks. Deterministic for a
/// given seed. Prints a Markdown table of inputs, outcomes and violations per target; exits 1 on any violation.
/// <c>dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- --fuzz [inputs-per-target] [seed]</c>
/// </summary>
internal static class FuzzRun
{
    public static int Run(string[] args)
    {
        var inputs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20261201;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"| target | inputs | results | documented exceptions | violations | seconds |");
        report.AppendLine("|---|---:|---:|---|---:|---:|");
        var failed = 0;
        foreach (var target in Fuzzing.Targets)
        {
            // A stable per-target stream (HashCode is randomised per process, so it is not used here).
            var random = new Random(seed ^ target.Name.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)));
            var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var violations = 0;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < inputs; i++)
            {
                // Mostly shallow mutants (they stay readable and reach the mapping code), some deep stacks.
                var depth = random.Next(10) switch { < 6 => random.Next(1, 3), < 9 => random.Next(3, 6), _ => random.Next(6, 17) };
                var choices = new int[3 * depth];
                for (var c = 0; c < choices.Length; c++)
                {
                    choices[c] = random.Next(0, 1 << 24);
                }

                var input = Fuzzing.Mutate(target, random.Next(target.Seeds.Length), choices);
                if (target.Run(input) is { } violation)
                {
                    violations++;
                    if (violations <= 5)
                    {
                        Console.Error.WriteLine($"{target.Name} input {i} [{string.Join(",", choices)}]: {violation}");
                    }
                }

                var outcome = Fuzzing.LastOutcome ?? "result";
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }

            failed += violations;
            outcomes.TryGetValue("result", out var results);
            var thrown = string.Join(", ", outcomes.Where(o => o.Key != "result").Select(o => $"{o.Key} {o.Value}"));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {target.Name} | {inputs:N0} | {results:N0} | {thrown} | {violations} | {clock.Elapsed.TotalSeconds:F1} |");
        }

        Console.Write(report);
        Console.WriteLine();
        Console.WriteLine(failed == 0 ? $"seed {seed}: no violations." : $"seed {seed}: {failed} violation(s).");
        return failed == 0 ? 0 : 1;
    }
}
