#if NET9_0_OR_GREATER
using System.Buffers;
#endif

namespace LoginPosture.Layers;

/// <summary>
/// Finds the best keyword rule anywhere in a message: the rule of highest priority whose keyword occurs, compared
/// case-insensitively. On .NET 9 and later one vectorised <c>SearchValues&lt;string&gt;</c> scan visits only the
/// positions where some keyword starts; on .NET 8 the rules are tried in priority order.
/// </summary>
internal sealed class KeywordIndex
{
    private readonly MatchRule[] _rules;
#if NET9_0_OR_GREATER
    private const int NonAsciiBucket = 128;
    private readonly SearchValues<string>? _search;
    private readonly int[][] _byFirstChar;
#endif

    /// <param name="rules">Keyword rules, sorted by priority (best first).</param>
    public KeywordIndex(MatchRule[] rules)
    {
        _rules = rules;
#if NET9_0_OR_GREATER
        var buckets = new List<int>[NonAsciiBucket + 1];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }

        for (var i = 0; i < rules.Length; i++)
        {
            buckets[Bucket(rules[i].Keyword![0])].Add(i);
        }

        _byFirstChar = [.. buckets.Select(static b => b.ToArray())];
        _search = rules.Length == 0 ? null : SearchValues.Create([.. rules.Select(static r => r.Keyword!)], StringComparison.OrdinalIgnoreCase);
#endif
    }

    public IEnumerable<FailureCause> Causes => _rules.Select(static r => r.Cause);

    public MatchRule? Find(ReadOnlySpan<char> text, SignalSource source)
    {
#if NET9_0_OR_GREATER
        if (_search is null)
        {
            return null;
        }

        var best = int.MaxValue;
        var from = 0;
        while (from < text.Length)
        {
            var found = text[from..].IndexOfAny(_search);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var rest = text[at..];
            foreach (var index in _byFirstChar[Bucket(text[at])])
            {
                if (index >= best)
                {
                    break;
                }

                var rule = _rules[index];
                if (rule.Accepts(source) && rest.StartsWith(rule.Keyword, StringComparison.OrdinalIgnoreCase))
                {
                    best = index;
                    break;
                }
            }

            if (best == 0)
            {
                break;
            }

            from = at + 1;
        }

        return best == int.MaxValue ? null : _rules[best];
#else
        return Scan(text, source);
#endif
    }

    // The plain definition of Find: the first rule, in priority order, whose keyword occurs. .NET 8 uses it as is;
    // tests hold the vectorised search to it.
    internal MatchRule? Scan(ReadOnlySpan<char> text, SignalSource source)
    {
        foreach (var rule in _rules)
        {
            if (rule.Accepts(source) && text.Contains(rule.Keyword, StringComparison.OrdinalIgnoreCase))
            {
                return rule;
            }
        }

        return null;
    }

#if NET9_0_OR_GREATER
    // Characters that compare equal ignoring case share a bucket: ASCII letters fold to lower case, a non-ASCII
    // character whose upper case is ASCII (such as the long s) folds with it, every other one shares one bucket.
    private static int Bucket(char c)
    {
        if (c >= NonAsciiBucket)
        {
            c = char.ToUpperInvariant(c);
            if (c >= NonAsciiBucket)
            {
                return NonAsciiBucket;
            }
        }

        return char.IsAsciiLetterUpper(c) ? c | 0x20 : c;
    }
#endif
}
