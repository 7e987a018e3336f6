using Shannon.Estimators.Uncertainty;
using Shannon.Numerics;

namespace Shannon.Dynamics;

/// <summary>The orders in which a surrogate takes the source's past blocks, one per surrogate b, each a function of (seed, b) alone.</summary>
internal static class SurrogateOrders
{
    private const int Purpose = 0x53555252; // "SURR"

    /// <summary>Surrogate b's order of the samples under a resolved scheme; <paramref name="trialStarts"/> as <see cref="EmbeddedSamples.TrialStarts"/>.</summary>
    public static Func<int, int[]> For(SurrogateScheme scheme, int[] trialStarts, int seed)
    {
        int n = trialStarts[^1];
        return scheme switch
        {
            SurrogateScheme.Pooled => b => PermutationTest.Shuffle(n, seed, b),
            SurrogateScheme.WithinTrials => b => WithinTrials(trialStarts, new Random(StreamSeed.Of(seed, b, Purpose))),
            SurrogateScheme.SwapTrials => b => SwapTrials(trialStarts, new Random(StreamSeed.Of(seed, b, Purpose))),
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "resolve the scheme first."),
        };
    }

    /// <summary>Each trial's samples shuffled among themselves.</summary>
    private static int[] WithinTrials(int[] trialStarts, Random random)
    {
        var order = new int[trialStarts[^1]];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (int trial = 0; trial + 1 < trialStarts.Length; trial++)
        {
            random.Shuffle(order.AsSpan(trialStarts[trial], trialStarts[trial + 1] - trialStarts[trial]));
        }

        return order;
    }

    /// <summary>Trial i's samples take trial π(i)'s, position by position, π a uniform random derangement (by rejection: about e draws).</summary>
    private static int[] SwapTrials(int[] trialStarts, Random random)
    {
        int trials = trialStarts.Length - 1;
        var pi = new int[trials];
        do
        {
            for (int i = 0; i < trials; i++)
            {
                pi[i] = i;
            }

            random.Shuffle(pi);
        }
        while (HasFixedPoint(pi));

        var order = new int[trialStarts[^1]];
        for (int trial = 0; trial < trials; trial++)
        {
            int length = trialStarts[trial + 1] - trialStarts[trial];
            for (int j = 0; j < length; j++)
            {
                order[trialStarts[trial] + j] = trialStarts[pi[trial]] + j;
            }
        }

        return order;
    }

    private static bool HasFixedPoint(int[] pi)
    {
        for (int i = 0; i < pi.Length; i++)
        {
            if (pi[i] == i)
            {
                return true;
            }
        }

        return false;
    }
}
