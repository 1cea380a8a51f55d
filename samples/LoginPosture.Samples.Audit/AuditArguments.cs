using LoginPosture;

namespace LoginPosture.Samples.Audit;

/// <summary>
/// The options both commands share: one input, <c>--json</c> and <c>--fail-on &lt;severity&gt;</c>. Parsing stops at
/// the first problem with the audit's usage exit code and a message that names the fix.
/// </summary>
internal sealed record AuditArguments(string Path, bool Json, Severity? FailOn)
{
    /// <summary>Reads <paramref name="args"/> from <paramref name="first"/>; a null result means <paramref name="exit"/> says how to end.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="first">The index of the first argument that belongs to the command.</param>
    /// <param name="usage">The command's usage line; <c>--help</c> prints it with <paramref name="moreUsage"/>.</param>
    /// <param name="input">What the one input is, for messages ("posture file", "log").</param>
    /// <param name="allowStdin">Whether <c>-</c> stands for standard input.</param>
    /// <param name="fail">Reports an error and returns its exit code.</param>
    /// <param name="exit">The exit code when the result is null.</param>
    /// <param name="moreUsage">Further usage lines for <c>--help</c>.</param>
    public static AuditArguments? Parse(string[] args, int first, string usage, string input, bool allowStdin, Func<int, string, int> fail, out int exit, params string[] moreUsage)
    {
        string? path = null;
        var json = false;
        Severity? failOn = null;
        for (var i = first; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--fail-on" when i + 1 < args.Length && Enum.TryParse<Severity>(args[i + 1], ignoreCase: true, out var severity) && Enum.IsDefined(severity) && !int.TryParse(args[i + 1], out _):
                    failOn = severity;
                    i++;
                    break;
                case "--fail-on":
                    exit = fail(ExitCodes.Usage, $"--fail-on needs a severity: one of {string.Join(", ", Enum.GetNames<Severity>())}. {usage}");
                    return null;
                case "-h" or "--help":
                    Console.WriteLine(usage);
                    Array.ForEach(moreUsage, Console.WriteLine);
                    exit = ExitCodes.Ok;
                    return null;
                case "-" when allowStdin && path is null:
                    path = "-";
                    break;
                case var option when option.StartsWith('-'):
                    exit = fail(ExitCodes.Usage, $"unknown option '{option}'. {usage}");
                    return null;
                case var file when path is null:
                    path = file;
                    break;
                default:
                    exit = fail(ExitCodes.Usage, $"one {input} at a time ('{path}' and '{args[i]}' given). {usage}");
                    return null;
            }
        }

        if (path is null)
        {
            exit = fail(ExitCodes.Usage, $"no {input} given{(allowStdin ? " (pass a file, or - for standard input)" : string.Empty)}. {usage}");
            return null;
        }

        exit = ExitCodes.Ok;
        return new AuditArguments(path, json, failOn);
    }
}
