using BenchmarkDotNet.Attributes;
using LoginPosture.SecondFactors;

namespace LoginPosture.Benchmarks;

/// <summary>Scoring a realistic account: 8 authenticators over 6 failure domains (target ≤ 1 µs).</summary>
[MemoryDiagnoser]
public class SecondFactorBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SecondFactorScorer _scorer = new(new SecondFactorOptions());
    private SecondFactorSet _account = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rehearsed = Now.AddDays(-40);
        _account = new SecondFactorSet(
            [
                new FailureDomain("phone", FailureDomainKind.Device),
                new FailureDomain("laptop", FailureDomainKind.Device),
                new FailureDomain("keyring", FailureDomainKind.Device),
                new FailureDomain("number", FailureDomainKind.PhoneNumber),
                new FailureDomain("icloud", FailureDomainKind.SyncAccount),
                new FailureDomain("safe", FailureDomainKind.OfflinePlace),
            ],
            [
                new Authenticator("IBKR Mobile", AuthenticatorKind.PushWithNumberMatching, ["phone"], rehearsed),
                new Authenticator("Authenticator app", AuthenticatorKind.AuthenticatorApp, ["phone"], rehearsed),
                new Authenticator("YubiKey", AuthenticatorKind.SecurityKey, ["keyring"], rehearsed),
                new Authenticator("Spare YubiKey", AuthenticatorKind.SecurityKey, ["safe"]),
                new Authenticator("Phone passkey", AuthenticatorKind.SyncedPasskey, ["icloud", "phone"], rehearsed),
                new Authenticator("Laptop passkey", AuthenticatorKind.SyncedPasskey, ["icloud", "laptop"], rehearsed),
                new Authenticator("SMS", AuthenticatorKind.Sms, ["number"], Now.AddYears(-2)),
                new Authenticator("Recovery codes", AuthenticatorKind.RecoveryCodes, ["safe"]),
            ]);
    }

    /// <summary>The scored numbers a caller reads first: score, grade, resilience, weakest targeted path.</summary>
    [Benchmark(Baseline = true)]
    public int Score()
    {
        var report = _scorer.Score(_account, Now);
        return report.Score + (int)report.Grade + report.LockoutResilience + report.Weakest(AttackClass.TargetedPhishing).BlockRate;
    }

    /// <summary>The same plus rendering every finding's text, which the report defers until asked.</summary>
    [Benchmark]
    public int ScoreWithFindings() => _scorer.Score(_account, Now).Findings.Count;
}
