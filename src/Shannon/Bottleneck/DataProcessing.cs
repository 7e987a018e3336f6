using Shannon.Numerics;

namespace Shannon.Bottleneck;

/// <summary>The data-processing inequality for a Markov chain X → Y → Z given as a source and two channels.</summary>
public static class DataProcessing
{
    /// <summary>Computes I(X;Y), I(Y;Z) and I(X;Z) of the chain p(x) W₁(y|x) W₂(z|y) and checks I(X;Z) ≤ min(I(X;Y), I(Y;Z)).</summary>
    /// <param name="source">p(x); non-negative, summing to 1.</param>
    /// <param name="first">W₁(y|x), row-major |X| × <paramref name="middle"/>; every row a distribution.</param>
    /// <param name="middle">|Y|, the number of symbols between the channels.</param>
    /// <param name="second">W₂(z|y), row-major <paramref name="middle"/> × <paramref name="outputs"/>; every row a distribution.</param>
    /// <param name="outputs">|Z|.</param>
    /// <param name="logBase">The unit of the informations; nats by default.</param>
    /// <returns>
    /// The three informations in the unit of <paramref name="logBase"/>, with p(x,z) = Σ_y p(x) W₁(y|x) W₂(z|y);
    /// <see cref="DataProcessingReport.Holds"/> is true for every valid input (the inequality is a theorem), so a false
    /// value exposes a numerical problem.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a distribution, or a channel has the wrong length, a bad entry or a row not summing to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="middle"/> or <paramref name="outputs"/> is below 1.</exception>
    /// <remarks>
    /// Equality I(X;Z) = I(X;Y) holds when W₂ is invertible on the support (Z a sufficient statistic of Y for X).
    /// Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., Theorem 2.8.1,
    /// doi:10.1002/047174882X.
    /// </remarks>
    public static DataProcessingReport Check(
        ReadOnlySpan<double> source, ReadOnlySpan<double> first, int middle, ReadOnlySpan<double> second, int outputs, LogBase logBase = default)
    {
        Guard.Distribution(source, nameof(source));
        int inputs = source.Length;
        BottleneckGuard.Channel(first, inputs, middle, nameof(first), nameof(source), nameof(middle));
        BottleneckGuard.Channel(second, middle, outputs, nameof(second), nameof(middle), nameof(outputs));

        var jointXY = new double[inputs * middle];
        var jointXZ = new double[inputs * outputs];
        var marginalY = new double[middle];
        for (int x = 0; x < inputs; x++)
        {
            for (int y = 0; y < middle; y++)
            {
                double pxy = source[x] * first[(x * middle) + y];
                jointXY[(x * middle) + y] = pxy;
                marginalY[y] += pxy;
                for (int z = 0; z < outputs; z++)
                {
                    jointXZ[(x * outputs) + z] += pxy * second[(y * outputs) + z];
                }
            }
        }

        var jointYZ = new double[middle * outputs];
        for (int y = 0; y < middle; y++)
        {
            for (int z = 0; z < outputs; z++)
            {
                jointYZ[(y * outputs) + z] = marginalY[y] * second[(y * outputs) + z];
            }
        }

        double xy = StochasticMatrix.MutualInformation(jointXY, inputs, middle);
        double yz = StochasticMatrix.MutualInformation(jointYZ, middle, outputs);
        double xz = StochasticMatrix.MutualInformation(jointXZ, inputs, outputs);
        double bound = Math.Min(xy, yz);
        bool holds = xz <= bound + (1e-12 * Math.Max(1.0, bound));
        return new DataProcessingReport(logBase.FromNats(xy), logBase.FromNats(yz), logBase.FromNats(xz), holds, logBase);
    }
}
