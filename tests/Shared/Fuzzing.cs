using System.Runtime.InteropServices;
using System.Text;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Otp;
using LoginPosture.Posture;

namespace LoginPosture.Testing;

/// <summary>
/// Mutation fuzzing of every public entry point that reads outside input: a seed input is changed by a list of
/// mutations (bit flips, interesting bytes, JSON and escape tokens, invalid UTF-8, lone surrogates, deep nesting,
/// repeated fields, deletions, duplications, truncation, splices, and a planted secret), run through the entry
/// point, and judged: only the documented exception types may escape, and no message or report may carry the
/// planted secret. Shared by the test suite (FsCheck picks the mutations) and the long mode under benchmarks/.
/// </summary>
internal static class Fuzzing
{
    // Credential-shaped values built at run time: a key-format run and a short value behind a secret name.
    public static readonly string Secret = string.Concat(Enumerable.Range(0, 44).Select(i => "kR7vQ2xW9mZ4pL6t"[(i * 7) % 16]));
    public static readonly string ShortSecret = string.Concat("Hq", "5Zw", "8Kd");

    public sealed record Target(string Name, byte[][] Seeds, bool Utf16, Func<byte[], string?> Run);

    public static IReadOnlyList<Target> Targets { get; } =
    [
        new("PostureSnapshot.Parse", PostureSeeds(), false, Posture),
        new("ApiKeyAdapters.FromBinance", Utf8(BinanceSeed, """{"enableReading":"true","createTime":"1698796800000"}"""), false,
            b => Check(b, () => Keys(ApiKeyAdapters.FromBinance(b, "k")), typeof(FormatException))),
        new("ApiKeyAdapters.FromKraken", Utf8(KrakenSeed, $$"""{"result": {{KrakenSeed}}, "error": []}""", """{"error": ["EGeneral:Permission denied"]}"""), false,
            b => Check(b, () => Keys(ApiKeyAdapters.FromKraken(b)), typeof(FormatException))),
        new("ApiKeyAdapters.FromCoinbase", Utf8(CoinbaseSeed), false,
            b => Check(b, () => Keys(ApiKeyAdapters.FromCoinbase(b, "k")), typeof(FormatException))),
        new("ApiKeyAdapters.FromIbkr", Utf8("7496|1|192.168.1.50,2001:db8::9", "4002|0|0.0.0.0", "7000|2|::1"), false, Ibkr),
        new("OtpKeyUri.Parse", Utf16("otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
                "otpauth://hotp/alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&counter=7&digits=8"), true, Otp),
        new("FailureSignal.FromLogLine", Utf16("2026-11-20 14:02:09,540 ERROR Error 354, reqId 3: Requested market data is not subscribed.",
                "ERROR -1 2104 Market data farm connection is OK:usfarm", "Error. Id: -1, Code: 2104, Msg: x", "HTTP 401 token expired"), true,
            b => Signals(b, [FailureSignal.FromLogLine(Text(b))])),
        new("FailureSignal.FromClientPortalStatus", Utf16("""{"authenticated": false, "competing": true, "connected": true, "message": "", "prompts": ["a"], "fail": "x"}""",
                """{"iserver": {"authStatus": {"authenticated": true, "competing": false}}, "hmds": {"error": "no bridge"}}""", "{'authenticated': False}"), true,
            b => Signals(b, FailureSignal.FromClientPortalStatus(Text(b)))),
    ];

    /// <summary>What the last checked call on this thread gave: "result" or the exception type, for run summaries.</summary>
    [ThreadStatic]
    public static string? LastOutcome;

    /// <summary>Applies the mutations that <paramref name="choices"/> select to a copy of <paramref name="seed"/>.</summary>
    public static byte[] Mutate(Target target, int seedIndex, IReadOnlyList<int> choices)
    {
        var data = new List<byte>(target.Seeds[seedIndex % target.Seeds.Length]);
        var tokens = target.Utf16 ? Utf16Tokens : Utf8Tokens;
        for (var i = 0; i + 2 < choices.Count; i += 3)
        {
            int op = choices[i] % 12, at = data.Count == 0 ? 0 : choices[i + 1] % (data.Count + 1), arg = choices[i + 2];
            switch (op)
            {
                case 0 when at < data.Count: data[at] ^= (byte)(1 << (arg % 8)); break;
                case 1 when at < data.Count: data[at] = Interesting[arg % Interesting.Length]; break;
                case 2 or 3: data.InsertRange(at, tokens[arg % tokens.Length]); break;
                case 4: data.RemoveRange(at, Math.Min(1 + (arg % 16), data.Count - at)); break;
                case 5 when data.Count > 0: data.InsertRange(at, data.GetRange(arg % data.Count, Math.Min(1 + (arg % 64), data.Count - (arg % data.Count)))); break;
                case 6: data.RemoveRange(at, data.Count - at); break;
                case 7: data.InsertRange(at, Planted(target.Utf16)[arg % 4]); break;
                case 8:
                    var other = target.Seeds[arg % target.Seeds.Length];
                    var from = arg % (other.Length + 1);
                    data.InsertRange(at, other.AsSpan(from, Math.Min(48, other.Length - from)).ToArray());
                    break;
                case >= 9: ReplaceValue(data, at, arg, target.Utf16); break;
                default: break;
            }
        }

        return [.. data];
    }

