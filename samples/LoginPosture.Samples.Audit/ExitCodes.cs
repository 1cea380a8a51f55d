namespace LoginPosture.Samples.Audit;

/// <summary>The audit's exit codes: each kind of outcome has its own, so a CI job can tell them apart.</summary>
internal static class ExitCodes
{
    /// <summary>The audit ran; nothing reached the --fail-on severity.</summary>
    public const int Ok = 0;

    /// <summary>The audit ran and found something at or above the --fail-on severity.</summary>
    public const int FindingsAtOrAbove = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The posture file does not exist or cannot be read.</summary>
    public const int FileUnreadable = 3;

    /// <summary>The posture file is not well-formed JSON: a syntax error, not UTF-8 (or invalid UTF-8), nested deeper than 64 levels, or empty.</summary>
    public const int MalformedJson = 4;

    /// <summary>The posture file is JSON but not a valid posture: a field repeated, missing, mistyped, unknown or out of range, a time after asOf, or nothing to judge.</summary>
    public const int InvalidPosture = 5;
}
