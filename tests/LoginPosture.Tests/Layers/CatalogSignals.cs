using System.Globalization;
using System.Text.RegularExpressions;
using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

/// <summary>A row of the shared signal file, and the one documented way a row becomes a <see cref="FailureSignal"/>.</summary>
internal sealed record SignalRow(string SourceKind, string CodeText, string Message, string Source)
{
    public FailureSignal ToSignal()
    {
        var source = SourceKind switch
        {
            "tws" => SignalSource.Tws,
            "reject" => SignalSource.OrderReject,
            "cpapi" => SignalSource.ClientPortal,
            "gateway" => SignalSource.Gateway,
            "http" => SignalSource.Http,
            _ => throw new InvalidOperationException($"Unknown source kind '{SourceKind}'."),
        };

        if (int.TryParse(CodeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new FailureSignal(source, code, Message);
        }

        if (HttpStatus().Match(CodeText) is { Success: true } http)
        {
            return new FailureSignal(source, null, Message, int.Parse(http.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        // A code column that is neither a number nor a status names what was observed (a dialog, a JSON field).
        return new FailureSignal(source, null, CodeText == "-" ? Message : $"{CodeText}: {Message}");
    }

    public static IReadOnlyList<SignalRow> ReadShared()
    {
        // A copy of the researched signal file, kept in the repository so the tests read nothing outside it.
        var path = RepoPaths.File("tests", "LoginPosture.Tests", "Layers", "Data", "ibkr-messages.tsv");
        Assert.True(File.Exists(path), $"The researched signal file is missing at {path}.");
        var lines = File.ReadAllLines(path);
        Assert.Equal("source_kind\tcode\tmessage\tsource", lines[0]);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split('\t');
            Assert.Equal(4, f.Length);
            return new SignalRow(f[0], f[1], f[2], f[3]);
        })];
    }

    private static Regex HttpStatus() => new("^(?:.*\\s)?HTTP (\\d{3})$", RegexOptions.CultureInvariant);
}
