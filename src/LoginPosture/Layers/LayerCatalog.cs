using System.Collections.Frozen;
using System.Globalization;

namespace LoginPosture.Layers;

/// <summary>
/// The built-in catalog, read once per process from the two embedded TSV files: <c>causes.tsv</c> (what each cause
/// means and how to fix it) and <c>signals.tsv</c> (real IBKR signals, each with its source, label and match rule).
/// </summary>
internal sealed class LayerCatalog
{
    private const string ResourcePrefix = "LoginPosture.Layers.Catalog.";
    private static readonly Lazy<LayerCatalog> Instance = new(Load);

    private LayerCatalog(FrozenDictionary<string, FailureCause> causes, CatalogRow[] rows)
    {
        Causes = causes;
        Rows = rows;
        UnknownByLayer = [.. Enum.GetValues<Layer>().Select(l => causes[FailureCause.UnknownPrefix + l.ToString().ToLowerInvariant()])];
        UnknownInformational = causes[FailureCause.UnknownPrefix + "informational"];
    }

    public static LayerCatalog BuiltIn => Instance.Value;

    public FrozenDictionary<string, FailureCause> Causes { get; }

    public IReadOnlyList<CatalogRow> Rows { get; }

    public FailureCause UnknownInformational { get; }

    private FailureCause[] UnknownByLayer { get; }

    public FailureCause Unknown(Layer layer) => UnknownByLayer[(int)layer];

    private static LayerCatalog Load()
    {
        var causes = new Dictionary<string, FailureCause>(StringComparer.Ordinal);
        foreach (var f in ReadTsv("causes.tsv", 7))
        {
            var cause = new FailureCause(
                f[0],
                Enum.Parse<Layer>(f[1]),
                f[2] == "yes",
                Enum.Parse<RetryAdvice>(f[3]),
                Enum.Parse<Severity>(f[4]),
                f[5],
                f[6]);
            if (!causes.TryAdd(cause.Id, cause))
            {
                throw new InvalidOperationException($"causes.tsv lists '{cause.Id}' twice.");
            }
        }

        var rows = new List<CatalogRow>();
        foreach (var f in ReadTsv("signals.tsv", 9))
        {
            if (!causes.TryGetValue(f[5], out var cause))
            {
                throw new InvalidOperationException($"signals.tsv names an unknown cause '{f[5]}'.");
            }

            var label = cause.IsFailure ? cause.Layer.ToString() : "info";
            if (f[4] != label)
            {
                throw new InvalidOperationException($"signals.tsv labels '{f[2]}' {f[4]}, but its cause '{cause.Id}' is {label}.");
            }

            var row = new CatalogRow(f[0], f[1], f[2], f[3], f[4], cause, ParseKey(f[6]), f[7] == "-" ? null : f[7], f[8]);
            foreach (var use in row.Use.Split(','))
            {
                var needsKey = use is "code" or "code+kw";
                var needsKeyword = use != "code";
                if ((!needsKey && use != "text" && !use.StartsWith("text@", StringComparison.Ordinal))
                    || (needsKey && row.Key.Kind == RuleKey.None) || (needsKeyword && row.Keyword is null))
                {
                    throw new InvalidOperationException($"signals.tsv row '{row.Message}' has use '{use}' without the key or keyword it needs.");
                }
            }

            rows.Add(row);
        }

        return new LayerCatalog(causes.ToFrozenDictionary(StringComparer.Ordinal), [.. rows]);
    }

    private static (RuleKey Kind, int Value) ParseKey(string key)
    {
        if (key == "-")
        {
            return (RuleKey.None, 0);
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var kind = key[..colon] switch
        {
            "code" => RuleKey.Code,
            "http" => RuleKey.HttpStatus,
            _ => throw new InvalidOperationException($"signals.tsv has an unknown key '{key}'."),
        };
        return (kind, int.Parse(key.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private static IEnumerable<string[]> ReadTsv(string name, int columns)
    {
        using var stream = typeof(LayerCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedded catalog file {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns)
            {
                throw new InvalidOperationException($"{name} has a row with {fields.Length} columns instead of {columns}: {line}");
            }

            yield return fields;
        }
    }
}

/// <summary>What a rule is keyed on, besides its keyword.</summary>
internal enum RuleKey
{
    None,
    Code,
    HttpStatus,
}

/// <summary>One row of <c>signals.tsv</c>: the signal as observed, its source, and how the classifier recognises it.</summary>
internal sealed record CatalogRow(
    string SourceKind,
    string CodeText,
    string Message,
    string Source,
    string Label,
    FailureCause Cause,
    (RuleKey Kind, int Value) Key,
    string? Keyword,
    string Use);
