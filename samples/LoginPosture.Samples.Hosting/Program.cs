using LoginPosture;
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
builder.Services.AddOptions<LoginPostureOptions>().Bind(builder.Configuration.GetSection(LoginPostureOptions.SectionName));
builder.Services.AddLoginPosture();

using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (OptionsValidationException error)
{
    Console.Error.WriteLine($"LoginPosture settings in section '{LoginPostureOptions.SectionName}' are invalid; startup stopped:");
    foreach (var failure in error.Failures)
    {
        Console.Error.WriteLine($"  - {LoginPostureOptions.SectionName}:{failure}");
    }

    return 2;
}
catch (InvalidOperationException error) when (error.InnerException is FormatException format)
{
    // The configuration binder could not convert a value (an unknown enum name, a malformed duration).
    Console.Error.WriteLine($"{error.Message} {format.Message} Fix the value in appsettings.json or on the command line.");
    return 2;
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
