using System.Net;
using LoginPosture.Tiers;
using Microsoft.Extensions.Options;

namespace LoginPosture.AspNetCore;

/// <summary>
/// Validates <see cref="SessionClaimsOptions"/> and reports every invalid setting at once, each message naming the
/// setting by its configuration path below <c>LoginPosture</c> (for example <c>Session:TrustedNetworks[1]</c>) and the fix.
/// </summary>
public sealed class SessionClaimsOptionsValidator : IValidateOptions<SessionClaimsOptions>
{
    private const string Prefix = SessionClaimsOptions.SectionName + ":";

    /// <summary>Validates a named instance of the options.</summary>
    /// <param name="name">The options name; every name is validated the same way.</param>
    /// <param name="options">The options to validate.</param>
    /// <returns>Success, or a failure listing every invalid setting.</returns>
    public ValidateOptionsResult Validate(string? name, SessionClaimsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static List<string> Collect(SessionClaimsOptions options)
    {
        var errors = new List<string>();
        var claims = new List<(string Setting, string Claim)>();
        Required(errors, claims, nameof(options.AmrClaim), options.AmrClaim, "amr");
        Required(errors, claims, nameof(options.AcrClaim), options.AcrClaim, "acr");
        Required(errors, claims, nameof(options.AuthTimeClaim), options.AuthTimeClaim, "auth_time");
        Optional(claims, nameof(options.PlatformClaim), options.PlatformClaim);
        Optional(claims, nameof(options.IdleTimeoutClaim), options.IdleTimeoutClaim);
        Flag(errors, claims, nameof(options.SavedCredentials), options.SavedCredentials);
        Flag(errors, claims, nameof(options.BrowserIsolation), options.BrowserIsolation);
        Flag(errors, claims, nameof(options.ApiKeysEnabled), options.ApiKeysEnabled);
        Flag(errors, claims, nameof(options.WorkflowNeedsApiKeys), options.WorkflowNeedsApiKeys);
        Flag(errors, claims, nameof(options.PhoneIsOnlyFactor), options.PhoneIsOnlyFactor);
        Flag(errors, claims, nameof(options.SecondaryChannel), options.SecondaryChannel);
        for (var i = 1; i < claims.Count; i++)
        {
            var first = claims.FindIndex(c => string.Equals(c.Claim, claims[i].Claim, StringComparison.Ordinal));
            if (first < i)
            {
                errors.Add($"{Prefix}{claims[i].Setting} reads claim '{claims[i].Claim}', which {claims[first].Setting} reads too; give each session fact its own claim.");
            }
        }

        Values(errors, nameof(options.AmrValues), options.AmrValues, "amr");
        Values(errors, nameof(options.AcrValues), options.AcrValues, "acr");
        if (!Enum.IsDefined(options.UnknownPlatform))
        {
            errors.Add($"{Prefix}{nameof(options.UnknownPlatform)} is {options.UnknownPlatform}, which is not a {nameof(ClientPlatform)}; use one of: {string.Join(", ", Enum.GetNames<ClientPlatform>())}.");
        }

        if (options.TrustedNetworks is null)
        {
            errors.Add($"{Prefix}{nameof(options.TrustedNetworks)} is null; remove the assignment or set an empty list.");
        }
        else
        {
            for (var i = 0; i < options.TrustedNetworks.Count; i++)
            {
                var text = options.TrustedNetworks[i];
                if (!TrustedNetworks.TryParse(text, out _))
                {
                    errors.Add($"{Prefix}{nameof(options.TrustedNetworks)}[{i}] is '{text}', which is not a network in CIDR notation with its host bits zero; write it like 10.0.0.0/8, 203.0.113.7/32 or 2001:db8::/32.");
                }
            }
        }

        return errors;
    }

    private static void Required(List<string> errors, List<(string, string)> claims, string setting, string? claim, string example)
    {
        if (string.IsNullOrWhiteSpace(claim))
        {
            errors.Add($"{Prefix}{setting} is empty; set the claim type to read, such as {example}.");
            return;
        }

        claims.Add((setting, claim));
    }

    private static void Optional(List<(string, string)> claims, string setting, string? claim)
    {
        if (!string.IsNullOrEmpty(claim))
        {
            claims.Add((setting, claim));
        }
    }

    private static void Flag(List<string> errors, List<(string, string)> claims, string setting, ClaimFlag? flag)
    {
        if (flag is null)
        {
            errors.Add($"{Prefix}{setting} is null; remove the assignment or set a new {nameof(ClaimFlag)}().");
            return;
        }

        Optional(claims, $"{setting}:{nameof(ClaimFlag.Claim)}", flag.Claim);
    }

    private static void Values(List<string> errors, string setting, Dictionary<string, AuthenticatorKind>? values, string claim)
    {
        if (values is null)
        {
            errors.Add($"{Prefix}{setting} is null; remove the assignment or set an empty dictionary.");
            return;
        }

        foreach (var (value, kind) in values.OrderBy(static v => v.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{Prefix}{setting} has an empty {claim} value; name the value the identity provider sends, or remove the entry.");
            }

            if (!Enum.IsDefined(kind))
            {
                errors.Add($"{Prefix}{setting}:{value} is {kind}, which is not a {nameof(AuthenticatorKind)}; use one of: {string.Join(", ", Enum.GetNames<AuthenticatorKind>())}.");
            }
        }
    }
}

/// <summary>Parses trusted networks; an IPv4 network also matches its IPv4-mapped IPv6 form (dual-stack sockets).</summary>
internal static class TrustedNetworks
{
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Split('/') is not [var address, _]
            || !IPAddress.TryParse(address, out var written) || !IPNetwork.TryParse(text.Trim(), out network))
        {
            return false;
        }

        // Newer runtimes accept host bits and clear them; a typo like 10.1.0.0/8 must not silently trust 10.0.0.0/8.
        return network.BaseAddress.Equals(written);
    }

    public static IPNetwork[] ParseAll(List<string> texts)
    {
        var networks = new List<IPNetwork>(texts.Count * 2);
        foreach (var text in texts)
        {
            if (!TryParse(text, out var network))
            {
                throw new ArgumentException($"{text} is not a network in CIDR notation; validate the options first.", nameof(texts));
            }

            networks.Add(network);
            if (network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            {
                networks.Add(new IPNetwork(network.BaseAddress.MapToIPv6(), network.PrefixLength + 96));
            }
        }

        return [.. networks];
    }

    public static bool Contains(IPNetwork[] networks, IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
