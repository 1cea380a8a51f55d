using System.Text;

namespace LoginPosture.FsCheck.Conformance;

/// <summary>The outcome of a conformance check: every invariant tried, and those the configuration breaks.</summary>
public sealed class ConformanceReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="checkedInvariants">The names of the invariants tried, in order.</param>
    /// <param name="violations">The invariants broken, in the same order.</param>
    /// <param name="casesPerInvariant">How many generated cases each invariant passed or failed on.</param>
    public ConformanceReport(IReadOnlyList<string> checkedInvariants, IReadOnlyList<ConformanceViolation> violations, int casesPerInvariant)
    {
        CheckedInvariants = checkedInvariants ?? throw new ArgumentNullException(nameof(checkedInvariants));
        Violations = violations ?? throw new ArgumentNullException(nameof(violations));
        CasesPerInvariant = casesPerInvariant;
    }

    /// <summary>The names of the invariants tried.</summary>
    public IReadOnlyList<string> CheckedInvariants { get; }

    /// <summary>The invariants the configuration breaks; empty when it conforms.</summary>
    public IReadOnlyList<ConformanceViolation> Violations { get; }

    /// <summary>The number of generated cases each invariant was tried on (fewer when it failed early).</summary>
    public int CasesPerInvariant { get; }

    /// <summary>Whether every invariant held.</summary>
    public bool Conforms => Violations.Count == 0;

    /// <summary>A summary line, then each violation.</summary>
    /// <returns>The report as text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Conforms ? "conforms" : $"{Violations.Count} of {CheckedInvariants.Count} invariants violated")
            .Append(" (").Append(string.Join(", ", CheckedInvariants)).Append("; up to ").Append(CasesPerInvariant).Append(" cases each)");
        foreach (var violation in Violations)
        {
            text.AppendLine().Append(violation);
        }

        return text.ToString();
    }
}
