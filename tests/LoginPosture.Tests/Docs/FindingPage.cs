using System.Text.RegularExpressions;

namespace LoginPosture.Tests.Docs;

/// <summary>
/// One page of <c>docs/findings/</c>, read the way a person reads it: the facts table at the top (severity, layer,
/// anchor) and the single fenced <c>json</c> example.
/// </summary>
internal sealed partial record FindingPage(string Id, string Text, Severity Severity, Layer Layer, string Anchor, string ExampleJson)
{
    public static FindingPage Read(string folder, string id)
    {
        var path = Path.Combine(folder, id + ".md");
        Assert.True(File.Exists(path), $"docs/findings/{id}.md is missing.");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");

        var examples = JsonBlock().Matches(text);
        Assert.True(examples.Count == 1, $"{id}.md: expected exactly one ```json example, found {examples.Count}.");

        var layerCell = Cell(text, id, "Layer");
        Assert.True(Enum.TryParse<Layer>(layerCell, ignoreCase: false, out var layer) && Enum.IsDefined(layer), $"{id}.md: the Layer row says '{layerCell}', not a Layer name.");

        return new FindingPage(
            id,
            text,
            HeadlineSeverity(Cell(text, id, "Severity"), $"{id}.md Severity row"),
            layer,
            Cell(text, id, "Anchor"),
            examples[0].Groups["json"].Value);
    }

    /// <summary>
    /// The severity a cell leads with. A rule whose severity depends on the input states the one its example raises
    /// first, then the other cases in words: <c>High (Medium for a read-only key)</c>.
    /// </summary>
    public static Severity HeadlineSeverity(string cell, string where)
    {
        var first = cell.Split(' ', 2)[0];
        Assert.True(Enum.TryParse<Severity>(first, ignoreCase: false, out var severity) && Enum.IsDefined(severity), $"{where}: '{cell}' does not start with a Severity name.");
        return severity;
    }

    private static string Cell(string text, string id, string name)
    {
        var rows = Regex.Matches(text, $@"^\| {name} \| (?<value>.+) \|$", RegexOptions.Multiline);
        Assert.True(rows.Count == 1, $"{id}.md: expected one '| {name} | ... |' row in the facts table, found {rows.Count}.");
        return rows[0].Groups["value"].Value.Trim();
    }

    [GeneratedRegex(@"^```json\n(?<json>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
