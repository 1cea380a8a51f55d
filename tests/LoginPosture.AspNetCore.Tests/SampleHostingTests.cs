using System.Net;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.Hosting;

namespace LoginPosture.AspNetCore.Tests;

public sealed class SampleHostingTests
{
    [Fact]
    public async Task The_demo_token_endpoint_exists_only_in_development()
    {
        using var development = new SampleApp();
        using var production = new SampleApp().WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        using var minted = await development.CreateClient().GetAsync("/dev/token?amr=hwk");
        using var missing = await production.CreateClient().GetAsync("/dev/token?amr=hwk");

        Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        Assert.Equal(3, (await minted.Content.ReadAsStringAsync()).Split('.').Length);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void An_undefined_operation_kind_is_refused_when_the_endpoint_is_declared()
    {
        var error = Assert.Throws<ArgumentException>(() => new OperationRequirement((OperationKind)99));

        Assert.Equal("kind", error.ParamName);
        Assert.StartsWith("kind is 99, which is not a defined OperationKind value; use one of: Withdrawal,", error.Message, StringComparison.Ordinal);
    }
}
