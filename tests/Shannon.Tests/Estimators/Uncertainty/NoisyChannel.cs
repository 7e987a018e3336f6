using Shannon.Estimators;

namespace Shannon.Tests.Estimators.Uncertainty;

/// <summary>
/// The discrete model behind the interval coverage checks (<see cref="CoverageTests"/>, and the long run
/// bench/simulations/MiCoverage.cs, which uses this class): X on K symbols with a uniform or a skewed law
/// p(x) ∝ 1/(x + 1)² (or the heavy-tailed Zipf law p(x) ∝ 1/(x + 1)), and Y = X mod Ky with probability 1 − ε, else
/// uniform on Ky values; its I(X;Y) is exact.
/// </summary>
public static class NoisyChannel
{
    /// <summary>The law of X on <paramref name="k"/> symbols: uniform, or ∝ 1/(x + 1)² when <paramref name="skewed"/>.</summary>
    public static double[] Law(int k, bool skewed) =>
        Normalized(Enumerable.Range(0, k).Select(i => skewed ? 1.0 / ((i + 1.0) * (i + 1.0)) : 1.0));

    /// <summary>Zipf's law with exponent 1 on <paramref name="k"/> labels, p(x) ∝ 1/(x + 1): a heavy tail of rare labels, most of which a sample of n ≪ k·ln k misses or sees once.</summary>
    public static double[] Zipf(int k) => Normalized(Enumerable.Range(1, k).Select(i => 1.0 / i));

    /// <summary>I(X;Y) in nats for X ~ <paramref name="px"/> through the channel, exactly from the joint.</summary>
    public static double Information(double[] px, int ky, double eps)
    {
        double[] py = new double[ky];
        var joint = new double[px.Length, ky];
        for (int i = 0; i < px.Length; i++)
        {
            for (int j = 0; j < ky; j++)
            {
                joint[i, j] = px[i] * ((eps / ky) + (j == i % ky ? 1 - eps : 0));
                py[j] += joint[i, j];
            }
        }

        double sum = 0;
        for (int i = 0; i < px.Length; i++)
        {
            for (int j = 0; j < ky; j++)
            {
                sum += joint[i, j] > 0 ? joint[i, j] * Math.Log(joint[i, j] / (px[i] * py[j])) : 0;
            }
        }

        return Math.Max(0, sum);
    }

    /// <summary>n samples of (X, Y) through the channel.</summary>
    public static (Variable X, Variable Y) Sample(Random random, double[] px, int ky, double eps, int n)
    {
        int[] xs = new int[n], ys = new int[n];
        for (int r = 0; r < n; r++)
        {
            int i = Draw(px, random.NextDouble());
            xs[r] = i;
            ys[r] = random.NextDouble() < eps ? random.Next(ky) : i % ky;
        }

        return (Variable.Discrete<int>("x", xs), Variable.Discrete<int>("y", ys));
    }

    /// <summary>Weights divided by their sum.</summary>
    private static double[] Normalized(IEnumerable<double> weights)
    {
        double[] p = [.. weights];
        double total = p.Sum();
        return [.. p.Select(v => v / total)];
    }

    /// <summary>The symbol whose cumulative probability first exceeds <paramref name="u"/> ∈ [0, 1).</summary>
    public static int Draw(double[] p, double u)
    {
        double cumulative = 0;
        for (int i = 0; i < p.Length - 1; i++)
        {
            cumulative += p[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return p.Length - 1;
    }
}
