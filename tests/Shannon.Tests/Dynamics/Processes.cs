namespace Shannon.Tests.Dynamics;

/// <summary>Seeded processes with known transfer entropy.</summary>
internal static class Processes
{
    /// <summary>
    /// X_t = a X_{t−1} + ε, Y_t = b Y_{t−1} + c X_{t−1} + η with unit-variance Gaussian noises, started from the stationary
    /// law after a burn-in of 1000 steps.
    /// </summary>
    public static (double[] X, double[] Y) Var1(int n, double a, double b, double c, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        double xt = 0, yt = 0;
        for (int t = -1000; t < n; t++)
        {
            double nx = (a * xt) + Normal(random);
            double ny = (b * yt) + (c * xt) + Normal(random);
            (xt, yt) = (nx, ny);
            if (t >= 0)
            {
                x[t] = xt;
                y[t] = yt;
            }
        }

        return (x, y);
    }

    /// <summary>TE_{X→Y}(k = l = d = 1) of <see cref="Var1"/> in nats: ½ ln(Var(Y_t | Y_{t−1}) / Var(η)), from the stationary covariance.</summary>
    public static double Var1TransferEntropy(double a, double b, double c)
    {
        // Stationary covariance Σ = AΣAᵀ + I with A = [[a, 0], [c, b]], by fixed-point iteration (|a|, |b| < 1).
        double sxx = 1, sxy = 0, syy = 1;
        for (int i = 0; i < 10_000; i++)
        {
            double nxx = (a * a * sxx) + 1;
            double nxy = (a * c * sxx) + (a * b * sxy);
            double nyy = (c * c * sxx) + (2 * b * c * sxy) + (b * b * syy) + 1;
            (sxx, sxy, syy) = (nxx, nxy, nyy);
        }

        double lag1 = (c * sxy) + (b * syy);
        double conditional = syy - (lag1 * lag1 / syy);
        return 0.5 * Math.Log(conditional / 1.0);
    }

    /// <summary>X iid Bernoulli(½); Y_t = 1 with probability table[x_{t−1}, y_{t−1}].</summary>
    public static (int[] X, int[] Y) CoupledBinary(int n, double[,] table, int seed)
    {
        var random = new Random(seed);
        var x = new int[n];
        var y = new int[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = random.Next(2);
            y[t] = t == 0 ? random.Next(2) : random.NextDouble() < table[x[t - 1], y[t - 1]] ? 1 : 0;
        }

        return (x, y);
    }

    /// <summary>The exact TE_{X→Y} of <see cref="CoupledBinary"/> in nats: H(Y_t | Y_{t−1}) − H(Y_t | Y_{t−1}, X_{t−1}) under the stationary law.</summary>
    public static double CoupledBinaryTransferEntropy(double[,] table)
    {
        // Y alone is a Markov chain with P(1 | y) = ½ (table[0, y] + table[1, y]); its stationary π(1) = q0 / (1 − q1 + q0).
        double q0 = 0.5 * (table[0, 0] + table[1, 0]);
        double q1 = 0.5 * (table[0, 1] + table[1, 1]);
        double pi1 = q0 / (1 - q1 + q0);
        double[] pi = [1 - pi1, pi1];
        double te = 0;
        for (int y = 0; y < 2; y++)
        {
            double marginal = y == 0 ? q0 : q1;
            te += pi[y] * Binary(marginal);
            for (int x = 0; x < 2; x++)
            {
                te -= pi[y] * 0.5 * Binary(table[x, y]);
            }
        }

        return te;
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private static double Binary(double p) => (p is 0 or 1) ? 0 : -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));
}
