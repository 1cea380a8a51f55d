using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LoginPosture;

/// <summary>
/// Keeps secret material out of every report, error and exception message: text that the library quotes (a log
/// line, a Client Portal string, a platform's error, a name it could not place) passes through <see cref="Redact(string?)"/>
/// first. Two kinds of secret are recognised: the value of a secret-named pair (<c>apiKey=...</c>,
/// <c>"secret": "..."</c>, <c>token ...</c>, <c>Authorization: Bearer ...</c>) and a known credential format
/// anywhere (AWS, GitHub, Slack, Stripe, Google, SendGrid, OpenAI-style keys, JWTs, PEM private keys, URL
/// passwords, and any long run of mixed letters and digits, which is how exchange keys look).
/// </summary>
internal static partial class Redaction
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Marker = "[redacted]";

    // Long inputs are cut before matching: callers quote at most a few hundred characters.
    private const int MaxInput = 4096;

    /// <summary>The text with every recognised secret replaced by <see cref="Marker"/>; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text) => Redact(text, prefilter: true);

    // Each expression runs only when the text holds what every one of its matches needs (see the Could* checks
    // below); without the prefilter every expression runs. Both give the same text; a test holds them to it.
    [return: NotNullIfNotNull(nameof(text))]
    internal static string? Redact(string? text, bool prefilter)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var input = text.Length > MaxInput ? text[..MaxInput] : text;
        var result = !prefilter || CouldNameASecret(input, pair: true) ? NamedValues(input) : input;
        result = !prefilter || CouldNameASecret(result, pair: false) ? SpacedPair().Replace(result, KeepName) : result;
        result = !prefilter || result.Contains("://", StringComparison.Ordinal) ? UrlPassword().Replace(result, static m => KeepName(m) + "@") : result;
        result = !prefilter || result.Contains("-----BEGIN ", StringComparison.Ordinal) ? PemKey().Replace(result, Marker) : result;
        result = !prefilter || CouldHoldKnownFormat(result) ? KnownFormat().Replace(result, Marker) : result;
        return result;
    }

    // The stems of every secret name the two name expressions know, ASCII. In ASCII text they match only ASCII
    // letters ignoring case, as an ordinal case-insensitive search does; text outside ASCII (where the expressions'
    // case equivalences also take the Kelvin sign for k and the long s for s) always goes to the expressions.
    private static readonly string[] SecretStems =
        ["api", "secret", "token", "pass", "pwd", "private", "credential", "authorization", "cookie", "signature", "seed", "bearer"];

    private static readonly SearchValues<char> SecretSeparators = SearchValues.Create(":=");

    // \s in ASCII text.
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\n\v\f\r");

    // Every character a known-format match can hold: each alternative of KnownFormat is a run of these.
    private static readonly SearchValues<char> FormatChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_=.:-");

#if NET9_0_OR_GREATER
    private static readonly SearchValues<string> SecretStemSearch = SearchValues.Create(SecretStems, StringComparison.OrdinalIgnoreCase);
