using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.SecondFactors;

namespace LoginPosture.Posture;

/// <summary>
/// One account's posture, judged by every engine: an overall grade, each engine's own result, and every finding in
/// bottom-up order (entity, identity, permissions, platform, request; the most severe first within a layer).
/// </summary>
public sealed class PostureReport
{
    internal PostureReport(
        string? account,
        DateTimeOffset asOf,
        SecondFactorReport? secondFactors,
        IReadOnlyList<ApiKeyEvaluation> apiKeys,
        IReadOnlyList<SessionCheckResult> sessionChecks,
        LayerReport layers,
        IReadOnlyList<Finding> findings)
    {
        Account = account;
        AsOf = asOf;
        SecondFactors = secondFactors;
        ApiKeys = apiKeys;
        SessionChecks = sessionChecks;
        Layers = layers;
        Findings = findings;
        WorstSeverity = findings.Count == 0 ? null : findings.Max(static f => f.Severity);
        Grade = Max(GradeOf(WorstSeverity), secondFactors?.Grade ?? Grade.A);
    }

    /// <summary>The account description from the snapshot.</summary>
    public string? Account { get; }

    /// <summary>The instant the posture was judged at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>
    /// The overall grade: the worse of the second-factor grade and the grade of the worst finding
    /// (Critical F, High D, Medium C, Low B, Info or none A).
    /// </summary>
    public Grade Grade { get; }

    /// <summary>The most severe finding's severity, or null when nothing was found.</summary>
    public Severity? WorstSeverity { get; }

    /// <summary>The second-factor report, or null when the snapshot did not describe second factors.</summary>
    public SecondFactorReport? SecondFactors { get; }

    /// <summary>One evaluation per API key, in snapshot order.</summary>
    public IReadOnlyList<ApiKeyEvaluation> ApiKeys { get; }

    /// <summary>One decision per session check, in snapshot order.</summary>
    public IReadOnlyList<SessionCheckResult> SessionChecks { get; }

    /// <summary>The layer classifier's report on the snapshot's failure signals: diagnoses bottom-up, the root failure first.</summary>
    public LayerReport Layers { get; }

    /// <summary>Every finding in <see cref="FindingOrder"/>: bottom-up by layer, the most severe first within a layer, then by id and message.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Counts the findings at or above a severity, such as the ones a CI gate fails on.</summary>
    /// <param name="severity">The lowest severity counted.</param>
    /// <returns>The number of findings at or above <paramref name="severity"/>.</returns>
    public int CountAtOrAbove(Severity severity)
    {
        var count = 0;
        foreach (var finding in Findings)
        {
            if (finding.Severity >= severity)
            {
                count++;
            }
        }

        return count;
    }

    internal static Grade GradeOf(Severity? worst) => worst switch
    {
        Severity.Critical => Grade.F,
        Severity.High => Grade.D,
        Severity.Medium => Grade.C,
        Severity.Low => Grade.B,
        _ => Grade.A,
    };

    private static Grade Max(Grade a, Grade b) => a > b ? a : b;
}
