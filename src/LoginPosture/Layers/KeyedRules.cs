namespace LoginPosture.Layers;

/// <summary>
/// The rules of one code or HTTP status, in the order they are tried: configured keyword rules, configured key-only
/// rules, built-in keyword rules (longest keyword first), built-in key-only rules.
/// </summary>
internal sealed class KeyedRules
{
    private readonly KeywordIndex? _customKeywords;
    private readonly MatchRule[] _customKeyOnly;
    private readonly KeywordIndex? _keywords;
    private readonly MatchRule[] _keyOnly;

    public KeyedRules(List<MatchRule> rules)
    {
        rules.Sort(MatchRule.ComparePriority);
        _customKeywords = Index(rules.Where(static r => r.Custom && r.Keyword is not null));
        _customKeyOnly = [.. rules.Where(static r => r.Custom && r.Keyword is null)];
        _keywords = Index(rules.Where(static r => !r.Custom && r.Keyword is not null));
        _keyOnly = [.. rules.Where(static r => !r.Custom && r.Keyword is null)];
        All = [.. rules];
    }

    public IReadOnlyList<MatchRule> All { get; }

    /// <summary>The first rule that applies; key-only rules only when <paramref name="allowKeyOnly"/>.</summary>
    public MatchRule? Match(ReadOnlySpan<char> text, SignalSource source, bool allowKeyOnly)
    {
        if (_customKeywords?.Find(text, source) is { } custom)
        {
            return custom;
        }

        if (allowKeyOnly && FirstAccepting(_customKeyOnly, source) is { } customKeyOnly)
        {
            return customKeyOnly;
        }

        if (_keywords?.Find(text, source) is { } builtIn)
        {
            return builtIn;
        }

        return allowKeyOnly ? FirstAccepting(_keyOnly, source) : null;
    }

    private static MatchRule? FirstAccepting(MatchRule[] rules, SignalSource source)
    {
        foreach (var rule in rules)
        {
            if (rule.Accepts(source))
            {
                return rule;
            }
        }

        return null;
    }

    private static KeywordIndex? Index(IEnumerable<MatchRule> rules)
    {
        MatchRule[] array = [.. rules];
        return array.Length == 0 ? null : new KeywordIndex(array);
    }
}
