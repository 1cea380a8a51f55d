using System;
using System.Text.RegularExpressions;

namespace LoginPosture.Analyzers.Internal;

/// <summary>A credential format recognised by <see cref="CredentialFormats"/>.</summary>
internal enum CredentialFormat
{
    None = 0,
    AwsAccessKeyId,
    GitHubToken,
    GitHubFineGrainedToken,
    GitLabToken,
    SlackToken,
    SlackWebhook,
    StripeSecretKey,
    GoogleApiKey,
    SendGridKey,
    TelegramBotToken,
    OpenAiKey,
    AnthropicKey,
    Jwt,
    PemPrivateKey,
    AzureStorageKey,
    AzureSharedAccessKey,
    AzureAdClientSecret,
    NpmToken,
    NuGetApiKey,
    ConnectionStringPassword,
    UrlPassword,
    OtpAuthSeed,
    AzureSasSignature,
    BasicAuthCredentials,
    DiscordBotToken,
}

/// <summary>
/// Finds provider-issued credentials by their published shape anywhere inside a string. One pass over the
/// characters looks for the few prefixes that start a format; only then is the candidate checked by hand
/// (character classes and lengths) or, for the three loose formats, by a static anchored regex with a timeout.
/// Nothing allocates unless a format is found.
/// </summary>
internal static class CredentialFormats
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    // Body of a PEM private key: base64 lines (DER starts "MI", OpenSSH "b3BlbnNzaC1rZXktdjE"), escapes allowed.
    private static readonly Regex PemBody = new(
        @"\G(?:[ \t]*(?:\r?\n|\\r|\\n)|[ \t]*[A-Za-z-]+:[^\r\n]*(?:\r?\n|\\n))*[ \t]*(?:MI|b3BlbnNzaC1rZXktdjE|[A-Za-z0-9+/]{4})[A-Za-z0-9+/=\s\\rn]{40}",
        RegexOptions.CultureInvariant, RegexTimeout);

    /// <summary>Display names used in LP0002 messages.</summary>
    public static string Describe(CredentialFormat format) => format switch
    {
        CredentialFormat.AwsAccessKeyId => "AWS access key ID",
        CredentialFormat.GitHubToken => "GitHub token",
        CredentialFormat.GitHubFineGrainedToken => "GitHub fine-grained personal access token",
        CredentialFormat.GitLabToken => "GitLab personal access token",
        CredentialFormat.SlackToken => "Slack token",
        CredentialFormat.SlackWebhook => "Slack webhook URL",
        CredentialFormat.StripeSecretKey => "Stripe live or restricted key",
        CredentialFormat.GoogleApiKey => "Google API key",
        CredentialFormat.SendGridKey => "SendGrid API key",
        CredentialFormat.TelegramBotToken => "Telegram bot token",
        CredentialFormat.OpenAiKey => "OpenAI API key",
        CredentialFormat.AnthropicKey => "Anthropic API key",
        CredentialFormat.Jwt => "signed JSON Web Token",
        CredentialFormat.PemPrivateKey => "PEM private key",
        CredentialFormat.AzureStorageKey => "Azure storage account key",
        CredentialFormat.AzureSharedAccessKey => "Azure shared access key",
        CredentialFormat.AzureAdClientSecret => "Microsoft Entra client secret",
        CredentialFormat.NpmToken => "npm access token",
        CredentialFormat.NuGetApiKey => "NuGet API key",
        CredentialFormat.ConnectionStringPassword => "connection string with a password",
        CredentialFormat.UrlPassword => "URL carrying a password",
        CredentialFormat.OtpAuthSeed => "otpauth:// URI with a TOTP/HOTP seed",
        CredentialFormat.AzureSasSignature => "Azure shared access signature",
        CredentialFormat.BasicAuthCredentials => "Basic authentication user:password",
        CredentialFormat.DiscordBotToken => "Discord bot token",
        _ => "credential",
    };

    /// <summary>Environment variable name the code fix suggests when the value has no named target.</summary>
    public static string SuggestedVariable(CredentialFormat format) => format switch
    {
        CredentialFormat.AwsAccessKeyId => "AWS_ACCESS_KEY_ID",
        CredentialFormat.GitHubToken or CredentialFormat.GitHubFineGrainedToken => "GITHUB_TOKEN",
        CredentialFormat.GitLabToken => "GITLAB_TOKEN",
        CredentialFormat.SlackToken => "SLACK_TOKEN",
        CredentialFormat.SlackWebhook => "SLACK_WEBHOOK_URL",
        CredentialFormat.StripeSecretKey => "STRIPE_SECRET_KEY",
        CredentialFormat.GoogleApiKey => "GOOGLE_API_KEY",
        CredentialFormat.SendGridKey => "SENDGRID_API_KEY",
        CredentialFormat.TelegramBotToken => "TELEGRAM_BOT_TOKEN",
        CredentialFormat.OpenAiKey => "OPENAI_API_KEY",
        CredentialFormat.AnthropicKey => "ANTHROPIC_API_KEY",
        CredentialFormat.Jwt => "JWT_TOKEN",
        CredentialFormat.PemPrivateKey => "PRIVATE_KEY_PEM",
        CredentialFormat.AzureStorageKey => "AZURE_STORAGE_CONNECTION_STRING",
        CredentialFormat.AzureSharedAccessKey => "AZURE_SERVICEBUS_CONNECTION_STRING",
        CredentialFormat.AzureAdClientSecret => "AZURE_CLIENT_SECRET",
        CredentialFormat.NpmToken => "NPM_TOKEN",
        CredentialFormat.NuGetApiKey => "NUGET_API_KEY",
        CredentialFormat.ConnectionStringPassword => "CONNECTION_STRING",
        CredentialFormat.UrlPassword => "SERVICE_URL",
        CredentialFormat.OtpAuthSeed => "TOTP_URI",
        CredentialFormat.AzureSasSignature => "AZURE_SAS_URL",
        CredentialFormat.BasicAuthCredentials => "BASIC_AUTH_HEADER",
        CredentialFormat.DiscordBotToken => "DISCORD_BOT_TOKEN",
        _ => "SECRET",
    };

    /// <summary>Returns the first credential format found in <paramref name="s"/>, or <see cref="CredentialFormat.None"/>.</summary>
    public static CredentialFormat Find(string s)
    {
        if (s.Length < 16)
        {
            return CredentialFormat.None;
        }

        try
        {
            for (var i = 0; i < s.Length; i++)
            {
                var found = FormatAt(s, i);
                if (found != CredentialFormat.None)
                {
                    return found;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological literal is not worth a build break; treat it as unknown.
        }

        return CredentialFormat.None;
    }

    private static CredentialFormat FormatAt(string s, int i)
    {
        switch (s[i])
        {
            case 'A':
                if (Prefix(s, i, "AKIA") || Prefix(s, i, "ASIA") || Prefix(s, i, "ABIA") || Prefix(s, i, "ACCA"))
                {
                    return AwsKeyId(s, i);
                }

                if (Prefix(s, i, "AIza") && BoundaryBefore(s, i) && Run(s, i + 4, IsUrlSafe64) == 35)
                {
                    return CredentialFormat.GoogleApiKey;
                }

                if (Prefix(s, i, "AccountKey=") && Run(s, i + 11, IsBase64) >= 86)
                {
                    return CredentialFormat.AzureStorageKey;
                }

                break;
            case 'B':
                if (Prefix(s, i, "Basic ") && BoundaryBefore(s, i) && BasicCredentials(s, i + 6))
                {
                    return CredentialFormat.BasicAuthCredentials;
                }

                break;
            case 'M':
            case 'N':
            case 'O':
                if (BoundaryBefore(s, i) && DiscordBotToken(s, i))
                {
                    return CredentialFormat.DiscordBotToken;
                }

                break;
            case 'S':
                if (Prefix(s, i, "SG.") && BoundaryBefore(s, i))
                {
                    var first = Run(s, i + 3, IsUrlSafe64);
                    if (first is >= 20 and <= 24 && At(s, i + 3 + first) == '.' && Run(s, i + 4 + first, IsUrlSafe64) is >= 39 and <= 50)
                    {
                        return CredentialFormat.SendGridKey;
                    }
                }

                if (Prefix(s, i, "SharedAccessKey=") && Run(s, i + 16, IsBase64) >= 43)
                {
                    return CredentialFormat.AzureSharedAccessKey;
                }

                break;
            case 'g':
                if (s.Length - i >= 40 && Prefix(s, i, "gh") && At(s, i + 3) == '_' && "pousr".IndexOf(At(s, i + 2)) >= 0
                    && BoundaryBefore(s, i) && Run(s, i + 4, IsAlnum) == 36)
                {
                    return CredentialFormat.GitHubToken;
                }

                if (Prefix(s, i, "github_pat_") && Run(s, i + 11, IsWord) >= 82)
                {
                    return CredentialFormat.GitHubFineGrainedToken;
                }

                if (Prefix(s, i, "glpat-") && Run(s, i + 6, IsUrlSafe64) >= 20)
                {
                    return CredentialFormat.GitLabToken;
                }

                break;
            case 'x':
                if (Prefix(s, i, "xox") && "baprse".IndexOf(At(s, i + 3)) >= 0 && At(s, i + 4) == '-' && SlackToken(s, i + 5))
                {
                    return CredentialFormat.SlackToken;
                }

                break;
            case 'h':
                if (Prefix(s, i, "hooks.slack.com/") && SlackWebhook(s, i + 16))
                {
                    return CredentialFormat.SlackWebhook;
                }

                break;
            case 's':
            case 'r':
                if (Prefix(s, i + 1, "k_live_") || Prefix(s, i + 1, "k_prod_"))
                {
                    if (BoundaryBefore(s, i) && Run(s, i + 8, IsAlnum) >= 20)
                    {
                        return CredentialFormat.StripeSecretKey;
                    }
                }
                else if (s[i] == 's' && Prefix(s, i, "sk-"))
                {
                    return OpenAiStyle(s, i);
                }
                else if (s[i] == 's' && Prefix(s, i, "sig=") && At(s, i - 1) is '?' or '&' && SasSignature(s, i + 4))
                {
                    return CredentialFormat.AzureSasSignature;
                }

                break;
            case 'e':
                if (Prefix(s, i, "eyJ") && BoundaryBefore(s, i))
                {
                    return Jwt(s, i);
                }

                break;
            case '-':
                if (Prefix(s, i, "-----BEGIN ") && PemPrivateKey(s, i + 11))
                {
                    return CredentialFormat.PemPrivateKey;
                }

                break;
            case 'n':
                if (Prefix(s, i, "npm_") && BoundaryBefore(s, i) && Run(s, i + 4, IsAlnum) == 36)
                {
                    return CredentialFormat.NpmToken;
                }

                break;
            case 'o':
                if (Prefix(s, i, "oy2") && BoundaryBefore(s, i) && Run(s, i + 3, IsLowerBase32) == 43 && !IsAlnum(At(s, i + 46)))
                {
                    return CredentialFormat.NuGetApiKey;
                }

                if (Prefix(s, i, "otpauth://") && OtpAuthSeed(s, i + 10))
                {
                    return CredentialFormat.OtpAuthSeed;
                }

                break;
            case 'Q':
                if (At(s, i + 1) == '~' && i >= 4 && IsDigit(s[i - 1]) && AzureAdSecret(s, i))
                {
                    return CredentialFormat.AzureAdClientSecret;
                }

                break;
            case ':':
                if (Prefix(s, i, "://"))
                {
                    return SecretValues.UrlHasPassword(s, i) ? CredentialFormat.UrlPassword : CredentialFormat.None;
                }

                if (Prefix(s, i, ":AA"))
                {
                    return TelegramBotToken(s, i);
                }

                break;
            case '=':
                return SecretValues.ConnectionPasswordAt(s, i) ? CredentialFormat.ConnectionStringPassword : CredentialFormat.None;
        }

        return CredentialFormat.None;
    }

    private static CredentialFormat AwsKeyId(string s, int i)
    {
        if (!BoundaryBefore(s, i) || Run(s, i + 4, IsUpperBase32) < 16 || IsAlnum(At(s, i + 20)))
        {
            return CredentialFormat.None;
        }

        // AWS documentation examples end in EXAMPLE; they are published on purpose.
        return string.CompareOrdinal(s, i + 13, "EXAMPLE", 0, 7) == 0 ? CredentialFormat.None : CredentialFormat.AwsAccessKeyId;
    }

    private static bool SlackToken(string s, int start)
    {
        // xoxb-<digits>-<digits>-<alnum>, xoxp-<digits>-<digits>-<digits>-<hex>...
        var digits = Run(s, start, IsDigit);
        if (digits < 8 || At(s, start + digits) != '-')
        {
            return false;
        }

        var rest = Run(s, start + digits + 1, c => IsAlnum(c) || c == '-');
        return rest >= 20;
    }

    private static bool SlackWebhook(string s, int start)
    {
        int path;
        if (Prefix(s, start, "services/"))
        {
            path = start + 9;
        }
        else if (Prefix(s, start, "workflows/"))
        {
            path = start + 10;
        }
        else if (Prefix(s, start, "triggers/"))
        {
            path = start + 9;
        }
        else
        {
            return false;
        }

        return Run(s, path, c => IsAlnum(c) || c == '/' || c == '+' || c == '_' || c == '-') >= 40;
    }

    private static CredentialFormat OpenAiStyle(string s, int i)
    {
        if (!BoundaryBefore(s, i))
        {
            return CredentialFormat.None;
        }

        if (Prefix(s, i, "sk-ant-"))
        {
            return Run(s, i + 7, IsUrlSafe64) >= 80 ? CredentialFormat.AnthropicKey : CredentialFormat.None;
        }

        var body = i + 3;
        if (Prefix(s, body, "proj-") || Prefix(s, body, "admin-"))
        {
            body = s.IndexOf('-', body) + 1;
        }
        else if (Prefix(s, body, "svcacct-"))
        {
            body += 8;
        }

        var length = Run(s, body, IsUrlSafe64);
        if (length < 40)
        {
            return CredentialFormat.None;
        }

        // OpenAI embeds "T3BlbkFJ" (base64 of "OpenAI") in every key; project keys are long enough to be safe anyway.
        var marker = s.IndexOf("T3BlbkFJ", body, length, StringComparison.Ordinal);
        return marker >= 0 || (body > i + 3 && length >= 74) ? CredentialFormat.OpenAiKey : CredentialFormat.None;
    }

    private static CredentialFormat Jwt(string s, int i)
    {
        var header = Run(s, i, IsUrlSafe64NoPad);
        if (header < 10 || At(s, i + header) != '.' || !Prefix(s, i + header + 1, "eyJ"))
        {
            return CredentialFormat.None;
        }

        var payloadStart = i + header + 1;
        var payload = Run(s, payloadStart, IsUrlSafe64NoPad);
        var sigStart = payloadStart + payload + 1;
        if (payload < 10 || At(s, payloadStart + payload) != '.')
        {
            return CredentialFormat.None;
        }

        // Unsigned tokens (alg "none") carry no credential; the jwt.io sample signature is public.
        var signature = Run(s, sigStart, IsUrlSafe64NoPad);
        if (signature < 16 || string.CompareOrdinal(s, sigStart, "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", 0, 43) == 0)
        {
            return CredentialFormat.None;
        }

        return CredentialFormat.Jwt;
    }

    private static bool PemPrivateKey(string s, int start)
    {
        var close = s.IndexOf("-----", start, Math.Min(s.Length - start, 120), StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var label = s.IndexOf("PRIVATE KEY", start, close - start, StringComparison.Ordinal);
        return label >= 0 && PemBody.IsMatch(s, close + 5);
    }

    private static bool OtpAuthSeed(string s, int start)
    {
        var query = s.IndexOf("secret=", start, StringComparison.OrdinalIgnoreCase);
        if (query < 0)
        {
            return false;
        }

        var length = Run(s, query + 7, c => IsUpperBase32(c) || (c >= 'a' && c <= 'z'));
        return length >= 16;
    }

    private static bool AzureAdSecret(string s, int q)
    {
        // [A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}
        var start = q - 4;
        if (start < 0 || !BoundaryBefore(s, start))
        {
            return false;
        }

        for (var k = start; k < q - 1; k++)
        {
            if (!IsAzureSecretChar(s[k]))
            {
                return false;
            }
        }

        return Run(s, q + 2, c => IsAzureSecretChar(c) || c == '-') is >= 31 and <= 34;
    }

    private static bool SasSignature(string s, int start)
    {
        // sig= carries a base64 HMAC-SHA256: 43 characters and one '=' pad, usually percent-encoded (%2B %2F %3D).
        var length = 0;
        bool upper = false, lower = false, digit = false;
        var i = start;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '%' && (Prefix(s, i + 1, "2B") || Prefix(s, i + 1, "2F") || Prefix(s, i + 1, "2b") || Prefix(s, i + 1, "2f")))
            {
                i += 3;
            }
            else if (IsAlnum(c) || c is '+' or '/')
            {
                upper |= c is >= 'A' and <= 'Z';
                lower |= c is >= 'a' and <= 'z';
                digit |= IsDigit(c);
                i++;
            }
            else
            {
                break;
            }

            length++;
        }

        // Documentation placeholders (sig=AAAA..., sig=xxxx...) lack the mixed alphabet of a real signature.
        return length == 43 && (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) >= 2
            && (At(s, i) == '=' || Prefix(s, i, "%3D") || Prefix(s, i, "%3d"));
    }

    private static bool BasicCredentials(string s, int start)
    {
        // "Basic " + base64("user:password"): decode in place and require a printable user, a colon and a password
        // that is neither a placeholder nor the user name again ("user:password", "admin:admin" are documentation).
        var length = Run(s, start, IsBase64);
        if (length < 12 || length > 512 || length % 4 != 0 || IsWord(At(s, start + length)))
        {
            return false;
        }

        Span<char> decoded = stackalloc char[length / 4 * 3];
        var count = 0;
        var bits = 0;
        var buffer = 0;
        for (var k = start; k < start + length; k++)
        {
            var c = s[k];
            if (c == '=')
            {
                break;
            }

            buffer = (buffer << 6) | Base64Value(c);
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                var b = (buffer >> bits) & 0xFF;
                if (b is < 0x20 or > 0x7E)
                {
                    return false;
                }

                decoded[count++] = (char)b;
            }
        }

        var text = decoded.Slice(0, count);
        var colon = text.IndexOf(':');
        if (colon < 1 || count - colon - 1 < 6 || text.Slice(0, colon).IndexOf(' ') >= 0)
        {
            return false;
        }

        var user = text.Slice(0, colon);
        var password = text.Slice(colon + 1);
        return !password.SequenceEqual(user) && !SecretValues.IsPlaceholder(password.ToString());
    }

    private static int Base64Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        _ => 63,
    };

    private static bool DiscordBotToken(string s, int i)
    {
        // <base64url user id, 24-26><.><timestamp, 6><.><HMAC, 27-38>; the id encodes a decimal snowflake, so it
        // starts M, N or O. A digit somewhere keeps dotted identifiers (Namespace.Type.Member) out.
        var id = Run(s, i, IsUrlSafe64);
        if (id is < 24 or > 26 || At(s, i + id) != '.' || Run(s, i + id + 1, IsUrlSafe64) != 6 || At(s, i + id + 7) != '.')
        {
            return false;
        }

        var hmacStart = i + id + 8;
        var hmac = Run(s, hmacStart, IsUrlSafe64);
        if (hmac is < 27 or > 38 || At(s, hmacStart + hmac) == '.')
        {
            return false;
        }

        for (var k = i; k < hmacStart + hmac; k++)
        {
            if (IsDigit(s[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static CredentialFormat TelegramBotToken(string s, int colon)
    {
        var digits = 0;
        while (colon - digits - 1 >= 0 && IsDigit(s[colon - digits - 1]))
        {
            digits++;
        }

        if (digits is < 5 or > 16 || !BoundaryBefore(s, colon - digits))
        {
            return CredentialFormat.None;
        }

        var token = Run(s, colon + 1, IsUrlSafe64NoPad);
        return token == 35 ? CredentialFormat.TelegramBotToken : CredentialFormat.None;
    }

    internal static bool Prefix(string s, int i, string prefix) =>
        i >= 0 && s.Length - i >= prefix.Length && string.CompareOrdinal(s, i, prefix, 0, prefix.Length) == 0;

    internal static char At(string s, int i) => i >= 0 && i < s.Length ? s[i] : '\0';

    internal static int Run(string s, int start, Func<char, bool> inClass)
    {
        var i = start;
        while (i < s.Length && inClass(s[i]))
        {
            i++;
        }

        return i - start;
    }

    private static bool BoundaryBefore(string s, int i) => i == 0 || !IsWord(s[i - 1]);

    internal static bool IsDigit(char c) => c is >= '0' and <= '9';

    internal static bool IsAlnum(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsWord(char c) => IsAlnum(c) || c == '_';

    private static bool IsUrlSafe64(char c) => IsAlnum(c) || c == '_' || c == '-';

    private static bool IsUrlSafe64NoPad(char c) => IsUrlSafe64(c);

    private static bool IsBase64(char c) => IsAlnum(c) || c == '+' || c == '/' || c == '=';

    private static bool IsUpperBase32(char c) => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7');

    private static bool IsLowerBase32(char c) => c is (>= 'a' and <= 'z') or (>= '2' and <= '7');

    private static bool IsAzureSecretChar(char c) => IsAlnum(c) || c == '_' || c == '~' || c == '.';
}