#endif

    // False only when the name expressions cannot match. In ASCII text each of their matches is a secret name (a
    // run of name characters holding a stem) followed, for a pair, by an optional quote, up to three spaces and ':'
    // or '='; for "token abc...", by whitespace. Every stem is tried with what follows its run.
    private static bool CouldNameASecret(string text, bool pair)
    {
        if (!Ascii.IsValid(text))
        {
            return true;
        }

        var span = text.AsSpan();
        if (!span.ContainsAny(pair ? SecretSeparators : Whitespace))
        {
            return false;
        }

        for (var from = 0; NextStem(span[from..]) is var found && found >= 0; from++)
        {
            from += found;
            var j = from;
            while (j < span.Length && (char.IsAsciiLetterOrDigit(span[j]) || span[j] is '_' or '.' or '-'))
            {
                j++;
            }

            if (!pair)
            {
                if (j < span.Length && Whitespace.Contains(span[j]))
                {
                    return true;
                }

                continue;
            }

            j += j < span.Length && span[j] is '"' or '\'' ? 1 : 0;
            for (var spaces = 0; spaces < 3 && j < span.Length && Whitespace.Contains(span[j]); spaces++)
            {
                j++;
            }

            if (j < span.Length && span[j] is ':' or '=')
            {
                return true;
            }
        }

        return false;
    }

    // Where the first secret-name stem starts, ignoring case; -1 when there is none.
    private static int NextStem(ReadOnlySpan<char> text)
    {
#if NET9_0_OR_GREATER
        return text.IndexOfAny(SecretStemSearch);
#else
        var first = -1;
        foreach (var stem in SecretStems)
        {
            var at = text.IndexOf(stem, StringComparison.OrdinalIgnoreCase);
            first = at >= 0 && (first < 0 || at < first) ? at : first;
        }

        return first;
#endif
    }

    // False only when KnownFormat cannot match. Its shortest alternatives (xox?-, eyJ.., sk_live_..) are 15
    // characters of FormatChars; below 32 (the generic run) every alternative holds one of "_-.:" or is an AWS
    // key id (AKIA/ASIA and 16 more).
    private static bool CouldHoldKnownFormat(ReadOnlySpan<char> text)
    {
        while (text.IndexOfAny(FormatChars) is var start && start >= 0)
        {
            text = text[start..];
            var end = text.IndexOfAnyExcept(FormatChars);
            var run = end < 0 ? text : text[..end];
            if (run.Length >= 32 || (run.Length >= 15 && (run.ContainsAny("_-.:") || run.Contains("AKIA", StringComparison.Ordinal)
                || run.Contains("ASIA", StringComparison.Ordinal))))
            {
                return true;
            }

            if (end < 0)
            {
                return false;
            }

            text = text[end..];
        }

        return false;
    }

    // Everything the match holds before its "value" group, then the marker.
    private static string KeepName(Match m) => string.Concat(m.ValueSpan[..(m.Groups["value"].Index - m.Index)], Marker);

    // Each secret name followed by ':' or '=' starts a value: a quoted string, or a run up to a space or separator.
    // Names are searched from each separator on, so that a name inside another pair's value still counts, and the
    // values found are merged before they are replaced.
    private static string NamedValues(string text)
    {
        List<(int Start, int End)>? spans = null;
        for (var match = NameAndSeparator().Match(text); match.Success; match = NameAndSeparator().Match(text, match.Index + match.Length))
        {
            var start = match.Index + match.Length;
            var end = start;
            if (start < text.Length && text[start] is '"' or '\'')
            {
                var close = text.IndexOf(text[start], start + 1);
                start++;
                end = close < 0 ? Math.Min(text.Length, start + 512) : Math.Min(close, start + 512);
            }
            else
            {
                while (end < text.Length && end - start < 512 && !char.IsWhiteSpace(text[end]) && text[end] is not (',' or ';' or '&'))
                {
                    end++;
                }
            }

            if (end > start)
            {
                (spans ??= []).Add((start, end));
            }
        }

        if (spans is null)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            if (end <= at)
            {
                continue;
            }

            builder.Append(text, at, Math.Max(0, start - at)).Append(start < at ? "" : Marker);
            at = end;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>True when <paramref name="text"/> holds anything <see cref="Redact(string?)"/> would replace.</summary>
    public static bool LooksSecret(string text) => !string.Equals(Redact(text), text, StringComparison.Ordinal);

    /// <summary>
    /// The text with control, format and line-separator characters written visibly (<c>\n</c>, <c>\x1B</c>,
    /// <c>\u202E</c>), and <paramref name="quote"/> and backslashes escaped, so that it prints as one inert line.
    /// </summary>
    public static string Visible(string text, char quote = '"')
    {
        var plain = true;
        foreach (var c in text)
        {
            plain &= !NeedsEscape(c, quote);
        }

        if (plain)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\\' => builder.Append("\\\\"),
                _ when c == quote => builder.Append('\\').Append(c),
                _ when c < 0x100 && NeedsEscape(c, quote) => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ when NeedsEscape(c, quote) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c, char quote) =>
        c == quote || c == '\\' || char.IsControl(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // name = value, name: value, "name": "value", name=value in a query string. The name may carry a prefix or
    // suffix (x-api-key, client_secret, apiSecretKey, session_token). An unquoted value runs to the next space or
    // separator, whatever it holds, so that a stray character after the separator cannot end it early.
    [GeneratedRegex("""(?i)(?<![a-z0-9_.-])[a-z0-9_.-]*(?:api[_-]?key|secret|token|passw(?:or)?d|pwd|passphrase|private[_-]?key|credential|authorization|cookie|signature|seed)[a-z0-9_.-]*["']?\s{0,3}[:=]\s{0,3}(?:bearer\s+|basic\s+)?""", RegexOptions.CultureInvariant)]
    private static partial Regex NameAndSeparator();

    // token abc..., bearer abc..., apikey abc...: a secret name then a space and a credential-looking word.
    [GeneratedRegex("""(?i)\b(?:token|bearer|api[_-]?key|secret|password)\s+(?<value>(?=[A-Za-z0-9_\-+/=.]{12,})(?=[^\s]*\d)[A-Za-z0-9_\-+/=.]{12,512})""", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedPair();

    // scheme://user:password@host
    [GeneratedRegex("""(?i)\b[a-z][a-z0-9+.-]{1,20}://[^\s:/@]{0,128}:(?<value>[^\s@/]{1,256})@""", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex("""-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----(?:[\s\S]{0,8192}?-----END [A-Z ]{0,40}PRIVATE KEY-----|[\s\S]{0,8192})""", RegexOptions.CultureInvariant)]
    private static partial Regex PemKey();

    // Vendor formats, JWTs, then any run of 32+ base64/hex-like characters mixing letters and digits
    // (Binance keys are 64 characters, Kraken's 56, Coinbase secrets longer).
    [GeneratedRegex("""\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{20,}|\bxox[abposr]-[A-Za-z0-9-]{10,}|\b[rs]k_(?:live|test)_[A-Za-z0-9]{10,}|\bAIza[0-9A-Za-z_-]{30,}|\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|\bsk-[A-Za-z0-9_-]{20,}|\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*|\b[0-9]{8,10}:[A-Za-z0-9_-]{35}\b|(?<![A-Za-z0-9+/_=-])(?=[A-Za-z0-9+/_=-]{32,})(?=[A-Za-z+/_=-]*[0-9])(?=[0-9+/_=-]*[A-Za-z])[A-Za-z0-9+/_=-]{32,}""", RegexOptions.CultureInvariant)]
    private static partial Regex KnownFormat();
}
