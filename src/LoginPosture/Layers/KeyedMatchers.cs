namespace LoginPosture.Layers;

/// <summary>
/// The matchers of one code or HTTP status, in the order they are tried: configured keyword entries, configured
/// key-only entries, built-in keyword entries (longest keyword first), built-in key-only entries.
/// </summary>
internal sealed class KeyedMatchers
{
    private readonly KeywordIndex? _customKeywords;
    private readonly CauseMatcher[] _customKeyOnly;
    private readonly KeywordIndex? _keywords;
    private readonly CauseMatcher[] _keyOnly;

    public KeyedMatchers(List<CauseMatcher> rules)
    {
        rules.Sort(CauseMatcher.ComparePriority);
        _customKeywords = Index(rules.Where(static r => r.Custom && r.Keyword is not null));
        _customKeyOnly = [.. rules.Where(static r => r.Custom && r.Keyword is null)];
        _keywords = Index(rules.Where(static r => !r.Custom && r.Keyword is not null));
        _keyOnly = [.. rules.Where(static r => !r.Custom && r.Keyword is null)];
        All = [.. rules];
    }

    public IReadOnlyList<CauseMatcher> All { get; }

    /// <summary>The first rule that applies; key-only rules only when <paramref name="allowKeyOnly"/>.</summary>
    public CauseMatcher? Match(ReadOnlySpan<char> text, SignalSource source, bool allowKeyOnly)
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

    private static CauseMatcher? FirstAccepting(CauseMatcher[] rules, SignalSource source)
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

    private static KeywordIndex? Index(IEnumerable<CauseMatcher> rules)
    {
        CauseMatcher[] array = [.. rules];
        return array.Length == 0 ? null : new KeywordIndex(array);
    }
}
