using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LoginPosture.AspNetCore;

/// <summary>
/// Turns the signed-in user's claims and the request's connection into the <see cref="SessionContext"/> the tier
/// policy decides on. Immutable after construction, safe to call from many threads, and allocation-free per call.
/// </summary>
/// <remarks>
/// The factor is the strongest one that any <c>amr</c> or <c>acr</c> value proves. Claims of unauthenticated
/// identities are ignored. A missing or malformed fact takes its configured default, never a more trusting value
/// than the claim could have given, and a missing, malformed or future <c>auth_time</c> reads as long ago.
/// </remarks>
public sealed class SessionClaimsMapper
{
    private const string MobileHintHeader = "Sec-CH-UA-Mobile";

    // The long claim types JWT handlers produce when they map inbound claims (MapInboundClaims = true).
    private const string MappedAmr = "http://schemas.microsoft.com/claims/authnmethodsreferences";
    private const string MappedAcr = "http://schemas.microsoft.com/claims/authnclassreference";

    private readonly FrozenDictionary<string, Fact> _facts;
    private readonly FrozenDictionary<string, AuthenticatorKind> _amr;
    private readonly FrozenDictionary<string, AuthenticatorKind> _acr;
    private readonly IPNetwork[] _trusted;
    private readonly bool _useClientHints;
    private readonly ClientPlatform _unknownPlatform;
    private readonly TimeSpan _allowedSkew;
    private readonly bool[] _whenMissing;

