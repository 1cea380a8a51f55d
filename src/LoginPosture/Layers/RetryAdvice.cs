namespace LoginPosture.Layers;

/// <summary>What a client should do next about a failed call.</summary>
public enum RetryAdvice
{
    /// <summary>Nothing: the signal is informational, not a failure.</summary>
    None = 0,

    /// <summary>Retry at once (for example reconnect on the new port the message names).</summary>
    RetryNow = 1,

    /// <summary>Wait, then retry with an increasing delay: the condition usually clears by itself.</summary>
    BackOff = 2,

    /// <summary>Log in again or complete the pending authentication, then retry.</summary>
    Reauthenticate = 3,

    /// <summary>Reconnect if needed and subscribe to the data stream again.</summary>
    Resubscribe = 4,

    /// <summary>Do not retry: a person must change something first (credentials, permissions, settings, the request).</summary>
    DoNotRetry = 5,
}