    /// <summary>
    /// Null when the entry point behaved; otherwise what it did wrong. The long secret is recognisable anywhere; the
    /// short one only beside its name, so it is looked for only when <paramref name="input"/> still holds it that way.
    /// </summary>
    public static string? Check(byte[] input, Func<IEnumerable<string>> run, params Type[] documented)
    {
        var named = Count(input, ShortSecretBytes[0]) + Count(input, ShortSecretBytes[1]) is var bare and > 0
            && bare == NamedForms.Sum(form => Count(input, form, intact: true));
        try
        {
            var output = run().ToList();
            LastOutcome = "result";
            return Leak("output", output, named);
        }
        catch (Exception e) when (!documented.Any(t => t.IsInstanceOfType(e)))
        {
            LastOutcome = "undocumented " + e.GetType().Name;
            return $"undocumented {e.GetType().Name}: {e}";
        }
        catch (Exception e)
        {
            LastOutcome = e.GetType().Name;
            var messages = new List<string>();
            for (var inner = e; inner is not null; inner = inner.InnerException)
            {
                messages.Add(inner.Message);
            }

            return Leak($"{e.GetType().Name} message", messages, named);
        }
    }

    // Replaces the value after the next ':' (or the next array item) with another well-formed value, so that many
    // mutants stay valid JSON and reach the mapping code behind the reader.
    private static void ReplaceValue(List<byte> data, int at, int arg, bool utf16)
    {
        var width = utf16 ? 2 : 1;
        var start = data.FindIndex(Math.Min(at, data.Count), b => b is (byte)':' or (byte)'[');
        if (start < 0)
        {
            return;
        }

        start += width;
        if (start > data.Count)
        {
            return;
        }

        var end = start;
        var depth = 0;
        while (end < data.Count && !(depth == 0 && data[end] is (byte)',' or (byte)'}' or (byte)']'))
        {
            depth += data[end] is (byte)'{' or (byte)'[' ? 1 : data[end] is (byte)'}' or (byte)']' ? -1 : 0;
            end++;
        }

        var value = Values[arg % Values.Length];
        data.RemoveRange(start, Math.Min(end, data.Count) - start);
        data.InsertRange(start, utf16 ? Encoding.Unicode.GetBytes(value) : Encoding.UTF8.GetBytes(value));
    }

    private static readonly string[] Values =
    [
        " true", " false", " null", " 0", " -1", " 7497", " 65536", " 1e400", " 2147483648", " 1.5", " \"\"", " \"  \"", " []", " {}", " [null]",
        " \"Read\"", " \"Teleport\"", " \"2099-01-01T00:00:00Z\"", " \"1999-01-01T00:00:00Z\"", " \"00:00:00\"", " \"-00:05:00\"",
        " \"0.0.0.0\"", " [\"0.0.0.0/0\"]", " [\"::\"]", " \"\\ud800\"", " \"a\\u0000b\"", " \"\\u001b[31m\"", " \"true\"", " \"1698796800000\"",
        " {\"a\": 1, \"a\": 2}", " {\"error\": [\"EAPI:Invalid key\"]}", " [\"EGeneral:Permission denied\"]", " \"apiKey=\"", " \"token \"",
    ];

    private static string? Leak(string where, IEnumerable<string> texts, bool named)
    {
        foreach (var text in texts)
        {
            var at = text.IndexOf(Secret, StringComparison.Ordinal) is >= 0 and var i ? i : named ? text.IndexOf(ShortSecret, StringComparison.Ordinal) : -1;
            if (at >= 0)
            {
                return $"the planted secret is in the {where}: ...{text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 100)].ReplaceLineEndings(" ")}...";
            }
        }

        return null;
    }

