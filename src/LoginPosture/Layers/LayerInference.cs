#if NET9_0_OR_GREATER
using System.Buffers;
#endif
using System.Numerics;

namespace LoginPosture.Layers;

/// <summary>
/// What the wording of an unrecognised signal supports: whether it states a failure at all, and which layer its words
/// point at. Words are matched case-insensitively where a word starts, and only outside identifiers: a URL
/// (<c>https://ib-gateway:5000/...</c>), a path, a <c>key=value</c> token, a dotted or underscored name and a hyphenated
/// name with digits are skipped, so a host named <c>ib-gateway</c> or a logger named <c>ibind.support.errors</c> says
/// nothing about the layer. One pass over the word starts, allocation-free.
/// </summary>
internal static class LayerInference
{
    private enum Kind : byte
    {
        Strong,
        Weak,
        Hint,
    }

    private readonly record struct Entry(string Word, Kind Kind, Layer Layer)
    {
        public int Prefix { get; } = PrefixOf(Word[0], Word[1], Word[2]);
    }

    private const int TableSize = 4096;

    private static readonly Entry[] Entries =
    [
        // Words that state a failure however the line is decorated.
        .. Of(Kind.Strong, Layer.Request, "fail", "exception", "refused", "denied", "unable", "reject", "not authenticated",
            "unauthori", "forbidden", "max request retries", "unexpected eof"),

        // Words that state a failure in an undecorated or warning/error line; at info level they describe routine
        // steps ("Cannot ping Gateway. Retrying", "Timeout increased", "Disconnecting").
        .. Of(Kind.Weak, Layer.Request, "error", "cannot", "can't", "couldn't", "could not", "invalid", "timeout", "timed out",
            "took longer", "lost", "broken", "not connected", "expired", "exceeded", "violation", "not allowed",
            "not permitted", "not subscribed", "not found", "missing", "closing", "terminat", "crash", "out of date",
            "no permission", "requires additional", "competing"),

        // Hints; the lowest layer hinted wins. A bare "authenticated" is not an identity hint: it says authentication
        // worked ("Authenticated but competing Gateway session found" is a platform problem).
        .. Of(Kind.Hint, Layer.Entity, "account type", "brokerage account", "institutional", "financial advisor", "regulator",
            "legal entity", "account is closed", "paper-trading", "ibkr lite"),
        .. Of(Kind.Hint, Layer.Identity, "password", "login", "log in", "logon", "authentication", "not authenticated",
            "unauthenticated", "credential", "two-factor", "2fa", "second factor", "unauthori", "token"),
        .. Of(Kind.Hint, Layer.Permissions, "permission", "not subscribed", "subscription", "not allowed", "entitle", "forbidden"),
        .. Of(Kind.Hint, Layer.Platform, "connect", "disconnect", "reconnect", "socket", "session", "version", "timeout",
            "timed out", "gateway", "server", "network", "unavailable", "exception", "tickle", "heartbeat", "retries",
            "took longer", "competing", "unexpected eof"),
    ];

    private static readonly int[]?[] Table = Build();

#if NET9_0_OR_GREATER
    // The strong words as one vectorised multi-string search: most lines hold none of them anywhere.
    private static readonly SearchValues<string> StrongWords =
        SearchValues.Create([.. Entries.Where(static e => e.Kind == Kind.Strong).Select(static e => e.Word)], StringComparison.OrdinalIgnoreCase);
#endif

    /// <summary>
    /// False only when no strong word occurs anywhere in the text, in which case <see cref="Read"/> finds none either
    /// (it matches the same words, ignoring case the same way, at word starts only). A line at an informational level
    /// is then decided without reading its words one by one.
    /// </summary>
    public static bool MayStateFailureStrongly(ReadOnlySpan<char> text) =>
#if NET9_0_OR_GREATER
        text.ContainsAny(StrongWords);
#else
        true;
#endif

    /// <summary>The words' verdict: whether they state a failure (strong or weak words) and the lowest layer hinted.</summary>
    public readonly record struct Verdict(bool Strong, bool Weak, Layer? Hint)
    {
        /// <summary>Whether the words state a failure; at an informational level only the strong words count.</summary>
        public bool StatesFailure(bool informationalLevel) => Strong || (!informationalLevel && Weak);
    }

    public static Verdict Read(ReadOnlySpan<char> text)
    {
        bool strong = false, weak = false;
        Layer? hint = null;
        int tokenStart = -1, tokenEnd = -1;
        var identifier = false;
        var last = text.Length - 3;
        for (var chunk = 0; chunk <= last; chunk += WordStarts.Width)
        {
            for (var bits = WordStarts.Chunk(text, chunk); bits != 0; bits &= bits - 1)
            {
                var i = chunk + BitOperations.TrailingZeroCount(bits);
                if (i > last || (text[i] | text[i + 1] | text[i + 2]) >= 128
                    || PrefixOf(text[i], text[i + 1], text[i + 2]) is var prefix && Table[Hash(prefix)] is not { } candidates)
                {
                    continue;
                }

                foreach (var index in candidates)
                {
                    var entry = Entries[index];
                    if (entry.Prefix != prefix || !text[i..].StartsWith(entry.Word, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (i >= tokenEnd)
                    {
                        (tokenStart, tokenEnd) = TokenAround(text, i);
                        identifier = IsIdentifier(text[tokenStart..tokenEnd]);
                    }

                    if (identifier)
                    {
                        break;
                    }

                    strong |= entry.Kind == Kind.Strong;
                    weak |= entry.Kind == Kind.Weak;
                    hint = entry.Kind == Kind.Hint && (hint is null || entry.Layer < hint) ? entry.Layer : hint;
                }
            }
        }

        return new Verdict(strong, weak, hint);
    }

    private static IEnumerable<Entry> Of(Kind kind, Layer layer, params string[] words) => words.Select(w => new Entry(w, kind, layer));

    private static int[]?[] Build()
    {
        var buckets = new List<int>?[TableSize];
        for (var i = 0; i < Entries.Length; i++)
        {
            (buckets[Hash(Entries[i].Prefix)] ??= []).Add(i);
        }

        return [.. buckets.Select(b => b?.ToArray())];
    }

    // The first three characters, ASCII letters folded to lower case, in 21 bits; the table is indexed by a hash of it.
    private static int PrefixOf(char a, char b, char c) => (Fold(a) << 14) | (Fold(b) << 7) | Fold(c);

    private static int Hash(int prefix) => (prefix ^ (prefix >> 9)) & (TableSize - 1);

    private static int Fold(char c) => char.IsAsciiLetterUpper(c) ? c + 32 : c & 0x7F;

    private static (int Start, int End) TokenAround(ReadOnlySpan<char> text, int i)
    {
        var start = i;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    // A URL, a path, key=value, a dotted or underscored name, or a hyphenated name with digits (a host or container).
    // Plain loops: this runs only when a word matched, and must not allocate.
    private static bool IsIdentifier(ReadOnlySpan<char> token)
    {
        bool hyphen = false, digit = false, letter = false;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c is '=' or '_' or '@' || (c == '/' && (i == 0 || (i + 1 < token.Length && token[i + 1] == '/')))
                || (c == '.' && i > 0 && i + 1 < token.Length && char.IsAsciiLetter(token[i - 1]) && char.IsAsciiLetter(token[i + 1])))
            {
                return true;
            }

            hyphen |= c == '-';
            digit |= char.IsAsciiDigit(c);
            letter |= char.IsAsciiLetter(c);
        }

        return hyphen && digit && letter;
    }
}
