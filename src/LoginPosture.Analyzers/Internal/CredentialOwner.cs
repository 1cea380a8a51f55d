using Microsoft.CodeAnalysis;

namespace LoginPosture.Analyzers.Internal;

/// <summary>
/// Strengthens a weak target name by what owns it: <c>key</c> alone is mostly a lookup key, but the <c>key</c>
/// parameter of <c>KucoinCredentials(key, secret, pass)</c> or the <c>Key</c> property of an <c>ApiCredentials</c> is
/// the API key, and its value is judged as a secret name's would be.
/// </summary>
internal static class CredentialOwner
{
    // Deep enough for SDK hierarchies (KucoinCredentials : HMACPassCredential : ApiCredentials); bounded for odd code.
    private const int MaxBaseTypes = 4;

    /// <summary>
    /// Could the owner change the verdict? Only for a weak name whose value the weak test refused and a secret name's
    /// test accepts; the symbol is looked up after this cheap test, never before.
    /// </summary>
    public static bool MayStrengthen(NameKind kind, string value, SecretSettings settings) =>
        kind == NameKind.Weak && ValueChecks.Accepts(NameKind.Secret, value, settings);

    /// <summary>True when the member (parameter, property, field) belongs to a type, or a base type, named as a credential.</summary>
    public static bool IsCredentialMember(ISymbol? member, SecretSettings settings)
    {
        var type = member?.ContainingType;
        for (var depth = 0; type is not null && depth <= MaxBaseTypes && type.SpecialType != SpecialType.System_Object; depth++)
        {
            if (SecretNames.Classify(type.Name, settings) is NameKind.Secret or NameKind.Password or NameKind.Passphrase)
            {
                return true;
            }

            type = type.BaseType;
        }

        return false;
    }
}
