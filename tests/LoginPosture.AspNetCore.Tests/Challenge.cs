using System.Net;
using System.Text;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>
/// A <c>WWW-Authenticate</c> challenge parsed by RFC 9110 §11.2's grammar (auth-scheme, then comma-separated
/// auth-params <c>token BWS "=" BWS ( token / quoted-string )</c>), so the tests read the header the way a client would.
/// </summary>
internal sealed record Challenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public static Challenge Single(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var header = Assert.Single(response.Headers.WwwAuthenticate);
        return Parse(header.ToString());
    }

    public static Challenge Parse(string header)
    {
        var i = 0;
        var scheme = Token(header, ref i);
        Assert.False(string.IsNullOrEmpty(scheme), $"no auth-scheme in '{header}'");
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Skip(header, ref i, ' ');
        while (i < header.Length)
        {
            var name = Token(header, ref i);
            Assert.False(string.IsNullOrEmpty(name), $"expected an auth-param name at {i} in '{header}'");
            Skip(header, ref i, ' ');
            Assert.True(i < header.Length && header[i] == '=', $"expected '=' after {name} in '{header}'");
            i++;
            Skip(header, ref i, ' ');
            var value = i < header.Length && header[i] == '"' ? Quoted(header, ref i) : Token(header, ref i);
            Assert.True(parameters.TryAdd(name, value), $"auth-param {name} appears twice in '{header}'");
            Skip(header, ref i, ' ');
            if (i < header.Length)
            {
                Assert.True(header[i] == ',', $"expected ',' at {i} in '{header}'");
                i++;
                Skip(header, ref i, ' ');
            }
        }

        return new Challenge(scheme, parameters);
    }

    /// <summary>Checks the challenge against RFC 9470 §3 and returns its acr_values and max_age.</summary>
    public (string[] AcrValues, long MaxAge) AssertStepUp()
    {
        Assert.Equal("Bearer", Scheme, ignoreCase: true);
        Assert.Equal("insufficient_user_authentication", Parameters["error"]);
        // acr_values: space-separated authentication context class references, in preference order.
        var acr = Parameters["acr_values"].Split(' ');
        Assert.All(acr, value => Assert.Matches("^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$", value));
        // max_age: the allowable elapsed time in seconds since the last active authentication, a non-negative integer.
        Assert.Matches("^[0-9]+$", Parameters["max_age"]);
        return (acr, long.Parse(Parameters["max_age"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Token(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && IsTChar(s[i]))
        {
            i++;
        }

        return s[start..i];
    }

    private static string Quoted(string s, ref int i)
    {
        i++; // opening quote
        var value = new StringBuilder();
        while (i < s.Length && s[i] != '"')
        {
            if (s[i] == '\\')
            {
                i++;
            }

            value.Append(s[i]);
            i++;
        }

        Assert.True(i < s.Length, $"unterminated quoted-string in '{s}'");
        i++; // closing quote
        return value.ToString();
    }

    private static void Skip(string s, ref int i, char c)
    {
        while (i < s.Length && s[i] == c)
        {
            i++;
        }
    }

    private static bool IsTChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
