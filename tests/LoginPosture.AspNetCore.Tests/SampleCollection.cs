using System.Net;
using System.Text.Json;

namespace LoginPosture.AspNetCore.Tests;

[CollectionDefinition(Name)]
public sealed class SampleCollection : ICollectionFixture<SampleApp>
{
    public const string Name = "WebApi sample";
}

/// <summary>Reads a 403 answer as RFC 9457 problem details.</summary>
internal static class Problem
{
    public static async Task<string[]> UnmetAsync(HttpResponseMessage response, params string[] mustNotContain)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Headers.WwwAuthenticate);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var secret in mustNotContain)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(403, root.GetProperty("status").GetInt32());
        Assert.Equal("urn:loginposture:problem:operation-denied", root.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        var unmet = root.GetProperty("unmet").EnumerateArray().ToArray();
        Assert.NotEmpty(unmet);
        Assert.All(unmet, u => Assert.False(string.IsNullOrWhiteSpace(u.GetProperty("fix").GetString())));
        return [.. unmet.Select(u => u.GetProperty("requirement").GetString()!)];
    }
}
