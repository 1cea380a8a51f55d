using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LoginPosture.Analyzers;

/// <summary>The one catalog of LoginPosture diagnostics; every rule's descriptor is defined here and nowhere else.</summary>
public static class Descriptors
{
    /// <summary>The category every LoginPosture rule belongs to.</summary>
    public const string SecurityCategory = "Security";

    private const string HelpRoot = "https://github.com/loginposture/loginposture/blob/main/docs/rules/";

    /// <summary>LP0001: a hardcoded secret assigned, passed, returned or compared to a secret-named target.</summary>
    public static readonly DiagnosticDescriptor LP0001_SecretNamedTarget = Create(
        RuleIds.SecretNamedTarget,
        "Hardcoded secret in a secret-named target",
        "'{0}' is given a hardcoded secret; read it at run time from the environment, configuration or a secret store",
        "A string constant reaches a field, property, variable, parameter, argument, dictionary entry or comparison whose name says it holds a password, API key, token or other secret. Anyone who can read the source or the compiled assembly gets the same permissions as the key.");

    /// <summary>LP0002: a string holds a credential in a provider's published format.</summary>
    public static readonly DiagnosticDescriptor LP0002_KnownCredentialFormat = Create(
        RuleIds.KnownCredentialFormat,
        "Hardcoded credential in a known format",
        "This string looks like a credential ({0}); revoke it and load the replacement at run time",
        "The string matches the published shape of a provider credential (AWS, GitHub, Slack, Stripe, Google, SendGrid, Telegram, OpenAI, JWT, PEM private key, Azure keys, connection strings or URLs with a password). Treat it as leaked: revoke it, then read the new one at run time.");

    /// <summary>LP0003: a hardcoded value reaches an API that consumes a credential.</summary>
    public static readonly DiagnosticDescriptor LP0003_CredentialSink = Create(
        RuleIds.CredentialSink,
        "Hardcoded value passed to a credential API",
        "The {0} is a hardcoded value; pass a credential read at run time",
        "A string constant is passed where an API expects a credential: NetworkCredential, Authorization and API-key headers, AuthenticationHeaderValue, HMAC keys, password-based key derivation, secret environment variables or Otp.NET seeds. Whatever the variable is called, the credential ends up in the source.");

    /// <summary>Every descriptor, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        ImmutableArray.Create(LP0001_SecretNamedTarget, LP0002_KnownCredentialFormat, LP0003_CredentialSink);

    /// <summary>The help page of a rule: docs/rules/{id}.md in the repository.</summary>
    public static string HelpLink(string id) => HelpRoot + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string message, string description) =>
        new(id, title, message, SecurityCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, description,
            HelpLink(id), WellKnownDiagnosticTags.Telemetry);
}
