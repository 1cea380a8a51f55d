using System;

namespace LoginPosture.Analyzers.Internal;

/// <summary>
/// Judges a constant string on its own: is it a placeholder, a reference, a name, a message, or could it be a
/// secret? All checks are ordinal, allocation-free and run before any semantic work.
/// </summary>
internal static class SecretValues
{
    /// <summary>Stands in for an interpolation hole when the constant parts of an interpolated string are scanned.</summary>
    public const char Hole = '\u0001';

    private static readonly string[] PlaceholderWords =
    {
        "changeme", "changeit", "replaceme", "placeholder", "example", "sample", "dummy", "fake", "test", "testing",
        "todo", "tbd", "fixme", "none", "null", "nil", "undefined", "default", "secret", "password", "passwd",
        "pwd", "token", "apikey", "apisecret", "key", "value", "string", "redacted", "hidden", "masked", "notset",
        "unset", "empty", "xxx", "demo", "insertkeyhere", "enteryourkey", "mysecret", "mypassword", "mytoken",
        "myapikey", "secretkey", "accesstoken", "clientsecret", "passphrase", "passcode", "pass", "credential",
        "credentials", "secrets", "apitoken", "privatekey", "authtoken", "bearer",
    };

    private static readonly string[] PlaceholderSegments =
    {
        "your", "placeholder", "replace", "replaceme", "changeme", "example", "sample", "dummy", "fake", "redacted",
        "insert", "todo", "fixme", "tbd", "test", "demo", "here", "xxxx", "xxxxx",
    };

    private static readonly string[] ReferencePrefixes =
    {
        "arn:aws:secretsmanager:", "arn:aws:ssm:", "op://", "vault:", "vault://", "kv:", "kv://", "akv:", "akv://",
        "@Microsoft.KeyVault(", "{{resolve:", "ENC(", "enc:", "encrypted:", "{cipher}", "env:", "secret://",
        "secretmanager://", "gcpsm://", "awssm://", "ssm:", "file:",
    };

    private static readonly string[] RootPrefixes =
    {
        "/usr/", "/etc/", "/home/", "/var/", "/tmp/", "/opt/", "/run/", "/mnt/", "/srv/", "/root/", "/Users/", "/proc/",
        "/dev/", "/app/", "/data/",
    };

    private static readonly char[] QueryStart = { '?', '#' };

    private static readonly string[] MediaTypes = { "application", "text", "image", "audio", "video", "multipart", "font", "model", "message" };

    private static readonly string[] NonSecretPrefixes =
    {
        // public material and images that share the alphabet of keys
        "-----BEGIN PUBLIC KEY", "-----BEGIN RSA PUBLIC KEY", "-----BEGIN CERTIFICATE", "-----BEGIN PGP PUBLIC",
        "ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-", "pk_live_", "pk_test_", "iVBORw0KGgo", "/9j/", "R0lGOD",
        "PHN2Zy", "UklGR", "AAABAA", "data:", "sha256-", "sha384-", "sha512-", "sha1-", "sha256:", "sha512:",
        "md5:", "sha1:",
    };