    private static readonly PostureEvaluator Evaluator = new(new LoginPostureOptions(), new FixedTime());
    private static readonly LayerClassifier Classifier = new();
    private static readonly ApiKeyEvaluator KeyEvaluator = new(new ApiKeyEvaluatorOptions());
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static string? Posture(byte[] bytes) => Check(bytes, () =>
    {
        var snapshot = PostureSnapshot.Parse(bytes);
        return [PostureReportJson.ToJson(Evaluator.Evaluate(snapshot))];
    }, typeof(PostureFormatException), typeof(ArgumentException));

    // The adapter may throw only FormatException; the evaluator documents ArgumentException for impossible dates,
    // so its message is judged for leaks like any output.
    private static IEnumerable<string> Keys(ApiKeyDescriptor key)
    {
        try
        {
            return [key.Label, .. KeyEvaluator.Evaluate(key, Now).Findings.Select(f => f.Message)];
        }
        catch (ArgumentException e)
        {
            return [e.Message];
        }
    }

    // Port, flags and a comma-separated Trusted IPs list, from text: "7496|1|192.168.1.50".
    private static string? Ibkr(byte[] bytes)
    {
        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        var port = parts.Length > 0 && int.TryParse(parts[0], out var p) ? p : bytes.Length;
        var flags = parts.Length > 1 && int.TryParse(parts[1], out var f) ? f : 0;
        var settings = new IbkrApiSettings
        {
            SocketPort = port,
            ReadOnlyApi = (flags & 1) != 0,
            LocalhostOnly = (flags & 2) != 0,
            Environment = (flags & 4) != 0 ? (ApiKeyEnvironment)(flags >> 3) : null,
            TrustedIps = parts.Length > 2 ? parts[2].Split(',') : null,
        };
        return Check(bytes, () => Keys(ApiKeyAdapters.FromIbkr(settings, "tws")), typeof(ArgumentException));
    }

    private static string? Otp(byte[] bytes) => Check(bytes, () =>
    {
        using var key = OtpKeyUri.Parse(Text(bytes));
        return [key.Issues.ToString()];
    }, typeof(FormatException));

    private static string? Signals(byte[] input, FailureSignal[] signals) => Check(input, () => Classifier.Diagnose(signals).Findings.Select(f => f.Message));

    private static string Text(byte[] bytes) => new(MemoryMarshal.Cast<byte, char>(bytes.AsSpan(0, bytes.Length & ~1)));

    private static readonly byte[] Interesting = [0x00, 0x01, 0x1B, 0x22, 0x2C, 0x2F, 0x30, 0x39, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xF4, 0xF8, 0xFE, 0xFF];

    private static readonly string[] TextTokens =
    [
        "\"", "{", "}", "[", "]", ",", ":", "/*", "*/", "//", "\n", "\\", "\\u", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u0000",
        "1e400", "-1e400", "1e-400", "-0", "99999999999999999999", "3.5", "null", "true", "false", "\"\"", "\" \"", "{}", "[]",
        "\"asOf\": \"2030-01-01T00:00:00Z\",", "\"created\": \"2099-01-01T00:00:00Z\",", "\"label\": \"x\",", "\"enableWithdrawals\": true,",
        "\"apiKeys\": [],", "\"ApiKeys\": [],", "\"trustedIps\": [\"0.0.0.0\"],", "\u001b]0;x\u0007", "\u202e", "\r\n", "\ufeff",
        new string('[', 70), new string('{', 3), "%", "%00", "%ZZ", "&", "=", "?", "secret=", "&secret=", "&digits=", "&algorithm=",
        "Error 1100, reqId -1: ", "HTTP 503 ", "errorCode=", "auth/status", "\"fail\":", "\"error\": [\"EAPI:Invalid key\"],",
    ];

