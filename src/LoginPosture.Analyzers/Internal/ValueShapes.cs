using System;

namespace LoginPosture.Analyzers.Internal;

/// <summary>
/// Shapes that tell a written value from a generated one: text made of words, the name of a credential written where
/// the credential should be, runs of the counting sequences. Ordinal, allocation-free, and run only on values that
/// already reach a secret-named target or a credential sink.
/// </summary>
internal static class ValueShapes
{
    // Longest value that can be spelled from name words; longer constants are never just a name.
    private const int MaxNameLength = 48;

    /// <summary>
    /// Words that name a credential or its parts. A value spelled only from these (and <see cref="FillerWords"/>),
    /// with at least one of these, names a credential instead of being one: "APIPASS", "botToken",
    /// "optional_private_key_passphrase".
    /// </summary>
    private static readonly string[] CredentialWords =
    {
        "api", "app", "key", "keys", "secret", "secrets", "pass", "password", "passwd", "pwd", "passphrase", "passcode",
        "pin", "token", "tokens", "auth", "bearer", "access", "refresh", "private", "client", "consumer", "cred",
        "creds", "credential", "credentials", "signing", "signature", "seed", "totp", "otp", "mfa", "hmac", "master",
        "session", "bot", "webhook", "jwt", "login", "user", "account",
    };

    /// <summary>Words that only decorate such a name ("my", "your", "optional", "new").</summary>
    private static readonly string[] FillerWords =
    {
        "my", "your", "the", "our", "optional", "default", "new", "old", "test", "sample", "example", "demo", "dummy",
        "fake", "placeholder", "value", "here", "goes", "put", "enter", "insert",
    };

    /// <summary>
    /// True when the value is spelled entirely from credential-naming words (separators ignored, any case), with at
    /// least one word that names a credential: such a value is a placeholder that names what belongs there.
    /// </summary>
    public static bool IsCredentialName(string value)
    {
        if (value.Length < 3 || value.Length > MaxNameLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsLetter(c) && !IsSeparator(c))
            {
                return false; // digits and symbols: not a name
            }
        }

        // reach[i]: 1 when value[..i] is spelled from filler words only, 2 when a credential word is among them.
        Span<byte> reach = stackalloc byte[MaxNameLength + 1];
        reach[0] = 1;
        for (var i = 0; i < value.Length; i++)
        {
            var state = reach[i];
            if (state == 0)
            {
                continue;
            }

            if (IsSeparator(value[i]))
            {
                Raise(reach, i + 1, state);
                continue;
            }

            foreach (var word in CredentialWords)
            {
                if (MatchesAt(value, i, word))
                {
                    Raise(reach, i + word.Length, 2);
                }
            }

            foreach (var word in FillerWords)
            {
                if (MatchesAt(value, i, word))
                {
                    Raise(reach, i + word.Length, state);
                }
            }
        }

        return reach[value.Length] == 2;
    }

    /// <summary>
    /// True when the value reads as words: identifiers and paths ("skipFromResultSum", "CustomData/ExampleCustomData",
    /// "store_stamped_file"). Every piece between separators and camel-case humps is a letter run of two or more
    /// that holds a vowel (short acronyms excepted), optionally followed by digits, or digits alone. Random keys fail:
    /// their digits sit inside letter runs and their humps are one or two letters long.
    /// </summary>
    public static bool IsMadeOfWords(string value)
    {
        var i = 0;
        var words = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (IsSeparator(c) || c is '/' or '\\' or ':')
            {
                i++;
                continue;
            }

            if (IsDigit(c))
            {
                while (i < value.Length && IsDigit(value[i]))
                {
                    i++;
                }

                if (i < value.Length && IsLetter(value[i]))
                {
                    return false; // "9f86d0": letters right after digits
                }

                continue;
            }

            if (!IsLetter(c))
            {
                return false;
            }

            var start = i;
            var end = WordEnd(value, i);
            if (!IsWord(value, start, end))
            {
                return false;
            }

            words++;
            i = end;
            while (i < value.Length && IsDigit(value[i]))
            {
                i++; // "Order2", "v10": digits may close a word
            }

            if (i < value.Length && IsLetter(value[i]) && i > end)
            {
                return false; // "abc12def": digits inside a letter run
            }
        }

        return words > 0;
    }

    /// <summary>"abc123", "1234abcd", "ABC-123": two or more ascending counting runs of three or more, nothing else.</summary>
    public static bool IsCountingRuns(string value)
    {
        var runs = 0;
        var i = 0;
        while (i < value.Length)
        {
            if (IsSeparator(value[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i++;
            while (i < value.Length && value[i] == value[i - 1] + 1 && SameClass(value[i], value[start]))
            {
                i++;
            }

            if (i - start < 3 || !(IsLetter(value[start]) || IsDigit(value[start])))
            {
                return false;
            }

            runs++;
        }

        return runs >= 2;
    }

    private static int WordEnd(string value, int start)
    {
        var i = start + 1;
        if (IsUpper(value[start]) && i < value.Length && IsUpper(value[i]))
        {
            // An acronym: "API" in "APIPass" ends before the capital that starts the next word; "APIPASS" runs on.
            while (i < value.Length && IsUpper(value[i]))
            {
                i++;
            }

            return i < value.Length && IsLower(value[i]) && i - start > 1 ? i - 1 : i;
        }

        while (i < value.Length && IsLower(value[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsWord(string value, int start, int end)
    {
        var length = end - start;
        if (length < 2)
        {
            return false;
        }

        var vowel = false;
        var consonants = 0;
        var longestConsonants = 0;
        for (var i = start; i < end; i++)
        {
            if (char.ToLowerInvariant(value[i]) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y')
            {
                vowel = true;
                consonants = 0;
            }
            else
            {
                longestConsonants = Math.Max(longestConsonants, ++consonants);
            }
        }

        // Written words hold a vowel and at most four consonants in a row ("strength"); random letters rarely do.
        // Short acronyms (SQL, HTTP) are words without vowels.
        return (vowel && longestConsonants <= 4) || (length <= 4 && IsUpper(value[start]) && IsUpper(value[end - 1]));
    }

    private static void Raise(Span<byte> reach, int index, byte state)
    {
        if (reach[index] < state)
        {
            reach[index] = state;
        }
    }

    private static bool MatchesAt(string value, int index, string word) =>
        index + word.Length <= value.Length && string.Compare(value, index, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool SameClass(char a, char b) =>
        (IsDigit(a) && IsDigit(b)) || (IsLower(a) && IsLower(b)) || (IsUpper(a) && IsUpper(b));

    private static bool IsSeparator(char c) => c is '_' or '-' or '.' or ' ';

    private static bool IsLetter(char c) => IsLower(c) || IsUpper(c);

    private static bool IsLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
