namespace LoginPosture;

/// <summary>
/// The layers of a brokerage login stack, ordered bottom-up. Problems are fixed from the bottom:
/// an order error is not worth chasing until entity, identity, permissions and platform are known good.
/// </summary>
public enum Layer
{
    /// <summary>The legal affiliate and account type: what the account is offered at all.</summary>
    Entity = 0,

    /// <summary>Who you are: credentials, second factor, device validation, lockout, session authentication.</summary>
    Identity = 1,

    /// <summary>What the account may do: trading permissions, market-data subscriptions, key grants, account settings.</summary>
    Permissions = 2,

    /// <summary>Client, network and session state: connectivity, versions, competing sessions, API settings.</summary>
    Platform = 3,

    /// <summary>The call itself: pacing, duplicate ids, contract definitions, order parameters.</summary>
    Request = 4,
}
