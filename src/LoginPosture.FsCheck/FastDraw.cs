namespace LoginPosture.FsCheck;

// The heavier generators draw one seed from FsCheck and build the value from a seeded System.Random: a chain of
// FsCheck binds per field costs several times more than the value itself. Replay stays exact (the seed comes from
// FsCheck's own random stream) and shrinking is done by the hand-written shrinkers, which never needed the chain.
internal static class FastDraw
{
    // Inclusive bounds, like Gen.Choose.
    public static int Choose(this Random random, int low, int high) => random.Next(low, high + 1);

    public static T Element<T>(this Random random, T[] values) => values[random.Next(values.Length)];

    public static int Weighted(this Random random, params int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    // Null once in (1 + 3) draws, like the Maybe generator.
    public static int? Maybe(this Random random, Func<Random, int> draw) => random.Next(4) == 0 ? null : draw(random);
}
