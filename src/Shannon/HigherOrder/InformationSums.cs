using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;
using Shannon.Numerics;

namespace Shannon.HigherOrder;

/// <summary>The mutual-information sums behind O- and S-information from samples, and the Gaussian closed forms from a covariance.</summary>
internal static class InformationSums
{
    /// <summary>TC = Σ_{j ≥ 2} I(X_j ; X₁, …, X_{j−1}) and S = Σᵢ I(Xᵢ ; X₋ᵢ) in nats (raw estimates).</summary>
    public static (double TotalCorrelation, double SInformation) FromSamples(IMutualInformationEstimator estimator, IReadOnlyList<Variable> variables)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count < 2)
        {
            throw new ArgumentException($"variables has {variables.Count}; O- and S-information need at least 2.", nameof(variables));
        }

        for (int i = 0; i < variables.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(variables[i], nameof(variables));
            if (variables[i].Rows != variables[0].Rows)
            {
                throw new ArgumentException($"'{variables[i].Name}' has {variables[i].Rows} rows but '{variables[0].Name}' has {variables[0].Rows}; they must be paired.", nameof(variables));
            }
        }

        int n = variables.Count;
        var chain = new double[n - 1];
        var leaveOneOut = new double[n];
        ParallelLoop.For(0, (2 * n) - 1, job =>
        {
            if (job < n - 1)
            {
                int j = job + 1;
                chain[job] = estimator.MutualInformation(variables[j], Variable.Join([.. variables.Take(j)])).RawValue;
            }
            else
            {
                int i = job - (n - 1);
                leaveOneOut[i] = estimator.MutualInformation(variables[i], Variable.Join([.. variables.Where((_, k) => k != i)])).RawValue;
            }
        });
        return (CompensatedSum.Of(chain), CompensatedSum.Of(leaveOneOut));
    }

    /// <summary>
    /// <paramref name="estimate"/> marked as every discrete estimate from samples is (<see cref="Estimate.IntervalWithheld"/>)
    /// when the estimator the automatic rule picks for the variables, or the one given, is discrete and the rows are
    /// fewer than 2 per cell of the product of all the variables' observed values: the joint table the sums estimate.
    /// </summary>
    public static Estimate Sparse(IMutualInformationEstimator estimator, IReadOnlyList<Variable> variables, Estimate estimate)
    {
        var used = estimator is Automatic automatic ? automatic.For(variables[0], variables[1]) : estimator;
        return WithUncertainty.TooSparse(used, estimate.N, [.. variables]) is { } reason ? estimate with { IntervalWithheld = reason } : estimate;
    }

    /// <summary>½ ln det of the sub-covariance on <paramref name="axes"/> (ln det Σ_S), in nats.</summary>
    public static double LogDeterminant(ReadOnlySpan<double> covariance, int dimension, ReadOnlySpan<int> axes, string paramName)
    {
        int k = axes.Length;
        var sub = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                sub[(a * k) + b] = covariance[(axes[a] * dimension) + axes[b]];
            }
        }

        return Cholesky.LogDeterminant(Cholesky.Factor(sub, k, paramName), k);
    }

    /// <summary>Checks a covariance matrix: d × d, finite, symmetric to 1e-12 relative, positive definite; returns ln det Σ₋ᵢ per i, ln σᵢᵢ per i and ln det Σ.</summary>
    public static (double[] Single, double[] Others, double Full) LeaveOneOut(ReadOnlySpan<double> covariance, int dimension, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        if (covariance.Length != (long)dimension * dimension)
        {
            throw new ArgumentException($"{paramName} has {covariance.Length} entries but a {dimension}×{dimension} matrix needs {dimension * dimension}.", paramName);
        }

        Guard.AllFinite(covariance, paramName);
        for (int i = 0; i < dimension; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double a = covariance[(i * dimension) + j], b = covariance[(j * dimension) + i];
                if (Math.Abs(a - b) > 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b)))
                {
                    throw new ArgumentException($"{paramName} is not symmetric: entry ({i}, {j}) is {Guard.Format(a)} but ({j}, {i}) is {Guard.Format(b)}.", paramName);
                }
            }
        }

        int[] all = [.. Enumerable.Range(0, dimension)];
        double full = LogDeterminant(covariance, dimension, all, paramName);
        var single = new double[dimension];
        var others = new double[dimension];
        for (int i = 0; i < dimension; i++)
        {
            single[i] = LogDeterminant(covariance, dimension, [i], paramName);
            others[i] = LogDeterminant(covariance, dimension, [.. all.Where(a => a != i)], paramName);
        }

        return (single, others, full);
    }
}
