using LoginPosture.ApiKeys;

namespace LoginPosture.FsCheck;

/// <summary>The platform whose key-permission response a <see cref="PlatformKeyJson"/> imitates.</summary>
public enum KeyJsonPlatform
{
    /// <summary>Binance <c>GET /sapi/v1/account/apiRestrictions</c>.</summary>
    Binance,

    /// <summary>A Kraken fast-api-key object, bare or inside Kraken's <c>{"error":[],"result":...}</c> envelope.</summary>
    Kraken,

    /// <summary>Coinbase Advanced Trade <c>GET /api/v3/brokerage/key_permissions</c>.</summary>
    Coinbase,
}

/// <summary>
/// A generated key-permission response in the platform's real JSON shape, with the descriptor
/// <see cref="ApiKeyAdapters"/> must read from it.
/// </summary>
/// <param name="Platform">The platform the JSON imitates.</param>
/// <param name="Json">The response body.</param>
/// <param name="Label">The label to pass to the adapter; <see langword="null"/> for Kraken, whose key names itself.</param>
/// <param name="Expected">What the adapter must return: grants, IP restriction and dates as the JSON states them.</param>
public sealed record PlatformKeyJson(KeyJsonPlatform Platform, string Json, string? Label, ApiKeyDescriptor Expected)
{
    // The drawn choices the JSON was written from; shrinking simplifies these and writes the JSON again.
    internal object? Model { get; init; }

    /// <summary>Reads <see cref="Json"/> with the platform's adapter.</summary>
    /// <returns>The adapter's descriptor.</returns>
    /// <exception cref="FormatException">The adapter refuses the JSON.</exception>
    public ApiKeyDescriptor Read() => Platform switch
    {
        KeyJsonPlatform.Binance => ApiKeyAdapters.FromBinance(Json, Label ?? "binance-key"),
        KeyJsonPlatform.Kraken => ApiKeyAdapters.FromKraken(Json, Label),
        _ => ApiKeyAdapters.FromCoinbase(Json, Label ?? "coinbase-key"),
    };

    /// <summary>The platform and the JSON, for counterexamples.</summary>
    /// <returns>One line.</returns>
    public override string ToString() => $"{Platform}: {Json}";
}

/// <summary>
/// A generated Client Portal Web API <c>/iserver/auth/status</c> or <c>/tickle</c> body, with the signal texts
/// <see cref="Layers.FailureSignal.FromClientPortalStatus"/> must read from it, in its order.
/// </summary>
/// <param name="Json">The response body.</param>
/// <param name="Expected">The expected signal messages; empty for a healthy session.</param>
public sealed record ClientPortalStatusJson(string Json, IReadOnlyList<string> Expected)
{
    internal object? Model { get; init; }

    /// <summary>The JSON, for counterexamples.</summary>
    /// <returns>The body.</returns>
    public override string ToString() => Json;
}
