using LoginPosture.Tiers;

namespace LoginPosture.Posture;

/// <summary>An operation to try against a session the account actually uses, such as "withdraw from the phone".</summary>
/// <param name="Name">What is checked, in words a person recognises; it names the resulting finding.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Session">The session it would run from.</param>
public sealed record SessionCheck(string Name, Operation Operation, SessionContext Session);

