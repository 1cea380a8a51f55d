namespace LoginPosture.ApiKeys;

/// <summary>Whether a key reaches real money or a simulated account.</summary>
public enum ApiKeyEnvironment
{
    /// <summary>The live account: orders and transfers move real money.</summary>
    Live = 0,

    /// <summary>A paper-trading, sandbox or testnet account.</summary>
    Paper = 1,
}
