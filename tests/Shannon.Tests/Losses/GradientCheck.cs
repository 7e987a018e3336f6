namespace Shannon.Tests.Losses;

/// <summary>Central finite differences of a loss, compared with the gradient it reports.</summary>
internal static class GradientCheck
{
    /// <summary>
    /// True when every entry of <paramref name="gradient"/> agrees with (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, h = 1e-6·max(1, |xᵢ|),
    /// within 1e-5 of max(1, |gᵢ|). The central difference errs by h²·f‴/6 (≈ 1e-12 for the smooth losses here) plus the
    /// rounding of f divided by h (1e-16·|f| / 1e-6 ≈ 1e-10·|f|), far inside 1e-5 for losses of size ≤ 1e3.
    /// </summary>
    public static bool Agrees(double[] x, double[] gradient, Func<double[], double> loss)
    {
        var probe = (double[])x.Clone();
        for (int i = 0; i < x.Length; i++)
        {
            double h = 1e-6 * Math.Max(1.0, Math.Abs(x[i]));
            probe[i] = x[i] + h;
            double up = loss(probe);
            probe[i] = x[i] - h;
            double down = loss(probe);
            probe[i] = x[i];
            double numeric = (up - down) / (2 * h);
            if (!(Math.Abs(numeric - gradient[i]) <= 1e-5 * Math.Max(1.0, Math.Abs(gradient[i]))))
            {
                return false;
            }
        }

        return true;
    }
}
