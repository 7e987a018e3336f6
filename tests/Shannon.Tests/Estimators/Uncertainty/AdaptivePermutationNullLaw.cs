using Shannon.Estimators.Uncertainty;
using Shannon.Numerics;

namespace Shannon.Tests.Estimators.Uncertainty;

/// <summary>
/// The exact size of the adaptive permutation p-value for a continuous statistic, used by <see cref="AdaptivePermutationTests"/>
/// and by the long simulation bench/simulations/PValueCalibration.cs.
/// </summary>
public static class AdaptivePermutationNullLaw
{
    /// <summary>
    /// The exact law of the reported p-value under the null for a continuous statistic: at each checkpoint the
    /// exceedances so far, b of m, continue while b &lt; h; given (m, b) the next Δ permutations add a beta-binomial(Δ, b + 1,
    /// m − b + 1) count (the uniform U updated by what was seen).
    /// </summary>
    public static Dictionary<double, double> Of(AdaptivePermutations schedule, Func<int, int, double> report)
    {
        var law = new Dictionary<double, double>();
        var alive = new Dictionary<int, double> { [0] = 1.0 };
        int m = 0;
        while (m < schedule.Maximum && alive.Count > 0)
        {
            int next = schedule.NextCheckpoint(m);
            int delta = next - m;
            var after = new Dictionary<int, double>();
            foreach (var (b, weight) in alive)
            {
                double a = b + 1, c = m - b + 1;
                double logNorm = SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(c) - SpecialFunctions.LogGamma(a + c);
                for (int k = 0; k <= delta; k++)
                {
                    double logChoose = SpecialFunctions.LogGamma(delta + 1.0) - SpecialFunctions.LogGamma(k + 1.0) - SpecialFunctions.LogGamma(delta - k + 1.0);
                    double logBeta = SpecialFunctions.LogGamma(a + k) + SpecialFunctions.LogGamma(c + delta - k) - SpecialFunctions.LogGamma(a + c + delta);
                    double probability = weight * Math.Exp(logChoose + logBeta - logNorm);
                    int total = b + k;
                    if (total >= schedule.Exceedances || next == schedule.Maximum)
                    {
                        double p = report(total, next);
                        law[p] = law.GetValueOrDefault(p) + probability;
                    }
                    else
                    {
                        after[total] = after.GetValueOrDefault(total) + probability;
                    }
                }
            }

            alive = after;
            m = next;
        }

        return law;
    }
}
