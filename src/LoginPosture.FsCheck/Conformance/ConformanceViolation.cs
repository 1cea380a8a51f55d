namespace LoginPosture.FsCheck.Conformance;

/// <summary>One seed invariant a configuration breaks, with the smallest case FsCheck found and the settings to blame.</summary>
/// <param name="Invariant">The invariant's short name, such as <c>SmsNeverSatisfiesTier1</c>.</param>
/// <param name="Statement">The invariant in words, as the seed checklist states it.</param>
/// <param name="Counterexample">The shrunk case that breaks it (operation, session and the decision), one line.</param>
/// <param name="Options">The settings that, put back to their default, make the counterexample pass; empty when no
/// single setting does (the break comes from several settings together, or from the engine itself).</param>
public sealed record ConformanceViolation(string Invariant, string Statement, string Counterexample, IReadOnlyList<string> Options)
{
    /// <summary>The violation as a finding: invariant, statement, blamed settings and counterexample.</summary>
    /// <returns>Several lines, ready for a CI log.</returns>
    public override string ToString() =>
        $"{Invariant}: {Statement}{Environment.NewLine}"
        + $"  caused by: {(Options.Count == 0 ? "no single setting (several together, or the engine)" : string.Join(", ", Options))}{Environment.NewLine}"
        + $"  counterexample: {Counterexample}";
}
