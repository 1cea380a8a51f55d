using System.Text.Json;
using LoginPosture;
using LoginPosture.Posture;
using LoginPosture.Samples.Audit;
using Microsoft.Extensions.DependencyInjection;

// loginposture-audit <posture.json> [--json] [--fail-on <severity>]
// Reads an account's posture, runs every LoginPosture engine over it, and prints what to fix first.
// loginposture-audit triage <log | -> [--json] [--fail-on <severity>]: folds a log by cause (TriageCommand).
const string Usage = "usage: loginposture-audit <posture.json> [--json] [--fail-on Info|Low|Medium|High|Critical]";

if (args is ["triage", ..])
{
    return TriageCommand.Run(args, Fail);
}

if (AuditArguments.Parse(args, 0, Usage, "posture file", allowStdin: false, Fail, out var exit, TriageCommand.Usage) is not { } arguments)
{
    return exit;
}

var (path, json, failOn) = arguments;

byte[] bytes;
try
{
    bytes = File.ReadAllBytes(path);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
{
    var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
    return Fail(ExitCodes.FileUnreadable, $"{path}: cannot read the posture file ({reason}); pass the path of a posture JSON file such as samples/posture.example.json.");
}

using var services = new ServiceCollection().AddLoginPosture().BuildServiceProvider();
PostureReport report;
try
{
    report = services.GetRequiredService<PostureEvaluator>().Evaluate(PostureSnapshot.Parse(bytes));
}
catch (PostureFormatException e)
{
    // Not JSON at all (syntax, encoding, depth, empty) is 4; JSON that is not a valid posture document is 5.
    return Fail(e.IsMalformedJson ? ExitCodes.MalformedJson : ExitCodes.InvalidPosture, $"{path}: {e.JsonPath}: {e.Problem}");
}
catch (ArgumentException e)
{
    // An engine refused a value the reader let through; it names the field in .NET casing (session.AuthenticatedAt):
    // print it as the document spells it, and drop .NET's "(Parameter ...)" tail.
    var message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
    var field = string.Join('.', (e.ParamName ?? "").Split('.').Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p));
    return Fail(ExitCodes.InvalidPosture, $"{path}: $.{field}: {message}");
}

Console.Write(json ? PostureReportJson.ToJson(report) + Environment.NewLine : AuditTable.Render(report));
if (failOn is { } gate && report.CountAtOrAbove(gate) is var count and > 0)
{
    Console.Error.WriteLine($"{count} finding(s) at or above {gate}: failing as --fail-on {gate} asks.");
    return ExitCodes.FindingsAtOrAbove;
}

return ExitCodes.Ok;

static int Fail(int code, string message)
{
    // One line, whatever the file name or the document held.
    Console.Error.WriteLine($"loginposture-audit: {TerminalText.Visible(message, backslashes: false)}");
    return code;
}
