using LoginPosture;
using LoginPosture.Tiers;
using Microsoft.Extensions.DependencyInjection;

// The three-tier checklist applied to a trader's day: which operations may run from which session, and why not.
using var provider = new ServiceCollection()
    .AddLoginPosture(options => options.Tiers.LargeOrderNotional = 25_000m)
    .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var policy = provider.GetRequiredService<TierPolicy>();

var now = DateTimeOffset.UtcNow;
var desk = new SessionContext
{
    Platform = ClientPlatform.Desktop,
    Factor = AuthenticatorKind.HardwareOtp,
    AuthenticatedAt = now.AddMinutes(-2),
    TrustedNetwork = true,
    IdleTimeout = TimeSpan.FromMinutes(10),
};
var browser = desk with { Platform = ClientPlatform.Web, Factor = AuthenticatorKind.AuthenticatorApp, BrowserIsolation = true, AuthenticatedAt = now.AddHours(-1) };
var phone = desk with { Platform = ClientPlatform.Mobile, Factor = AuthenticatorKind.PushApproveOnly, PhoneIsOnlyFactor = true, TrustedNetwork = false, IdleTimeout = null };
var staleDesk = desk with { AuthenticatedAt = now.AddHours(-3) };

(string Name, SessionContext Session)[] sessions =
[
    ("desktop, DSC+ 2 min ago", desk),
    ("desktop, DSC+ 3 h ago", staleDesk),
    ("isolated browser, TOTP", browser),
    ("phone only, approve-only push", phone),
];
Operation[] operations =
[
    new(OperationKind.Withdrawal, 10_000m),
    new(OperationKind.Order, 80_000m),
    new(OperationKind.Order, 2_000m),
    new(OperationKind.PortfolioView),
];

Console.WriteLine($"{"session",-32} {"operation",-22} {"tier",-10} {"verdict",-7} unmet / step-up");
Console.WriteLine(new string('-', 110));
foreach (var (name, session) in sessions)
{
    foreach (var operation in operations)
    {
        var decision = policy.Evaluate(operation, session, now);
        var detail = decision.Verdict switch
        {
            TierVerdict.Allow => "",
            TierVerdict.StepUp => $"authenticate with {decision.RequiredStrength} within {decision.MaxAge}",
            _ => string.Join("; ", decision.Unmet.Enumerate()),
        };
        var label = operation.Notional > 0 ? $"{operation.Kind} {operation.Notional:N0}" : operation.Kind.ToString();
        Console.WriteLine($"{name,-32} {label,-22} {decision.Tier,-10} {decision.Verdict,-7} {detail}");
    }
}