    /// <summary>True for values nobody would call a secret: placeholders, masks, templates, repeated characters, counting runs, the name of a credential.</summary>
    public static bool IsPlaceholder(string v)
    {
        var t = v.Trim();
        if (t.Length == 0 || t.IndexOf(Hole) >= 0)
        {
            return true;
        }

        var first = t[0];
        var last = t[t.Length - 1];
        if ((first == '<' && last == '>') || (first == '[' && last == ']') || (first == '%' && last == '%' && t.Length > 2)
            || (first == '{' && last == '}') || (first == '_' && last == '_' && t.StartsWith("__", StringComparison.Ordinal)))
        {
            return true;
        }

        if (t.IndexOf("${", StringComparison.Ordinal) >= 0 || t.IndexOf("{{", StringComparison.Ordinal) >= 0
            || t.IndexOf("#{", StringComparison.Ordinal) >= 0 || t.IndexOf("$(", StringComparison.Ordinal) >= 0
            || t.IndexOf("%(", StringComparison.Ordinal) >= 0 || t.IndexOf("...", StringComparison.Ordinal) >= 0
            || t.IndexOf('\u2026') >= 0 || t.IndexOf("***", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        // parameter markers: @p, $P, :p, ?
        if ((first is '@' or '$' or ':' && IsIdentifierTail(t, 1)) || t == "?")
        {
            return true;
        }

        if (StartsWithIgnoreCase(t, "your") || EndsWithOrdinal(t, "EXAMPLE") || EndsWithOrdinal(t, "EXAMPLEKEY"))
        {
            return true;
        }

        return IsRepetitive(t) || IsSequential(t) || IsPlaceholderWord(t) || HasPlaceholderSegment(t)
            || ValueShapes.IsCountingRuns(t) || ValueShapes.IsCredentialName(t);
    }

    /// <summary>True for pointers to a secret store, encrypted blobs and file references.</summary>
    public static bool IsReference(string v)
    {
        foreach (var prefix in ReferencePrefixes)
        {
            if (StartsWithIgnoreCase(v, prefix))
            {
                return true;
            }
        }

        return v.IndexOf(".vault.azure.net/secrets/", StringComparison.OrdinalIgnoreCase) >= 0
            || (StartsWithIgnoreCase(v, "projects/") && v.IndexOf("/secrets/", StringComparison.Ordinal) > 0);
    }

    /// <summary>True for public keys, certificates, images and integrity hashes. UUIDs are judged by the name (see ValueChecks).</summary>
    public static bool IsKnownNonSecret(string v)
    {
        foreach (var prefix in NonSecretPrefixes)
        {
            if (v.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for strings shaped like names rather than values: environment-variable names (BINANCE_API_KEY),
    /// configuration keys (Binance:ApiSecret, Binance__ApiSecret), HTTP header names (X-MBX-APIKEY, X-CSRF-TOKEN),
    /// hidden form field names (__RequestVerificationToken), file paths and URLs without credentials.
    /// </summary>
    public static bool IsNameLike(string v)
    {
        if (IsEnvironmentName(v) || IsConfigurationKey(v) || IsHeaderName(v) || IsFormFieldName(v) || IsMediaType(v))
        {
            return true;
        }

        var scheme = v.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            return !UrlHasPassword(v, scheme);
        }

        return IsPath(v);
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string s)
    {
        if (s.Length == 0)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var c in s)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        double entropy = 0;
        double length = s.Length;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                var p = counts[i] / length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        if (other > 0)
        {
            var p = other / length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    /// <summary>Number of character classes present: lower, upper, digit, symbol (the separators _ . - do not count).</summary>
    public static int CharacterClasses(string s)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in s)
        {
            if (c is >= 'a' and <= 'z')
            {
                lower = true;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                upper = true;
            }
            else if (c is >= '0' and <= '9')
            {
                digit = true;
            }
            else if (c is not ('_' or '.' or '-'))
            {
                other = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    public static bool HasWhitespace(string s)
    {
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Is the '=' at <paramref name="eq"/> the end of a password key (Password=, Pwd=, user_password=) followed by a real value?</summary>
    public static bool ConnectionPasswordAt(string s, int eq)
    {
        var end = eq;
        while (end > 0 && s[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > 0 && (CredentialFormats.IsAlnum(s[start - 1]) || s[start - 1] == '_'))
        {
            start--;
        }

        var keyLength = end - start;
        if (keyLength < 3 || !(EndsWithAt(s, end, "password") || EndsWithAt(s, end, "passwd") || EndsWithAt(s, end, "pwd")
            || EndsWithAt(s, end, "passphrase")))
        {
            return false;
        }

        // Password= must open a key/value pair: at the start, after ';', '?', '&' or a quote, or after a space when
        // the string is made of ';'-separated pairs (a sentence with "password = ..." is not a connection string).
        // StackExchange.Redis strings ("host:6379,password=...,ssl=True") separate pairs with ',' and never use ';'.
        var commaSeparated = s.IndexOf(';') < 0;
        if (start > 0 && s[start - 1] is not (';' or '?' or '&' or '"' or '\'')
            && !(s[start - 1] is ' ' or '\t' or '\n' && !commaSeparated)
            && !(s[start - 1] == ',' && commaSeparated))
        {
            return false;
        }

        var valueStart = eq + 1;
        while (valueStart < s.Length && s[valueStart] == ' ')
        {
            valueStart++;
        }

        int valueEnd;
        if (valueStart < s.Length && s[valueStart] is '\'' or '"')
        {
            var quote = s[valueStart];
            valueStart++;
            valueEnd = s.IndexOf(quote, valueStart);
            if (valueEnd < 0)
            {
                valueEnd = s.Length;
            }
        }
        else
        {
            valueEnd = valueStart;
            while (valueEnd < s.Length && s[valueEnd] is not (';' or '&' or ' ' or '\t' or '\r' or '\n' or '"' or '\'')
                && !(s[valueEnd] == ',' && commaSeparated))
            {
                valueEnd++;
            }
        }

        return IsRealEmbeddedValue(s, valueStart, valueEnd);
    }

    /// <summary>Does the URL whose "://" sits at <paramref name="schemeSeparator"/> carry user:password@ with a real password?</summary>
    public static bool UrlHasPassword(string s, int schemeSeparator)
    {
        var schemeStart = schemeSeparator;
        while (schemeStart > 0 && (CredentialFormats.IsAlnum(s[schemeStart - 1]) || s[schemeStart - 1] is '+' or '.' or '-'))
        {
            schemeStart--;
        }

        if (schemeSeparator - schemeStart < 2)
        {
            return false;
        }

        var userStart = schemeSeparator + 3;
        var colon = -1;
        for (var i = userStart; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '/' or '?' or '#' or '"' or '\'' or Hole || char.IsWhiteSpace(c))
            {
                return false;
            }

            if (c == ':' && colon < 0)
            {
                colon = i;
            }
            else if (c == '@')
            {
                if (colon < 0 || i + 1 >= s.Length || !CredentialFormats.IsAlnum(s[i + 1]))
                {
                    return false;
                }

                var userLength = colon - userStart;
                var passwordLength = i - colon - 1;
                if (passwordLength == userLength && string.CompareOrdinal(s, userStart, s, colon + 1, userLength) == 0)
                {
                    return false; // admin:admin is a documentation default, not a leak
                }

                return IsRealEmbeddedValue(s, colon + 1, i);
            }
        }

        return false;
    }

    public static bool IsUuid(string v)
    {
        var t = v.Length == 38 && v[0] == '{' && v[37] == '}' ? 1 : 0;
        if (v.Length != 36 + (2 * t))
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            var c = v[i + t];
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? c != '-' : !IsHex(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRealEmbeddedValue(string s, int start, int end)
    {
        var length = end - start;
        if (length < 3)
        {
            return false;
        }

        var first = s[start];
        if (first is '{' or '@' or '$' or ':' or '?' or '%' or '<' or '*' or '[' or Hole)
        {
            return false;
        }

        var value = s.Substring(start, length);
        return !IsPlaceholder(value);
    }

    private static bool IsEnvironmentName(string v)
    {
        // BINANCE_API_KEY: upper-case letters and digits in underscore-separated words, starting with a letter
        if (v.Length < 3 || v[0] is < 'A' or > 'Z' || v.IndexOf('_') < 0)
        {
            return false;
        }

        var previousUnderscore = false;
        foreach (var c in v)
        {
            if (c == '_')
            {
                if (previousUnderscore)
                {
                    continue;
                }

                previousUnderscore = true;
            }
            else if (c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                previousUnderscore = false;
            }
            else
            {
                return false;
            }
        }

        return !previousUnderscore;
    }

    private static bool IsConfigurationKey(string v)
    {
        // Section:Key or Section__Key, segments made of letters (or a bare index), at least two segments
        var separators = 0;
        var segmentStart = 0;
        for (var i = 0; i <= v.Length; i++)
        {
            var atEnd = i == v.Length;
            var isColon = !atEnd && v[i] == ':';
            var isDoubleUnderscore = !atEnd && v[i] == '_' && i + 1 < v.Length && v[i + 1] == '_';
            if (atEnd || isColon || isDoubleUnderscore)
            {
                if (!IsKeySegment(v, segmentStart, i))
                {
                    return false;
                }

                if (!atEnd)
                {
                    separators++;
                    i += isDoubleUnderscore ? 1 : 0;
                    segmentStart = i + 1;
                }
            }
        }

        return separators > 0;
    }

    private static bool IsKeySegment(string v, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        var allDigits = true;
        var allLetters = char.IsLetter(v[start]);
        for (var i = start; i < end; i++)
        {
            var c = v[i];
            allDigits &= c is >= '0' and <= '9';
            allLetters &= char.IsLetter(c) || c is '.' or '-' || (c == '_' && i > start);
        }

        return allDigits || allLetters;
    }

    private static bool IsHeaderName(string v)
    {
        // X-MBX-APIKEY, APCA-API-SECRET-KEY, Ocp-Apim-Subscription-Key: letter words joined by single dashes
        if (v.Length < 3 || v.IndexOf('-') < 0)
        {
            return false;
        }

        var previousDash = true;
        foreach (var c in v)
        {
            if (c == '-')
            {
                if (previousDash)
                {
                    return false;
                }

                previousDash = true;
            }
            else if (char.IsLetter(c))
            {
                previousDash = false;
            }
            else
            {
                return false;
            }
        }

        return !previousDash;
    }

    private static bool IsFormFieldName(string v)
    {
        // __RequestVerificationToken, __VIEWSTATE, __EVENTVALIDATION: ASP.NET hidden field names, letters after "__"
        if (v.Length < 4 || !v.StartsWith("__", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 2; i < v.Length; i++)
        {
            if (v[i] is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPath(string v)
    {
        if (v.StartsWith("~/", StringComparison.Ordinal)
            || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal)
            || v.StartsWith("\\\\", StringComparison.Ordinal) || (v.Length > 2 && v[1] == ':' && v[2] is '\\' or '/'))
        {
            return true;
        }

        if (v.Length > 0 && v[0] == '/')
        {
            // 1 in 64 base64 secrets starts with '/', so a leading slash alone does not make a path.
            return HasRootPrefix(v) || IsRootedSegmentPath(v);
        }

        // a/b/c.json or secrets\key.pem: a separator and a short file extension
        var dot = v.LastIndexOf('.');
        var slash = Math.Max(v.LastIndexOf('/'), v.LastIndexOf('\\'));
        if (dot > slash && slash >= 0 && v.Length - dot - 1 is >= 1 and <= 5)
        {
            for (var i = dot + 1; i < v.Length; i++)
            {
                if (!char.IsLetter(v[i]))
                {
                    return false;
                }
            }

            return true;
        }

        // key.pem, appsettings.json
        return dot > 0 && slash < 0 && HasFileExtension(v, dot);
    }

    /// <summary>"application/json", "application/x-www-form-urlencoded", "text/event-stream": a content type.</summary>
    private static bool IsMediaType(string v)
    {
        var slash = v.IndexOf('/');
        if (slash <= 0 || slash == v.Length - 1 || !IsMediaTypeName(v, slash))
        {
            return false;
        }

        for (var i = slash + 1; i < v.Length; i++)
        {
            if (v[i] is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '+' or '-' or '_'))
            {
                return false; // capitals, a second '/' or '=': not a registered subtype
            }
        }

        return true;
    }

    private static bool IsMediaTypeName(string v, int length)
    {
        foreach (var type in MediaTypes)
        {
            if (type.Length == length && string.CompareOrdinal(v, 0, type, 0, length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasRootPrefix(string v)
    {
        foreach (var prefix in RootPrefixes)
        {
            if (v.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "/api/v3/order", "/sapi/v1/account/apiRestrictions", "/orders/{id}?limit=10": every segment before the query is
    /// made of path characters and none is a random-looking run (mixed case with many capitals or digits, as base64 is).
    /// </summary>
    private static bool IsRootedSegmentPath(string v)
    {
        var end = v.IndexOfAny(QueryStart);
        end = end < 0 ? v.Length : end;
        var start = 1;
        while (start <= end)
        {
            var slash = v.IndexOf('/', start, end - start);
            var stop = slash < 0 ? end : slash;
            if (!IsPathSegment(v, start, stop - start))
            {
                return false;
            }

            start = stop + 1;
        }

        return true;
    }

    private static bool IsPathSegment(string v, int start, int length)
    {
        int lower = 0, upper = 0, digits = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = v[i];
            if (c is >= 'a' and <= 'z')
            {
                lower++;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                upper++;
            }
            else if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c is not ('-' or '_' or '.' or '~' or '{' or '}' or ':' or '@' or '%' or ',' or '*' or '$' or '!'))
            {
                return false; // '+', '=' and the like belong to base64, not to paths
            }
        }

        // A word or camelCase name has few capitals; 12+ characters with >= 30% capitals and digits is a random run.
        return length < 12 || lower == 0 || upper == 0 || (upper + digits) * 10 < length * 3;
    }

    private static bool HasFileExtension(string v, int dot)
    {
        var extension = v.Length - dot - 1;
        return extension is >= 3 and <= 4 && (EndsWithIgnoreCase(v, ".json") || EndsWithIgnoreCase(v, ".pem")
            || EndsWithIgnoreCase(v, ".pfx") || EndsWithIgnoreCase(v, ".p12") || EndsWithIgnoreCase(v, ".key")
            || EndsWithIgnoreCase(v, ".txt") || EndsWithIgnoreCase(v, ".cer") || EndsWithIgnoreCase(v, ".crt")
            || EndsWithIgnoreCase(v, ".xml") || EndsWithIgnoreCase(v, ".yaml") || EndsWithIgnoreCase(v, ".yml")
            || EndsWithIgnoreCase(v, ".env") || EndsWithIgnoreCase(v, ".config"));
    }

    private static bool IsRepetitive(string t)
    {
        // "xxxxxxxx", "0000", "abababab": two distinct characters or fewer; "xxxx-xxxx-****": mask characters only
        char a = t[0], b = a;
        var distinct = 1;
        var mask = true;
        foreach (var c in t)
        {
            mask &= c is '*' or 'x' or 'X' or '#' or '-' or '_' or '.' or '\u2022' or '0';
            if (c != a && c != b)
            {
                distinct++;
                b = c;
            }
        }

        return distinct <= 2 || mask;
    }

    private static bool IsSequential(string t)
    {
        // 123456789, abcdefgh, ABCDEF0123: runs of the keyboard's counting sequences
        const string Sequences = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return t.Length >= 4 && Sequences.IndexOf(t, StringComparison.Ordinal) >= 0;
    }

    private static bool IsPlaceholderWord(string t)
    {
        if (t.Length > 16)
        {
            return false;
        }

        foreach (var word in PlaceholderWords)
        {
            if (EqualsIgnoringSeparators(t, word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPlaceholderSegment(string t)
    {
        var start = 0;
        for (var i = 0; i <= t.Length; i++)
        {
            if (i == t.Length || !CredentialFormats.IsAlnum(t[i]))
            {
                if (i > start && (start > 0 || i < t.Length) && IsPlaceholderSegment(t, start, i - start))
                {
                    return true;
                }

                start = i + 1;
            }
        }

        return false;
    }

    private static bool IsPlaceholderSegment(string t, int start, int length)
    {
        foreach (var word in PlaceholderSegments)
        {
            if (word.Length == length && string.Compare(t, start, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EqualsIgnoringSeparators(string t, string word)
    {
        var j = 0;
        foreach (var c in t)
        {
            if (c is '_' or '-' or ' ' or '.')
            {
                continue;
            }

            if (j >= word.Length || char.ToLowerInvariant(c) != word[j])
            {
                return false;
            }

            j++;
        }

        return j == word.Length;
    }

    private static bool IsIdentifierTail(string t, int start)
    {
        if (t.Length <= start)
        {
            return false;
        }

        for (var i = start; i < t.Length; i++)
        {
            if (!CredentialFormats.IsAlnum(t[i]) && t[i] != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWithAt(string s, int end, string suffix) =>
        end >= suffix.Length && string.Compare(s, end - suffix.Length, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static bool StartsWithIgnoreCase(string s, string prefix) => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithOrdinal(string s, string suffix) => s.EndsWith(suffix, StringComparison.Ordinal);

    private static bool EndsWithIgnoreCase(string s, string suffix) => s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
}
