using System.Globalization;
using LoginPosture.AspNetCore;
using LoginPosture.Samples.WebApi;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.Tokens;

// A brokerage API whose endpoints sit under the three-tier policy: the portfolio (tier 3), orders (tier 2, tier 1 at
// or above 50,000) and withdrawals (tier 1). Run it with `dotnet run --project samples/LoginPosture.Samples.WebApi`
// (Development, http://localhost:5080) and mint demo tokens at /dev/token; README.md shows the calls.
var builder = WebApplication.CreateBuilder(args);

// Bearer tokens need no data-protection keys, but authentication registers data protection, whose key ring would be
// written to the user's profile; keep it in memory, like the signing key.
builder.Services.Configure<KeyManagementOptions>(options => options.XmlRepository = new InMemoryXmlRepository());

var tokens = new DemoTokens();
builder.Services.AddSingleton(tokens);
builder.Services.AddAuthentication().AddJwtBearer(options =>
{
    // Keep the claim names the token carries (amr, acr, auth_time) instead of the long .NET claim types.
    options.MapInboundClaims = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = DemoTokens.Issuer,
        ValidAudience = DemoTokens.Audience,
        IssuerSigningKey = tokens.SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ClockSkew = TimeSpan.FromMinutes(1),
    };
});
builder.Services.AddLoginPostureAuthorization(builder.Configuration.GetSection(LoginPosture.LoginPostureOptions.SectionName));
builder.Services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedFor);
builder.Services.AddControllers();

var app = builder.Build();

// Forwarded headers first: the trusted-network check reads the client's address as the proxy reported it.
app.UseForwardedHeaders();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/portfolio", () => new Portfolio("U7654321", 182_450.17m, [new Position("AAPL", 120), new Position("VWCE", 850)]))
    .RequireOperation(OperationKind.PortfolioView);

app.MapPost("/orders", (string symbol, int quantity, decimal amount) =>
        Results.Accepted(value: new OrderAccepted(symbol, quantity, amount)))
    .RequireOperation(OperationKind.Order, notionalFrom: "amount");

app.MapPost("/withdrawals", (decimal amount) => Results.Accepted(value: new WithdrawalAccepted(amount)))
    .RequireOperation(OperationKind.Withdrawal, notional: ctx =>
        decimal.TryParse(ctx.Request.Query["amount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : -1m);

app.MapControllers();

if (app.Environment.IsDevelopment())
{
    // Development only: mint a signed demo token, e.g. /dev/token?amr=pwd&amr=hwk&saved=false&phoneOnly=false
    app.MapGet("/dev/token", (HttpRequest request, DemoTokens issuer) => issuer.IssueFor(request.Query));
}

app.Run();

internal sealed record Position(string Symbol, int Quantity);

internal sealed record Portfolio(string Account, decimal NetLiquidation, Position[] Positions);

internal sealed record OrderAccepted(string Symbol, int Quantity, decimal Amount);

internal sealed record WithdrawalAccepted(decimal Amount);

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
