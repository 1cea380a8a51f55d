using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LoginPosture.Analyzers.Internal;

/// <summary>
/// APIs that consume a credential, matched by metadata name (resolved at most once per compilation, on first need). A
/// type the compilation does not reference never matches (Otp.NET is matched this way without a package reference).
/// </summary>
internal sealed class CredentialSinks
{
    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "X-API-KEY", "X-APIKEY", "API-KEY", "APIKEY", "X-API-SECRET",
        "X-API-TOKEN", "X-AUTH-TOKEN", "X-ACCESS-TOKEN", "X-MBX-APIKEY", "APCA-API-SECRET-KEY", "OK-ACCESS-KEY",
        "OK-ACCESS-PASSPHRASE", "CB-ACCESS-KEY", "CB-ACCESS-PASSPHRASE", "X-BAPI-API-KEY", "KC-API-KEY",
        "KC-API-PASSPHRASE", "API-Secret", "X-COINAPI-KEY", "X-Finnhub-Token", "Ocp-Apim-Subscription-Key",
        "X-Functions-Key", "X-Goog-Api-Key", "PRIVATE-TOKEN", "X-Vault-Token", "X-Shopify-Access-Token",
        "X-CMC_PRO_API_KEY", "X-Gemini-APIKey", "X-Kraken-API-Key", "X-Bitmex-Api-Key", "X-IBKR-Token",
    };

    /// <summary>Invocation or creation names that may reach a sink; a cheap syntactic gate before the semantic model.</summary>
    private static readonly HashSet<string> CandidateNames = new(StringComparer.Ordinal)
    {
        "NetworkCredential", "AuthenticationHeaderValue", "HMACSHA1", "HMACSHA256", "HMACSHA384", "HMACSHA512",
        "HMACMD5", "HMACSHA3_256", "HMACSHA3_384", "HMACSHA3_512", "HashData", "TryHashData", "CreateHMAC",
        "SetEnvironmentVariable", "Totp", "Hotp", "ToBytes", "PasswordDeriveBytes", "Rfc2898DeriveBytes", "Pbkdf2",
        "ApiCredentials", "SecretKey",
    };

    private readonly SinkType networkCredential;
    private readonly SinkType authenticationHeaderValue;
    private readonly SinkType hmac;
    private readonly SinkType keyedHashAlgorithm;
    private readonly SinkType symmetricAlgorithm;
    private readonly SinkType incrementalHash;
    private readonly SinkType environment;
    private readonly SinkType uriBuilder;
    private readonly SinkType passwordDeriveBytes;
    private readonly SinkType rfc2898DeriveBytes;
    private readonly SinkType totp;
    private readonly SinkType hotp;
    private readonly SinkType base32Encoding;
    private readonly SinkType exchangeApiCredentials;
    private readonly SinkType alpacaSecretKey;

    private CredentialSinks(Compilation compilation)
    {
        networkCredential = new(compilation, "System.Net.NetworkCredential");
        authenticationHeaderValue = new(compilation, "System.Net.Http.Headers.AuthenticationHeaderValue");
        hmac = new(compilation, "System.Security.Cryptography.HMAC");
        keyedHashAlgorithm = new(compilation, "System.Security.Cryptography.KeyedHashAlgorithm");
        symmetricAlgorithm = new(compilation, "System.Security.Cryptography.SymmetricAlgorithm");
        incrementalHash = new(compilation, "System.Security.Cryptography.IncrementalHash");
        environment = new(compilation, "System.Environment");
        uriBuilder = new(compilation, "System.UriBuilder");
        passwordDeriveBytes = new(compilation, "System.Security.Cryptography.PasswordDeriveBytes");
        rfc2898DeriveBytes = new(compilation, "System.Security.Cryptography.Rfc2898DeriveBytes");
        totp = new(compilation, "OtpNet.Totp");
        hotp = new(compilation, "OtpNet.Hotp");
        base32Encoding = new(compilation, "OtpNet.Base32Encoding");

        // Trading SDKs: CryptoExchange.Net (Binance.Net, Kraken.Net, Bybit.Net, Kucoin.Net...) and Alpaca.Markets.
        exchangeApiCredentials = new(compilation, "CryptoExchange.Net.Authentication.ApiCredentials");
        alpacaSecretKey = new(compilation, "Alpaca.Markets.SecretKey");
    }

    public static CredentialSinks Create(Compilation compilation) => new(compilation);

    /// <summary>Is this an HTTP header that carries a credential (Authorization, X-MBX-APIKEY, ...)?</summary>
    public static bool IsCredentialHeader(string name) => CredentialHeaders.Contains(name);

    /// <summary>Could a call or creation with this simple name reach a sink? Purely syntactic.</summary>
    public static bool IsCandidateName(string? name) => name is not null && CandidateNames.Contains(name);

    /// <summary>Does the property assigned here consume a credential (NetworkCredential.Password, HMAC.Key...)?</summary>
    public string? MatchProperty(IPropertySymbol property)
    {
        var type = property.ContainingType;
        switch (property.Name)
        {
            case "Password" when Is(type, networkCredential):
                return "NetworkCredential.Password";
            case "Password" when Is(type, uriBuilder):
                return "UriBuilder.Password";
            case "Key" when InheritsFrom(type, keyedHashAlgorithm):
                return "HMAC key";
            case "Key" when InheritsFrom(type, symmetricAlgorithm):
                return "symmetric encryption key";
            default:
                return null;
        }
    }

    /// <summary>Does this parameter consume a credential? Returns a short description of the sink, or null.</summary>
    public string? MatchParameter(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return null;
        }

        var type = method.ContainingType;
        var name = parameter.Name;
        if (Is(type, networkCredential) && method.MethodKind == MethodKind.Constructor && name == "password")
        {
            return "NetworkCredential password";
        }

        if (Is(type, authenticationHeaderValue) && method.MethodKind == MethodKind.Constructor && name == "parameter")
        {
            return "AuthenticationHeaderValue credentials";
        }

        if (name == "key" && (InheritsFrom(type, hmac) || Is(type, incrementalHash)))
        {
            return "HMAC key";
        }

        if ((name is "password" or "strPassword") && (Is(type, passwordDeriveBytes) || Is(type, rfc2898DeriveBytes)))
        {
            return "password-based key derivation";
        }

        if ((Is(type, totp) || Is(type, hotp)) && method.MethodKind == MethodKind.Constructor && parameter.Ordinal == 0)
        {
            return "Otp.NET one-time-password seed";
        }

        if (InheritsFrom(type, exchangeApiCredentials) && method.MethodKind == MethodKind.Constructor && parameter.Type.SpecialType == SpecialType.System_String)
        {
            return "exchange API credentials (" + name + ")";
        }

        if (Is(type, alpacaSecretKey) && method.MethodKind == MethodKind.Constructor && name != "keyId")
        {
            return "Alpaca secret key";
        }

        if (Is(type, base32Encoding) && method.Name == "ToBytes")
        {
            return "Otp.NET Base32 seed";
        }

        return null;
    }

    /// <summary>Is this method <c>Environment.SetEnvironmentVariable</c>?</summary>
    public bool IsSetEnvironmentVariable(IMethodSymbol method) =>
        method.Name == "SetEnvironmentVariable" && Is(method.ContainingType, environment);

    private static bool Is(INamedTypeSymbol? type, SinkType sink) => sink.Matches(type?.OriginalDefinition);

    private static bool InheritsFrom(INamedTypeSymbol? type, SinkType sink)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (sink.Matches(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A sink type, resolved by metadata name only when a type of the same simple name shows up. Resolving every sink
    /// up front searched all referenced assemblies fifteen times per compilation, which in a build of a large code
    /// base cost more than all the analyzer's callbacks over string literals; most compilations never need one.
    /// </summary>
    private sealed class SinkType
    {
        private readonly string name;
        private readonly Lazy<INamedTypeSymbol?> symbol;

        public SinkType(Compilation compilation, string metadataName)
        {
            name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
            symbol = new Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName(metadataName));
        }

        public bool Matches(INamedTypeSymbol? type) =>
            type is not null && type.Name == name && symbol.Value is { } sink && SymbolEqualityComparer.Default.Equals(type, sink);
    }
}