    /// <summary>Creates a mapper from validated options.</summary>
    /// <param name="options">The mapping; read once here and never again.</param>
    /// <param name="allowedClockSkew">How far in the future an <c>auth_time</c> may lie (the tier policy's <see cref="TierPolicyOptions.AllowedClockSkew"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">A setting is invalid; the exception lists every one.</exception>
    public SessionClaimsMapper(SessionClaimsOptions options, TimeSpan allowedClockSkew)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = SessionClaimsOptionsValidator.Collect(options);
        if (allowedClockSkew < TimeSpan.Zero)
        {
            errors.Add($"allowedClockSkew is {allowedClockSkew}; pass zero or a positive duration.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SessionClaimsOptions), errors);
        }

        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal)
        {
            [options.AmrClaim] = Fact.Amr,
            [options.AcrClaim] = Fact.Acr,
            [options.AuthTimeClaim] = Fact.AuthTime,
        };
        facts.TryAdd(MappedAmr, Fact.Amr);
        facts.TryAdd(MappedAcr, Fact.Acr);
        facts.TryAdd(ClaimTypes.AuthenticationInstant, Fact.AuthTime);
        Add(facts, options.PlatformClaim, Fact.Platform);
        Add(facts, options.IdleTimeoutClaim, Fact.IdleTimeout);
        _whenMissing = new bool[(int)Fact.SecondaryChannel + 1];
        Flag(facts, options.SavedCredentials, Fact.SavedCredentials);
        Flag(facts, options.BrowserIsolation, Fact.BrowserIsolation);
        Flag(facts, options.ApiKeysEnabled, Fact.ApiKeysEnabled);
        Flag(facts, options.WorkflowNeedsApiKeys, Fact.WorkflowNeedsApiKeys);
        Flag(facts, options.PhoneIsOnlyFactor, Fact.PhoneIsOnlyFactor);
        Flag(facts, options.SecondaryChannel, Fact.SecondaryChannel);
        _facts = facts.ToFrozenDictionary(StringComparer.Ordinal);
        _amr = AuthenticationMethods.AmrTable(options.AmrValues);
        _acr = AuthenticationMethods.AcrTable(options.AcrValues);
        _trusted = TrustedNetworks.ParseAll(options.TrustedNetworks);
        _useClientHints = options.UseClientHints;
        _unknownPlatform = options.UnknownPlatform;
        _allowedSkew = allowedClockSkew;
    }

    /// <summary>Maps the request's user, remote address (after forwarded headers) and client hint.</summary>
    /// <param name="context">The request.</param>
    /// <param name="now">The instant of the decision, for the <c>auth_time</c> plausibility check.</param>
    /// <returns>The session as the tier policy sees it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public SessionContext Map(HttpContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hint = _useClientHints && context.Request.Headers.TryGetValue(MobileHintHeader, out var values) ? values.ToString() : null;
        // The connection feature rather than HttpContext.Connection, whose wrapper a request creates on first use.
        return Map(context.User, context.Features.Get<IHttpConnectionFeature>()?.RemoteIpAddress, now, hint);
    }

    /// <summary>Maps a user, a remote address and an optional <c>Sec-CH-UA-Mobile</c> client hint.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="remoteAddress">The client's address after forwarded-headers handling; null when unknown (never trusted).</param>
    /// <param name="now">The instant of the decision, for the <c>auth_time</c> plausibility check.</param>
    /// <param name="mobileHint">The <c>Sec-CH-UA-Mobile</c> header value (<c>?1</c> or <c>?0</c>), or null.</param>
    /// <returns>The session as the tier policy sees it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is null.</exception>
    public SessionContext Map(ClaimsPrincipal user, IPAddress? remoteAddress, DateTimeOffset now, string? mobileHint = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var read = default(Reading);
        if (user.Identities is IList<ClaimsIdentity> identities)
        {
            for (var i = 0; i < identities.Count; i++)
            {
                ReadIdentity(identities[i], ref read);
            }
        }
        else
        {
            foreach (var identity in user.Identities)
            {
                ReadIdentity(identity, ref read);
            }
        }

        var authenticatedAt = read.AuthTime is { } at && at - now <= _allowedSkew ? at : DateTimeOffset.MinValue;
        return new SessionContext
        {
            Platform = read.Platform ?? HintedPlatform(mobileHint) ?? _unknownPlatform,
            Factor = read.Factor,
            AuthenticatedAt = authenticatedAt,
            TrustedNetwork = TrustedNetworks.Contains(_trusted, remoteAddress),
            IdleTimeout = read.IdleTimeout,
            SavedCredentials = read.Flag(Fact.SavedCredentials, _whenMissing),
            BrowserIsolation = read.Flag(Fact.BrowserIsolation, _whenMissing),
            ApiKeysEnabled = read.Flag(Fact.ApiKeysEnabled, _whenMissing),
            WorkflowNeedsApiKeys = read.Flag(Fact.WorkflowNeedsApiKeys, _whenMissing),
            PhoneIsOnlyFactor = read.Flag(Fact.PhoneIsOnlyFactor, _whenMissing),
            SecondaryChannel = read.Flag(Fact.SecondaryChannel, _whenMissing),
        };
    }

    private void ReadIdentity(ClaimsIdentity identity, ref Reading read)
    {
        if (!identity.IsAuthenticated)
        {
            return;
        }

        // ClaimsIdentity hands out its list when it holds no external claims: index it instead of enumerating.
        if (identity.Claims is IList<Claim> claims)
        {
            for (var i = 0; i < claims.Count; i++)
            {
                ReadClaim(claims[i], ref read);
            }
        }
        else
        {
            foreach (var claim in identity.Claims)
            {
                ReadClaim(claim, ref read);
            }
        }
    }

    private void ReadClaim(Claim claim, ref Reading read)
    {
        if (!_facts.TryGetValue(claim.Type, out var fact))
        {
            return;
        }

        var value = claim.Value;
        switch (fact)
        {
            case Fact.Amr when _amr.TryGetValue(value, out var kind):
                read.Factor = AuthenticationMethods.Stronger(read.Factor, kind);
                break;
            case Fact.Acr when _acr.TryGetValue(value, out var kind):
                read.Factor = AuthenticationMethods.Stronger(read.Factor, kind);
                break;
            case Fact.AuthTime when UnixTime(value) is { } at:
                // Two auth_time claims: the older one holds.
                read.AuthTime = read.AuthTime is { } held && held < at ? held : at;
                break;
            case Fact.Platform:
                read.Platform ??= Platform(value);
                break;
            case Fact.IdleTimeout when read.IdleTimeout is null:
                read.IdleTimeout = Seconds(value);
                break;
            case >= Fact.SavedCredentials:
                read.Set(fact, value);
                break;
        }
    }

    private static DateTimeOffset? UnixTime(string value)
    {
        // RFC 7519 NumericDate: seconds since the epoch, possibly with a fraction.
        const long Min = -62_135_596_800, Max = 253_402_300_799;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds is >= Min and <= Max ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }

        return double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var real)
            && real >= Min && real <= Max
            ? DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(real))
            : null;
    }

    private static TimeSpan? Seconds(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static ClientPlatform? Platform(string value) =>
        value.Equals("desktop", StringComparison.OrdinalIgnoreCase) ? ClientPlatform.Desktop
        : value.Equals("web", StringComparison.OrdinalIgnoreCase) ? ClientPlatform.Web
        : value.Equals("mobile", StringComparison.OrdinalIgnoreCase) ? ClientPlatform.Mobile
        : value.Equals("api", StringComparison.OrdinalIgnoreCase) ? ClientPlatform.Api
        : null;

    private static ClientPlatform? HintedPlatform(string? hint) => hint switch
    {
        "?1" => ClientPlatform.Mobile,
        "?0" => ClientPlatform.Web,
        _ => null,
    };

    private static void Add(Dictionary<string, Fact> facts, string? claim, Fact fact)
    {
        if (!string.IsNullOrEmpty(claim))
        {
            facts[claim] = fact;
        }
    }

    private void Flag(Dictionary<string, Fact> facts, ClaimFlag flag, Fact fact)
    {
        _whenMissing[(int)fact] = flag.WhenMissing;
        Add(facts, flag.Claim, fact);
    }

    private enum Fact
    {
        Amr,
        Acr,
        AuthTime,
        Platform,
        IdleTimeout,
        SavedCredentials,
        BrowserIsolation,
        ApiKeysEnabled,
        WorkflowNeedsApiKeys,
        PhoneIsOnlyFactor,
        SecondaryChannel,
    }

    // What the claims said; flags hold 0 (not seen), 1 (false) or 2 (true), two bits per fact.
    private struct Reading
    {
        public AuthenticatorKind? Factor;
        public DateTimeOffset? AuthTime;
        public ClientPlatform? Platform;
        public TimeSpan? IdleTimeout;
        private int _flags;

        public void Set(Fact fact, string value)
        {
            var shift = 2 * (int)fact;
            if (((_flags >> shift) & 3) != 0)
            {
                return; // the first claim of a fact holds
            }

            var parsed = value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" ? 2
                : value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0" ? 1
                : 0;
            _flags |= parsed << shift;
        }

        public readonly bool Flag(Fact fact, bool[] whenMissing) => ((_flags >> (2 * (int)fact)) & 3) switch
        {
            2 => true,
            1 => false,
            _ => whenMissing[(int)fact],
        };
    }
}