    private static readonly byte[][] Utf8Tokens =
    [
        .. TextTokens.Select(Encoding.UTF8.GetBytes),
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x00],
    ];

    private static readonly byte[][] Utf16Tokens =
    [
        .. TextTokens.Select(Encoding.Unicode.GetBytes),
        [0x00, 0xD8], [0x00, 0xDC], [0xFF, 0xFF], [0x00, 0x00],
    ];

    private static readonly string[] PlantedForms = [Secret, $"apiKey={ShortSecret}", $"\"secret\": \"{ShortSecret}\"", $"token {Secret}"];

    private static readonly byte[][] ShortSecretBytes = [Encoding.UTF8.GetBytes(ShortSecret), Encoding.Unicode.GetBytes(ShortSecret)];

    // Occurrences of part; intact ones only when the first character is not the last digit of a \uXXXX escape
    // (then the text a reader sees no longer holds the name, so the value is not recognisable as a secret).
    private static int Count(byte[] input, byte[] part, bool intact = false)
    {
        var count = 0;
        for (var at = 0; input.AsSpan(at).IndexOf(part) is var i and >= 0; at += i + 1)
        {
            count += intact && EndsEscape(input, at + i) ? 0 : 1;
        }

        return count;
    }

    private static bool EndsEscape(byte[] input, int index)
    {
        foreach (var width in (int[])[1, 2])
        {
            var start = index - (5 * width);
            if (start >= 0 && input[start] == '\\' && input[start + width] == 'u'
                && Enumerable.Range(2, 3).All(k => char.IsAsciiHexDigit((char)input[start + (k * width)])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly byte[][] NamedForms =
        [.. PlantedForms[1..3].SelectMany(f => new[] { Encoding.UTF8.GetBytes(f), Encoding.Unicode.GetBytes(f) })];

    private static byte[][] Planted(bool utf16)
    {
        var forms = PlantedForms;
        var encoding = utf16 ? Encoding.Unicode : Encoding.UTF8;
        return [.. forms.Select(encoding.GetBytes)];
    }

    private static byte[][] Utf8(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];

    private static byte[][] Utf16(params string[] texts) => [.. texts.Select(Encoding.Unicode.GetBytes)];

    private static byte[][] PostureSeeds() =>
    [
        File.ReadAllBytes(RepoPaths.File("samples", "posture.example.json")),
        .. Utf8(
            """{"asOf": "2026-11-20T00:00:00Z", "apiKeys": [{"kraken": """ + KrakenSeed + """, "usage": {"observedSince": "2026-01-01T00:00:00Z", "lastUse": {"Read": "2026-11-01T00:00:00Z"}}}]}""",
            $$"""{"apiKeys": [{"label": "cb", "coinbase": {{CoinbaseSeed}}, "created": "2025-01-01T00:00:00Z", "rotated": "2026-01-01T00:00:00Z"}, {"label": "g", "grants": ["Read", "Withdraw"], "ipAllowList": ["0.0.0.0/0", "203.0.113.0/28"], "environment": "Paper"}]}""",
            """{"asOf": "2026-11-20T00:00:00Z", "secondFactors": {"domains": [{"name": "phone", "kind": "Device"}, {"name": "fob", "kind": "Device"}], "authenticators": [{"label": "app", "kind": "AuthenticatorApp", "domains": ["phone"], "otp": {"type": "totp", "algorithm": "SHA256", "digits": 8, "periodSeconds": 90, "secretBits": 80}}, {"label": "fob", "kind": "HardwareOtp", "domains": ["fob"], "otp": {"type": "hotp", "secretBits": 160}}]}}""",
            """{"asOf": "2026-11-20T00:00:00Z", "apiKeys": [{"label": "tws", "ibkr": {"readOnlyApi": false, "trustedIps": ["0.0.0.0", "::1"], "socketPort": 4001, "environment": "Live"}}], "signals": [{"clientPortalStatus": {"iserver": {"authStatus": {"authenticated": false}}}}, {"source": "Http", "httpStatus": 401, "message": "token expired"}]}"""),
    ];

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private const string BinanceSeed = """{"ipRestrict": false, "createTime": 1698796800000, "enableReading": true, "enableWithdrawals": true, "enableInternalTransfer": false, "enableMargin": false, "enableFutures": false, "permitsUniversalTransfer": false, "enableVanillaOptions": false, "enableSpotAndMarginTrading": true, "enablePortfolioMarginTrading": false, "tradingAuthorityExpirationTime": 1628985600000}""";

    private const string KrakenSeed = """{"api_key_name": "grid-bot", "ip_allowlist": ["203.0.113.7", "2001:db8:1:2::/64"], "nonce_window": 1, "permissions": {"export_data": false, "funds_add": false, "funds_earn": false, "funds_query": true, "funds_withdraw": false, "ledger_query": true, "trades_close": true, "trades_modify": true, "trades_query_closed": true, "trades_query_open": true}, "valid_until": 1798761600, "created_time": 1767225600, "last_used": 0}""";

    private const string CoinbaseSeed = """{"can_view": true, "can_trade": true, "can_transfer": false, "portfolio_uuid": "8bfc20d7-f7c6-4422-bf07-8243ca4169fe", "portfolio_type": "DEFAULT"}""";
}
