using System.Numerics;

namespace LoginPosture.SecondFactors;

/// <summary>
/// Lockout resilience: the fewest failure domains whose loss disables every authenticator, which is a minimum hitting
/// set over the authenticators' domain sets (each authenticator falls when any one of its domains is lost).
/// </summary>
/// <remarks>
/// Exact, by iterative deepening: for k = 1, 2, ... it branches on the domains of one authenticator not yet disabled
/// (the one with the fewest domains), so the search never exceeds k levels of at most 32 branches and stops at the
/// first k that disables everything. Choices are made by bit value, never by input order, so the result (and the
/// domains reported) does not depend on enrolment order.
/// </remarks>
internal static class LockoutAnalysis
{
    /// <summary>Returns the resilience (0 when nothing is enrolled) and one smallest set of domains as a bit mask.</summary>
    public static int MinimumCut(ReadOnlySpan<uint> masks, out uint cut)
    {
        cut = 0;
        if (masks.IsEmpty)
        {
            return 0;
        }

        for (var k = 1; k <= SecondFactorSet.MaxDomains; k++)
        {
            if (Search(masks, 0, k, ref cut))
            {
                return k;
            }
        }

        return SecondFactorSet.MaxDomains; // unreachable: one domain per authenticator always disables all
    }

    private static bool Search(ReadOnlySpan<uint> masks, uint lost, int budget, ref uint cut)
    {
        // Pick the still-working authenticator with the fewest domains (ties: the lowest mask) to branch on.
        var pick = 0u;
        var pickBits = int.MaxValue;
        foreach (var mask in masks)
        {
            if ((mask & lost) == 0)
            {
                var bits = BitOperations.PopCount(mask);
                if (bits < pickBits || (bits == pickBits && mask < pick))
                {
                    pick = mask;
                    pickBits = bits;
                }
            }
        }

        if (pickBits == int.MaxValue)
        {
            cut = lost;
            return true;
        }

        if (budget == 0)
        {
            return false;
        }

        for (var rest = pick; rest != 0; rest &= rest - 1)
        {
            if (Search(masks, lost | (rest & (0u - rest)), budget - 1, ref cut))
            {
                return true;
            }
        }

        return false;
    }
}
