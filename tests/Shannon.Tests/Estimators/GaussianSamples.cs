namespace Shannon.Tests.Estimators;

/// <summary>Seeded bivariate Gaussian samples for closed-form tests (public: bench/simulations/MiCoverage.cs uses them too).</summary>
public static class GaussianSamples
{
    public static double[] Standard(int n, Random random)
    {
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        }

        return z;
    }

    /// <summary>(x, y) with unit variances and correlation rho.</summary>
    public static (double[] X, double[] Y) Correlated(int n, double rho, int seed)
    {
        var random = new Random(seed);
        double[] x = Standard(n, random);
        double[] e = Standard(n, random);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = (rho * x[i]) + (Math.Sqrt(1 - (rho * rho)) * e[i]);
        }

        return (x, y);
    }
}
