using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Otp;
using LoginPosture.Posture;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    /// <summary>
    /// Failure signals as tools see them, one per layer and source at least: TWS codes with their messages (162 and 200
    /// reused across layers), order rejects, gateway texts, HTTP statuses, decorated log lines, a Client Portal status
    /// body, an informational farm message, and a signal with neither code nor message.
    /// </summary>
    public static readonly ImmutableArray<FailureSignal> Signals =
    [
        FailureSignal.FromTws(1100, "Connectivity between IB and Trader Workstation has been lost."),
        FailureSignal.FromTws(326, "Unable to connect as the client id is already in use. Retry with a unique client id."),
        FailureSignal.FromTws(354, "Requested market data is not subscribed."),
        FailureSignal.FromTws(162, "Historical Market Data Service error message:Historical data request pacing violation"),
        FailureSignal.FromTws(162, "Historical Market Data Service error message:No market data permissions for NYSE STK"),
        FailureSignal.FromTws(200, "No security definition has been found for the request"),
        FailureSignal.FromTws(2104, "Market data farm connection is OK:usfarm"),
        FailureSignal.FromTws(460, "Trading permission is not granted for this product."),
        FailureSignal.FromOrderReject("Order rejected - reason:The account is not a brokerage account."),
        FailureSignal.FromGateway("Invalid username or password"),
        FailureSignal.FromGateway("Too many failed login attempts"),
        FailureSignal.FromHttp(401),
        FailureSignal.FromHttp(503, "Service Unavailable"),
        FailureSignal.FromLogLine("2026-11-20 13:58:40,902 ERROR Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost."),
        FailureSignal.FromLogLine("2026-11-20 14:02:09,540 ERROR Error 354, reqId 3: Requested market data is not subscribed."),
        .. FailureSignal.FromClientPortalStatus("""{ "authenticated": false, "competing": true, "connected": true, "message": "" }"""),
        new FailureSignal(SignalSource.Tws, null, null),
    ];

    /// <summary>
    /// Failure signals: the realistic ones in <see cref="Signals"/> half the time; otherwise a TWS error written as a
    /// gateway or TWS log line, decorated the way real logs drift (timestamp or none, INFO/WARN/ERROR, a <c>reqId</c>
    /// prefix or none, surrounding whitespace), or a TWS code with no message at all.
    /// </summary>
    public static readonly Gen<FailureSignal> FailureSignalGen = Gen.Frequency(
        (2, Gen.Elements(Signals.ToArray())),
        (2,
            from tws in Gen.Elements(Signals.Where(s => s.Source == SignalSource.Tws && s.Code is not null && s.Message is not null).ToArray())
            from stamp in Gen.Elements("", "2026-11-20 13:58:40,902 ", "20261120 13:58:40 ")
            from level in Gen.Elements("INFO ", "WARN ", "ERROR ", "")
            from reqId in Gen.Elements("", "reqId -1: ", "reqId 3: ", "id=17, ")
            from padding in Gen.Elements("", " ", "\t")
            select FailureSignal.FromLogLine($"{padding}{stamp}{level}Error {tws.Code}, {reqId}{tws.Message}{padding}")),
        (1, Gen.Choose(100, 10_300).Select(code => FailureSignal.FromTws(code, null))));

    /// <summary>Failure signals (see <see cref="FailureSignalGen"/>), shrinking to the plain TWS signal a log line carries.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<FailureSignal> FailureSignals() => Arb.From(FailureSignalGen, ShrinkSignal);

    private static IEnumerable<FailureSignal> ShrinkSignal(FailureSignal signal)
    {
        if (signal.Source == SignalSource.Log && signal.Code is { } code)
        {
            var plain = Signals.FirstOrDefault(s => s.Source == SignalSource.Tws && s.Code == code && s.Message is not null && (signal.Message ?? "").Contains(s.Message, StringComparison.Ordinal));
            if (plain.Message is not null)
            {
                yield return plain;
            }
        }
    }

    /// <summary>
    /// Whole snapshots: second factors or none (half of their OTP authenticators with an enrolment), zero to four API keys, zero to five named session checks and any
    /// ordered selection of <see cref="Signals"/>, as of <see cref="AsOf"/> (a snapshot without an instant would read the clock).
    /// </summary>
    public static readonly Gen<PostureSnapshot> SnapshotGen = Gen.Choose(0, int.MaxValue).Select(seed => DrawSnapshot(new Random(seed)));

    private static readonly string?[] Accounts = [null, "U7654321"];

    private static PostureSnapshot DrawSnapshot(Random r)
    {
        var account = r.Element(Accounts);
        var factors = r.Next(4) == 0 ? null : DrawSet(r);
        var keys = new ApiKeyDescriptor[r.Choose(0, 4)];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = DrawKey(r);
        }

        var checks = new SessionCheck[r.Choose(0, 5)];
        for (var i = 0; i < checks.Length; i++)
        {
            checks[i] = new SessionCheck($"check {i}", DrawOperation(r), DrawSession(r));
        }

        // Any subset of the realistic signals, in any order.
        var signals = Signals.Where(_ => r.Next(2) == 0).ToArray();
        r.Shuffle(signals);

        // Drawn last, from a stream of their own, so that the draws above are those of earlier versions.
        var otp = DrawEnrolments(new Random(r.Next()), factors);
        return new PostureSnapshot
        {
            OtpEnrolments = otp,
            Account = account,
            AsOf = AsOf,
            SecondFactors = factors,
            ApiKeys = [.. keys],
            SessionChecks = [.. checks],
            Signals = [.. signals],
        };
    }

    // Half of the authenticator apps and hardware OTP devices carry an enrolment, with parameters on every threshold.
    private static ImmutableDictionary<string, OtpEnrolment> DrawEnrolments(Random r, LoginPosture.SecondFactors.SecondFactorSet? factors)
    {
        var enrolments = ImmutableDictionary.CreateBuilder<string, OtpEnrolment>(StringComparer.Ordinal);
        foreach (var a in factors?.Authenticators ?? [])
        {
            if (a.Kind is AuthenticatorKind.AuthenticatorApp or AuthenticatorKind.HardwareOtp && r.Next(2) == 0)
            {
                var type = r.Next(4) == 0 ? OtpKeyType.Hotp : OtpKeyType.Totp;
                var algorithm = r.Element([OtpAlgorithm.Sha1, OtpAlgorithm.Sha1, OtpAlgorithm.Sha256, OtpAlgorithm.Sha512]);
                var digits = r.Element([4, 5, 6, 6, 6, 7, 8, 9, 10]);
                var seconds = r.Element([15, 30, 30, 30, 60, 61, 90, 120, 121, 300]);
                var bits = r.Element([80, 120, 128, 152, 160, 160, 256, 512]);
                enrolments[a.Label] = new OtpEnrolment(type, algorithm, digits, TimeSpan.FromSeconds(seconds), bits);
            }
        }

        return enrolments.ToImmutable();
    }

    /// <summary>Snapshots (see <see cref="SnapshotGen"/>), shrinking by dropping a part (the factors with their OTP enrolments, an enrolment, a key, a check or a signal) or simplifying a key.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PostureSnapshot> Snapshots() => Arb.From(SnapshotGen, ShrinkSnapshot);

    /// <summary>The snapshot as one line, for counterexamples.</summary>
    /// <param name="s">The snapshot.</param>
    /// <returns>Its parts.</returns>
    public static string Describe(PostureSnapshot s) =>
        $"as of {s.AsOf:O}; factors: {(s.SecondFactors is { } f ? Describe(f) : "none")}; keys: {string.Join(" | ", s.ApiKeys.Select(Describe))}; "
        + $"checks: {string.Join(" | ", s.SessionChecks.Select(c => $"{c.Name}: {c.Operation} {c.Session}"))}; signals: {string.Join(" | ", s.Signals)}; "
        + $"otp: {string.Join(" | ", s.OtpEnrolments.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"))}";

    private static IEnumerable<PostureSnapshot> ShrinkSnapshot(PostureSnapshot s)
    {
        if (s.SecondFactors is not null)
        {
            yield return With(s, factors: null);
        }

        foreach (var label in s.OtpEnrolments.Keys.Order(StringComparer.Ordinal))
        {
            yield return With(s, otp: s.OtpEnrolments.Remove(label));
        }

        for (var i = 0; i < s.ApiKeys.Length; i++)
        {
            yield return With(s, keys: s.ApiKeys.RemoveAt(i));
        }

        for (var i = 0; i < s.ApiKeys.Length; i++)
        {
            foreach (var simpler in ShrinkKey(s.ApiKeys[i]))
            {
                yield return With(s, keys: s.ApiKeys.SetItem(i, simpler));
            }
        }

        for (var i = 0; i < s.SessionChecks.Length; i++)
        {
            yield return With(s, checks: s.SessionChecks.RemoveAt(i));
        }

        for (var i = 0; i < s.Signals.Length; i++)
        {
            yield return With(s, signals: s.Signals.RemoveAt(i));
        }
    }

    // PostureSnapshot has init-only properties but no value equality or with-expression; copy what is not replaced.
    private static PostureSnapshot With(
        PostureSnapshot s,
        Optional<LoginPosture.SecondFactors.SecondFactorSet?> factors = default,
        ImmutableArray<ApiKeyDescriptor>? keys = null,
        ImmutableArray<SessionCheck>? checks = null,
        ImmutableArray<FailureSignal>? signals = null,
        ImmutableDictionary<string, OtpEnrolment>? otp = null) => new()
    {
        Account = s.Account,
        AsOf = s.AsOf,
        SecondFactors = factors.HasValue ? factors.Value : s.SecondFactors,
        ApiKeys = keys ?? s.ApiKeys,
        SessionChecks = checks ?? s.SessionChecks,
        Signals = signals ?? s.Signals,
        OtpEnrolments = factors is { HasValue: true, Value: null } ? ImmutableDictionary<string, OtpEnrolment>.Empty : otp ?? s.OtpEnrolments,
    };

    private readonly struct Optional<T>(T value)
    {
        public bool HasValue { get; } = true;

        public T Value { get; } = value;

        public static implicit operator Optional<T>(T value) => new(value);
    }
}
