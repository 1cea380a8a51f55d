using System.Numerics;

namespace LoginPosture.Layers;

/// <summary>
/// Finds the best keyword rule in a message: the rule of highest priority whose keyword starts a word of the message
/// (keywords start with a letter or digit; the character before must not be one), compared case-insensitively. Each
/// word start is visited once and its first three characters looked up in a hash table, so the cost grows with the
/// message, not with the number of rules.
/// </summary>
internal sealed class KeywordIndex
{
    /// <summary>The shortest keyword a rule may have; the options validator enforces it for configured rules.</summary>
    public const int MinKeywordLength = 3;

    private const int TableSize = 4096;
    private readonly CauseMatcher[] _rules;
    private readonly int[]?[] _table = new int[]?[TableSize];
    private readonly int[] _all;
    private readonly int[] _irregular;
    private readonly int[] _prefixes;

    // Every keyword starts with a letter (the catalog's all do), so word starts at a digit are not visited.
    private readonly bool _letterStarts;

    /// <param name="rules">Keyword rules, sorted by priority (best first), each keyword at least three characters.</param>
    public KeywordIndex(CauseMatcher[] rules)
    {
        _rules = rules;
        _prefixes = new int[rules.Length];
        _all = [.. Enumerable.Range(0, rules.Length)];
        var buckets = new List<int>?[TableSize];
        var irregular = new List<int>();
        for (var i = 0; i < rules.Length; i++)
        {
            var keyword = rules[i].Keyword!;
            if (keyword.Length < MinKeywordLength || !WordStarts.IsWordChar(keyword[0]))
            {
                throw new ArgumentException($"Keyword '{keyword}' must be at least {MinKeywordLength} characters long and start with a letter or digit.", nameof(rules));
            }

            // A keyword that does not start with three ASCII characters is tried at every word start.
            if ((keyword[0] | keyword[1] | keyword[2]) < 128)
            {
                _prefixes[i] = Prefix(keyword[0], keyword[1], keyword[2]);
                (buckets[Hash(_prefixes[i])] ??= []).Add(i);
            }
            else
            {
                irregular.Add(i);
            }
        }

        _irregular = [.. irregular];
        _letterStarts = rules.All(static r => char.IsLetter(r.Keyword![0]));

        for (var i = 0; i < TableSize; i++)
        {
            _table[i] = buckets[i]?.ToArray();
        }
    }

    public int Count => _rules.Length;

    public IEnumerable<FailureCause> Causes => _rules.Select(static r => r.Cause);

    public IEnumerable<CauseMatcher> Rules => _rules;

    public CauseMatcher? Find(ReadOnlySpan<char> text, SignalSource source)
    {
        var best = int.MaxValue;
        var last = text.Length - MinKeywordLength;
        for (var start = 0; start <= last && best != 0; start += WordStarts.Width)
        {
            for (var bits = _letterStarts ? WordStarts.LetterChunk(text, start) : WordStarts.Chunk(text, start); bits != 0 && best != 0; bits &= bits - 1)
            {
                var i = start + BitOperations.TrailingZeroCount(bits);
                if (i > last)
                {
                    break;
                }

                var (a, b, c) = (text[i], text[i + 1], text[i + 2]);

                // Text outside ASCII may equal an ASCII keyword ignoring case (the long s, for one): try every rule.
                if ((a | b | c) >= 128)
                {
                    best = FirstMatch(_all, text[i..], source, best, prefix: -1);
                }
                else if (Prefix(a, b, c) is var prefix && _table[Hash(prefix)] is { } candidates)
                {
                    best = FirstMatch(candidates, text[i..], source, best, prefix);
                }

                if (_irregular.Length > 0)
                {
                    best = FirstMatch(_irregular, text[i..], source, best, prefix: -1);
                }
            }
        }

        return best == int.MaxValue ? null : _rules[best];
    }

    // The best of the candidates (rule indexes in priority order) whose keyword starts the text, if better than best.
    // A non-negative prefix (the text's first three characters, folded) skips rules that only share the hash bucket.
    private int FirstMatch(int[] candidates, ReadOnlySpan<char> text, SignalSource source, int best, int prefix)
    {
        foreach (var index in candidates)
        {
            if (index >= best)
            {
                break;
            }

            var rule = _rules[index];
            if ((prefix < 0 || _prefixes[index] == prefix) && rule.Accepts(source) && text.StartsWith(rule.Keyword, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return best;
    }

    // The plain definition of Find, kept to test the table against: the first rule, in priority order, whose keyword
    // starts a word of the text.
    internal CauseMatcher? Scan(ReadOnlySpan<char> text, SignalSource source)
    {
        foreach (var rule in _rules)
        {
            if (rule.Accepts(source) && StartsAWord(text, rule.Keyword))
            {
                return rule;
            }
        }

        return null;
    }

    private static bool StartsAWord(ReadOnlySpan<char> text, ReadOnlySpan<char> keyword)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = text[from..].IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            if (at == 0 || !WordStarts.IsWordChar(text[at - 1]))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    // Three ASCII characters, letters folded to upper case as ordinal case-insensitive comparison does, in 21 bits.
    private static int Prefix(char a, char b, char c) => (Upper(a) << 14) | (Upper(b) << 7) | Upper(c);

    private static int Hash(int prefix) => (prefix ^ (prefix >> 9)) & (TableSize - 1);

    private static int Upper(char c) => char.IsAsciiLetterLower(c) ? c - 32 : c;
}
