using LoginPosture.Tiers;

namespace LoginPosture.FsCheck;

/// <summary>One session attribute the tier policy reads, for generated one-attribute changes.</summary>
public enum SessionAttribute
{
    /// <summary><see cref="SessionContext.Platform"/>.</summary>
    Platform,

    /// <summary><see cref="SessionContext.Factor"/>.</summary>
    Factor,

    /// <summary><see cref="SessionContext.AuthenticatedAt"/>.</summary>
    AuthenticatedAt,

    /// <summary><see cref="SessionContext.TrustedNetwork"/>.</summary>
    TrustedNetwork,

    /// <summary><see cref="SessionContext.SavedCredentials"/>.</summary>
    SavedCredentials,

    /// <summary><see cref="SessionContext.BrowserIsolation"/>.</summary>
    BrowserIsolation,

    /// <summary><see cref="SessionContext.IdleTimeout"/>.</summary>
    IdleTimeout,

    /// <summary><see cref="SessionContext.ApiKeysEnabled"/>.</summary>
    ApiKeysEnabled,

    /// <summary><see cref="SessionContext.PhoneIsOnlyFactor"/>.</summary>
    PhoneIsOnlyFactor,

    /// <summary><see cref="SessionContext.SecondaryChannel"/>.</summary>
    SecondaryChannel,
}
