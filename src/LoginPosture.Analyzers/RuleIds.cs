namespace LoginPosture.Analyzers;

/// <summary>The stable diagnostic ids of the LoginPosture analyzers. Never reuse or renumber an id.</summary>
public static class RuleIds
{
    /// <summary>A hardcoded secret reaches a target whose name says it holds a secret.</summary>
    public const string SecretNamedTarget = "LP0001";

    /// <summary>A string contains a credential in a provider's published format.</summary>
    public const string KnownCredentialFormat = "LP0002";

    /// <summary>A hardcoded value reaches an API that consumes a credential.</summary>
    public const string CredentialSink = "LP0003";
}
