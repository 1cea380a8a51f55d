using LoginPosture;
using LoginPosture.Samples.Hosting;
using LoginPosture.Tiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// LoginPosture inside a generic host: options bound from appsettings.json (and any other configuration source, such
// as the command line), validated when the host starts. A bad setting stops startup with every error listed:
//
//   dotnet run --project samples/LoginPosture.Samples.Hosting -- --LoginPosture:Tiers:CriticalMaxFactorAge=2.00:00:00
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// The configuration binder ignores keys it does not know and stops at the first value it cannot convert: check the
// section first, so that a misspelt setting or a malformed rule element stops startup with every problem listed.
var section = builder.Configuration.GetSection(LoginPostureOptions.SectionName);
var errors = StrictConfiguration.Check(section, typeof(LoginPostureOptions));
if (errors.Count > 0)
{
    return Invalid(errors);
}

builder.Services.AddOptions<LoginPostureOptions>().Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
builder.Services.AddLoginPosture();

using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (OptionsValidationException error)
{
    return Invalid(error.Failures.Select(failure => $"{LoginPostureOptions.SectionName}:{failure}"));
}

var policy = host.Services.GetRequiredService<TierPolicy>();
var session = new SessionContext
{
    Platform = ClientPlatform.Desktop,
    Factor = AuthenticatorKind.AuthenticatorApp,
    AuthenticatedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
    TrustedNetwork = true,
    IdleTimeout = TimeSpan.FromMinutes(10),
};
var decision = policy.Evaluate(new Operation(OperationKind.Order, 30_000m), session);
Console.WriteLine($"Order of 30,000 from the desktop with an authenticator app: tier {(int)decision.Tier}, {decision.Verdict}.");
if (decision.Verdict == TierVerdict.StepUp)
{
    Console.WriteLine($"WWW-Authenticate: {decision.ToStepUpChallenge()}");
}

await host.StopAsync();
return 0;

static int Invalid(IEnumerable<string> errors)
{
    Console.Error.WriteLine($"LoginPosture settings in section '{LoginPostureOptions.SectionName}' are invalid; startup stopped:");
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"  - {error}");
    }

    return 2;
}
