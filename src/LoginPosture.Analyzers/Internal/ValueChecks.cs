using System;

namespace LoginPosture.Analyzers.Internal;

/// <summary>How random a value must look before a target of a given <see cref="NameKind"/> is reported.</summary>
internal static class ValueChecks
{
    private static readonly string[] AuthSchemes = { "Bearer ", "Basic ", "Token ", "Bot ", "Digest ", "ApiKey " };

    // What follows an auth scheme must be token-sized: "Token Session" is a phrase, "Basic dXNlcjpwYXNz" a credential.
    private const int MinimumSchemeCredential = 12;

    /// <summary>
    /// Passwords are human-chosen, so any non-placeholder value of the minimum length counts. Keys and tokens must
    /// look random (entropy, mixed characters). Weak names ("key", "seed", "sig") need clearly random values.
    /// </summary>
    public static bool Accepts(NameKind kind, string value, SecretSettings settings)
    {
        switch (kind)
        {
            case NameKind.Password:
                return !SecretValues.HasWhitespace(value);
            case NameKind.Passphrase:
                // "token expired later" behind a password name is a message; behind a passphrase name it is the value.
                return !SecretValues.HasWhitespace(value) || IsPassphrase(value);
            case NameKind.Secret:
                var credential = StripAuthScheme(value);
                return !SecretValues.HasWhitespace(credential) && LooksRandom(credential, settings.MinLength, settings.MinEntropy)
                    && (credential.Length == value.Length || credential.Length >= MinimumSchemeCredential);
            case NameKind.Weak:
                // A UUID behind "key" or "token" alone is usually an id; behind "api key" or "secret" it is a credential.
                // A bare "key" is mostly a lookup key, whose values are names and paths ("skipFromResultSum",
                // "CustomData/ExampleCustomData"): long enough and varied enough to pass the entropy bar, but made of words.
                return !SecretValues.HasWhitespace(value) && !SecretValues.IsUuid(value) && value.Length >= Math.Max(16, settings.MinLength)
                    && LooksRandom(value, 16, settings.MinEntropy + 0.5) && !ValueShapes.IsMadeOfWords(value);
            default:
                return false;
        }
    }

    /// <summary>An API-key header gets the same test as a secret name: header values are keys and tokens.</summary>
    public static bool AcceptsHeaderValue(string value, SecretSettings settings) => Accepts(NameKind.Secret, value, settings);

    /// <summary>A credential API gets any non-placeholder value of the minimum length (after an auth scheme).</summary>
    public static bool AcceptsSinkValue(string value, SecretSettings settings)
    {
        var credential = StripAuthScheme(value);
        return credential.Length >= settings.MinLength
            && (credential.Length == value.Length || credential.Length >= MinimumSchemeCredential)
            && !SecretValues.IsPlaceholder(credential)
            && (!SecretValues.HasWhitespace(credential) || IsPassphrase(credential));
    }

    public static bool HasAuthScheme(string value)
    {
        foreach (var scheme in AuthSchemes)
        {
            if (value.StartsWith(scheme, StringComparison.Ordinal) && value.Length > scheme.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static string StripAuthScheme(string value)
    {
        foreach (var scheme in AuthSchemes)
        {
            if (value.StartsWith(scheme, StringComparison.Ordinal))
            {
                return value.Substring(scheme.Length).Trim();
            }
        }

        return value;
    }

    private static bool LooksRandom(string value, int minLength, double minEntropy)
    {
        if (value.Length < minLength || IsAllDigits(value))
        {
            return false;
        }

        // Short strings cannot reach a high per-character entropy; scale the bar with the length.
        var threshold = Math.Min(minEntropy, Math.Log(value.Length, 2) * 0.8);
        // Two character classes at least: "loginposture_secret_names" or "BTCUSDT" are words, not keys.
        return SecretValues.Entropy(value) >= threshold && SecretValues.CharacterClasses(value) >= 2;
    }

    public static bool IsPassphrase(string value)
    {
        // "correct horse battery staple": three or more lower-case words, no sentence punctuation.
        var words = 1;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                words++;
            }
            else if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return words >= 3;
    }

    private static bool IsAllDigits(string value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
