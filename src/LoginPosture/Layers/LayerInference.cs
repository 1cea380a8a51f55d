namespace LoginPosture.Layers;

/// <summary>
/// What the wording of an unrecognised signal supports: whether it states a failure at all, and which layer its words
/// point at. Both read words only: a URL (<c>https://ib-gateway:5000/...</c>), a path and an identifier (a dotted,
/// underscored or <c>key=value</c> token, a host name with digits) are skipped, so a host named <c>ib-gateway</c> or a
/// logger named <c>ibind.support.errors</c> says nothing about the layer.
/// </summary>
internal static class LayerInference
{
    // Checked bottom-up, so the lowest layer the wording supports wins. A bare "authenticated" is not an identity hint:
    // it says authentication worked ("Authenticated but competing Gateway session found" is a platform problem).
    private static readonly (Layer Layer, string Word)[] Hints =
    [
        (Layer.Entity, "account type"), (Layer.Entity, "brokerage account"), (Layer.Entity, "institutional"),
        (Layer.Entity, "financial advisor"), (Layer.Entity, "regulator"), (Layer.Entity, "legal entity"),
        (Layer.Entity, "account is closed"), (Layer.Entity, "paper-trading"), (Layer.Entity, "ibkr lite"),
        (Layer.Identity, "password"), (Layer.Identity, "login"), (Layer.Identity, "log in"), (Layer.Identity, "logon"),
        (Layer.Identity, "authentication"), (Layer.Identity, "not authenticated"), (Layer.Identity, "unauthenticated"), (Layer.Identity, "credential"), (Layer.Identity, "two-factor"),
        (Layer.Identity, "2fa"), (Layer.Identity, "second factor"), (Layer.Identity, "unauthori"), (Layer.Identity, "token"),
        (Layer.Permissions, "permission"), (Layer.Permissions, "not subscribed"), (Layer.Permissions, "subscription"),
        (Layer.Permissions, "not allowed"), (Layer.Permissions, "entitle"), (Layer.Permissions, "forbidden"),
        (Layer.Platform, "connect"), (Layer.Platform, "socket"), (Layer.Platform, "session"), (Layer.Platform, "version"),
        (Layer.Platform, "timeout"), (Layer.Platform, "timed out"), (Layer.Platform, "gateway"), (Layer.Platform, "server"),
        (Layer.Platform, "network"), (Layer.Platform, "unavailable"), (Layer.Platform, "exception"), (Layer.Platform, "tickle"),
        (Layer.Platform, "heartbeat"), (Layer.Platform, "retries"), (Layer.Platform, "took longer"), (Layer.Platform, "competing"),
        (Layer.Platform, "unexpected eof"),
    ];

    // Words that state a failure however the line is decorated.
    private static readonly string[] Strong =
    [
        "fail", "exception", "refused", "denied", "unable", "reject", "not authenticated", "unauthori", "forbidden",
        "authenticated=false", "max request retries", "unexpected eof",
    ];

    // Words that state a failure in an undecorated or warning/error line; at info level they describe routine steps
    // ("Cannot ping Gateway. Retrying", "Timeout increased", "Disconnecting").
    private static readonly string[] Weak =
    [
        "error", "cannot", "can't", "couldn't", "could not", "invalid", "timeout", "timed out", "took longer", "lost",
        "broken", "not connected", "expired", "exceeded", "violation", "not allowed", "not permitted", "not subscribed",
        "not found", "missing", "closing", "terminat", "crash", "out of date", "no permission", "requires additional",
        "competing",
    ];

    /// <summary>Whether the words state a failure; at an informational level only the strong words count.</summary>
    public static bool StatesFailure(ReadOnlySpan<char> text, bool informationalLevel)
    {
        foreach (var range in Words(text))
        {
            var words = text[range];
            if (ContainsAny(words, Strong) || (!informationalLevel && ContainsAny(words, Weak)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lowest layer a hint word of the text points at, ignoring URLs and identifiers.</summary>
    public static Layer? HintedLayer(ReadOnlySpan<char> text)
    {
        Layer? best = null;
        foreach (var range in Words(text))
        {
            var words = text[range];
            foreach (var (layer, word) in Hints)
            {
                if ((best is null || layer < best) && words.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    best = layer;
                    break;
                }
            }
        }

        return best;
    }

    private static bool ContainsAny(ReadOnlySpan<char> words, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (words.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The runs of the text between identifiers: each run is a stretch of plain words separated by whitespace.
    private static WordRuns Words(ReadOnlySpan<char> text) => new(text);

    internal ref struct WordRuns(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _next;

        public Range Current { get; private set; }

        public readonly WordRuns GetEnumerator() => this;

        public bool MoveNext()
        {
            var start = -1;
            var end = -1;
            var i = _next;
            while (i < _text.Length)
            {
                while (i < _text.Length && char.IsWhiteSpace(_text[i]))
                {
                    i++;
                }

                var tokenStart = i;
                while (i < _text.Length && !char.IsWhiteSpace(_text[i]))
                {
                    i++;
                }

                if (tokenStart == i)
                {
                    break;
                }

                if (IsIdentifier(_text[tokenStart..i]))
                {
                    if (start >= 0)
                    {
                        break;
                    }

                    continue;
                }

                start = start < 0 ? tokenStart : start;
                end = i;
            }

            _next = i;
            Current = start < 0 ? default : start..end;
            return start >= 0;
        }

        // A URL, a path, key=value, a dotted or underscored name, or a hyphenated name with digits (a host or container).
        private static bool IsIdentifier(ReadOnlySpan<char> token)
        {
            token = token.Trim("\"'(),;[]{}<>");
            if (token.Contains("://", StringComparison.Ordinal) || (token.Length > 0 && token[0] == '/') || token.Contains('=') || token.Contains('_') || token.Contains('@'))
            {
                return true;
            }

            for (var i = 1; i < token.Length - 1; i++)
            {
                if (token[i] == '.' && char.IsAsciiLetter(token[i - 1]) && char.IsAsciiLetter(token[i + 1]))
                {
                    return true;
                }
            }

            return token.Contains('-') && token.ContainsAnyInRange('0', '9') && token.ContainsAnyInRange('a', 'z');
        }
    }
}
