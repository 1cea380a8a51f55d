namespace LoginPosture.SecondFactors;

/// <summary>The weakest factor an attacker of one class would pick, and how often that factor stops the attack.</summary>
/// <param name="Attack">The attack class.</param>
/// <param name="BlockRate">The percentage of such attacks the weakest factor blocks, 0 to 100; 0 when no second factor is enrolled.</param>
/// <param name="Authenticator">The label of the weakest factor; null when none is enrolled.</param>
public readonly record struct TakeoverPath(AttackClass Attack, int BlockRate, string? Authenticator);
