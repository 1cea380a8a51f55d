using System;
using System.Collections.Generic;
using System.Text;

namespace LoginPosture.Analyzers.Internal;

/// <summary>How strongly a name says "this holds a secret".</summary>
internal enum NameKind
{
    /// <summary>Not a secret, or explicitly a non-secret (a header name, a hash, an id, a public key).</summary>
    None = 0,

    /// <summary>Says "key", "seed", "signature", "auth": reported only for random-looking values.</summary>
    Weak,

    /// <summary>Says secret, token, API key, private key, credential, client secret, TOTP seed...</summary>
    Secret,

    /// <summary>Says password, passwd, pwd: human-chosen values are reported too.</summary>
    Password,

    /// <summary>Says passphrase: like a password, and several lower-case words count as a value, not a sentence.</summary>
    Passphrase,
}

/// <summary>
/// Classifies identifiers and key strings (ApiSecret, BINANCE_API_SECRET, x-api-key, Binance:ApiSecret) by the
/// words they are made of. Word-based, not substring-based: "Author" is not "auth", "OrderToken" is not a secret.
/// Runs only for values that already passed the cheap value checks.
/// </summary>
internal static class SecretNames
{
    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "pword", "passcode",
    };

    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "secret", "secrets", "apikey", "apisecret", "credential", "credentials", "creds", "cred", "privatekey",
        "secretkey", "accesskey", "bearer", "apitoken", "authtoken", "accesstoken", "refreshtoken",
    };

    private static readonly HashSet<string> WeakWords = new(StringComparer.Ordinal)
    {
        "key", "keys", "seed", "signature", "sig", "hmac", "auth", "token", "tokens",
    };

    // Words in front of "key" that make it a secret key.
    private static readonly HashSet<string> SecretKeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "app", "secret", "private", "signing", "sign", "access", "auth", "hmac", "master", "account",
        "shared", "encryption", "encrypt", "decryption", "subscription", "service", "client", "totp", "otp",
        "hotp", "mfa", "2fa", "aes", "des", "crypto", "jwt", "webhook", "session", "trading", "trade", "broker",
        "exchange", "rest", "ws", "websocket", "x",
    };

    // Words in front of "token" that make it something other than a credential.
    private static readonly HashSet<string> NonSecretTokenQualifiers = new(StringComparer.Ordinal)
    {
        "order", "page", "paging", "pagination", "continuation", "next", "prev", "previous", "cancellation", "cancel",
        "sync", "resume", "change", "lexer", "parse", "parser", "syntax", "end", "start", "delimiter", "separator",
        "cursor", "idempotency", "nonce", "csrf", "xsrf", "antiforgery", "verification", "form", "sort", "search",
        "word", "text", "split", "string", "max", "min", "total", "input", "output", "prompt", "completion",
        "request", "client", "correlation", "trace", "span", "batch", "stop", "special", "unknown", "eos", "bos",
    };

    // Words in front of "key" that make it a lookup key, not a credential.
    private static readonly HashSet<string> NonSecretKeyQualifiers = new(StringComparer.Ordinal)
    {
        "public", "config", "configuration", "setting", "settings", "cache", "dictionary", "dict", "lookup", "map",
        "env", "environment", "header", "claim", "resource", "sort", "partition", "row", "foreign", "primary",
        "registry", "translation", "localization", "i18n", "idempotency", "instrumentation", "document", "sequence",
        "item", "entry", "query", "route", "json", "property", "column", "message", "error", "label", "hot",
        "shortcut", "keyboard", "menu", "license", "product", "storage", "group", "index", "unique", "composite",
        "natural", "surrogate", "object", "record", "order", "event", "state", "section", "name",
    };

    // A trailing word that makes the whole name describe something about a secret rather than hold one.
    private static readonly HashSet<string> NonValueTails = new(StringComparer.Ordinal)
    {
        "name", "names", "header", "headers", "path", "paths", "file", "filename", "files", "dir", "directory",
        "folder", "url", "urls", "uri", "uris", "endpoint", "host", "prompt", "message", "messages", "msg", "label",
        "text", "title", "caption", "hint", "description", "desc", "format", "pattern", "regex", "type", "kind",
        "length", "len", "count", "size", "mask", "masked", "field", "fields", "param", "parameter", "claim",
        "scheme", "section", "policy", "placeholder", "error", "errors", "warning", "tooltip", "env", "var",
        "variable", "id", "ids", "identifier", "guid", "uuid", "prefix", "suffix", "separator", "delimiter",
        "expiry", "expires", "expiration", "ttl", "timeout", "lifetime", "age", "status", "state", "mode", "option",
        "options", "setting", "settings", "config", "property", "attribute", "column", "version", "index",
        "rule", "rules", "validator", "provider", "reference", "ref", "location", "source", "command", "query",
        "selector", "element", "input", "button", "question", "reset", "strength", "complexity", "requirement",
        "requirements", "min", "max", "minimum", "maximum", "enabled", "required", "visible", "changed", "expired",
        "route", "template", "display", "view", "page", "form", "dialog", "box", "char", "chars", "characters",
        "alphabet", "encoding", "algorithm", "alg", "issuer", "audience", "scope", "scopes", "usage", "arn",
        "store", "vault", "handler", "manager", "factory", "service", "client", "builder", "generator", "policy",
        "metadata", "info", "kind", "level", "category", "key" /* handled separately */, "salt", "iv", "nonce",
        "cookie", "storagekey", "settingname", "lookup", "link", "button", "confirmation", "confirm", "sent",
        "expected", "pattern", "regexp", "column", "param", "placeholder", "label", "sample", "example",
    };

    private static readonly HashSet<string> HashWords = new(StringComparer.Ordinal)
    {
        "hash", "hashed", "hashes", "checksum", "digest", "sha", "sha1", "sha256", "sha384", "sha512", "md5",
        "crc", "crc32", "fingerprint", "thumbprint", "integrity", "etag", "publickey", "pubkey", "csrf", "xsrf",
        "antiforgery", "forgery", "clientid", "keyid", "publishable",
    };

    /// <summary>Classifies a name; <paramref name="settings"/> adds user-configured names and exclusions.</summary>
    public static NameKind Classify(string name, SecretSettings settings)
    {
        if (name.Length < 2)
        {
            return NameKind.None;
        }

        if (!settings.HasExtraSecretNames && !MightBeSecret(name))
        {
            return NameKind.None; // most names: decided without allocating
        }

        var compact = Compact(name);
        if (settings.IsIgnoredName(compact))
        {
            return NameKind.None;
        }

        var words = Split(name);
        var kind = ClassifyWords(words);
        if (kind == NameKind.None && !HasExclusion(words) && settings.IsExtraSecretName(compact))
        {
            return NameKind.Secret;
        }

        return kind;
    }

    /// <summary>Every secret word contains one of these fragments; a name with none of them is never a secret.</summary>
    private static readonly string[] Fragments = { "pass", "pwd", "pword", "secret", "key", "cred", "bearer", "token", "seed", "sig", "hmac", "auth" };

    private static bool MightBeSecret(string name)
    {
        foreach (var fragment in Fragments)
        {
            if (name.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case letters and digits only: "X-MBX-APIKEY" becomes "xmbxapikey".</summary>
    public static string Compact(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (CredentialFormats.IsAlnum(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits ApiSecret, api_secret, API-SECRET, apiSecret2, HMACKey into lower-case words (digits stay with the word before).</summary>
    public static List<string> Split(string name)
    {
        var words = new List<string>(4);
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!CredentialFormats.IsAlnum(c))
            {
                Flush(words, builder);
                continue;
            }

            if (builder.Length > 0 && char.IsUpper(c))
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    Flush(words, builder);
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        Flush(words, builder);
        return words;
    }

    private static NameKind ClassifyWords(List<string> words)
    {
        if (words.Count == 0 || HasExclusion(words))
        {
            return NameKind.None;
        }

        var last = words[words.Count - 1];
        var best = NameKind.None;
        for (var i = 0; i < words.Count; i++)
        {
            var kind = WordKind(words, i);
            if (kind > best)
            {
                best = kind;
            }
        }

        if (best == NameKind.None)
        {
            best = CompactKind(string.Concat(words));
        }

        // "ApiKeyHeader", "PasswordPrompt", "SecretName": the name is about the secret, not the secret.
        return best != NameKind.None && NonValueTails.Contains(last) && last != "key" ? NameKind.None : best;
    }

    private static NameKind WordKind(List<string> words, int i)
    {
        var word = Stem(words[i]);
        var previous = i > 0 ? Stem(words[i - 1]) : null;
        if (word == "passphrase")
        {
            return NameKind.Passphrase;
        }

        if (PasswordWords.Contains(word) || (word == "pass" && i == words.Count - 1))
        {
            return NameKind.Password;
        }

        if (SecretWords.Contains(word))
        {
            return NameKind.Secret;
        }

        if (!WeakWords.Contains(word))
        {
            return word is "totp" or "hotp" or "otp" or "mfa" ? OtpKind(words, i) : NameKind.None;
        }

        switch (word)
        {
            case "key":
            case "keys":
                if (previous is null)
                {
                    return NameKind.Weak;
                }

                if (NonSecretKeyQualifiers.Contains(previous))
                {
                    return NameKind.None;
                }

                return SecretKeyQualifiers.Contains(previous) ? NameKind.Secret : NameKind.Weak;
            case "token":
            case "tokens":
                if (previous is not null && NonSecretTokenQualifiers.Contains(previous))
                {
                    return NameKind.None;
                }

                return NameKind.Secret;
            case "seed":
                return previous is "totp" or "otp" or "hotp" or "mfa" or "2fa" or "authenticator" ? NameKind.Secret : NameKind.Weak;
            default:
                return NameKind.Weak;
        }
    }

    private static NameKind OtpKind(List<string> words, int i) =>
        i + 1 < words.Count && words[i + 1] is "secret" or "seed" or "key" or "base32" ? NameKind.Secret : NameKind.None;

    private static NameKind CompactKind(string compact)
    {
        // All-caps names without separators (XMBXAPIKEY, APISECRET) arrive as one word.
        if (compact.EndsWith("passphrase", StringComparison.Ordinal))
        {
            return NameKind.Passphrase;
        }

        if (compact.EndsWith("password", StringComparison.Ordinal) || compact.EndsWith("passwd", StringComparison.Ordinal))
        {
            return NameKind.Password;
        }

        return compact.EndsWith("apikey", StringComparison.Ordinal) || compact.EndsWith("secret", StringComparison.Ordinal)
            || compact.EndsWith("secretkey", StringComparison.Ordinal) || compact.EndsWith("privatekey", StringComparison.Ordinal)
            || compact.EndsWith("accesstoken", StringComparison.Ordinal) || compact.EndsWith("authtoken", StringComparison.Ordinal)
            || compact.EndsWith("apitoken", StringComparison.Ordinal)
            ? NameKind.Secret
            : NameKind.None;
    }

    private static bool HasExclusion(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (HashWords.Contains(word))
            {
                return true;
            }

            var next = i + 1 < words.Count ? words[i + 1] : null;
            if ((word == "public" && next is "key" or "keys") || (word == "client" && next == "id")
                || (word == "key" && next == "id") || (word == "access" && next == "key" && i + 2 < words.Count && words[i + 2] == "id"))
            {
                return true;
            }
        }

        return false;
    }

    private static string Stem(string word)
    {
        // apiSecret2 -> secret; but keep words that are digits only or end in a digit by design (2fa, sha256 handled earlier)
        var end = word.Length;
        while (end > 0 && char.IsDigit(word[end - 1]))
        {
            end--;
        }

        return end == 0 || end == word.Length ? word : word.Substring(0, end);
    }

    private static void Flush(List<string> words, StringBuilder builder)
    {
        if (builder.Length > 0)
        {
            words.Add(builder.ToString());
            builder.Clear();
        }
    }
}
