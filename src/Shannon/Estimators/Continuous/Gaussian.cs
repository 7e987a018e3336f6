using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// Parametric estimators that assume the samples are (jointly) Gaussian: differential entropy from the sample
/// covariance, and mutual information from the correlation or the covariance determinants.
/// </summary>
/// <remarks>
/// <para>The covariance is the unbiased sample covariance (divisor N − 1, as numpy's <c>cov</c>); log-determinants
/// come from a Cholesky factorisation. Exact for Gaussian data up to sampling error; for other data the entropy is
/// an upper bound (the Gaussian has the largest entropy for a given covariance) and the MI measures only linear
/// dependence.</para>
/// <para>Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., Theorem 8.4.1
/// and Example 8.5.1, doi:10.1002/047174882X.</para>
/// </remarks>
public sealed record Gaussian : IDifferentialEntropyEstimator, IMutualInformationEstimator, IConditionalMutualInformationEstimator
{
    /// <inheritdoc/>
    public string Name => "gaussian";

    /// <summary>The Gaussian differential entropy of a variable given as numbers.</summary>
    /// <param name="x">The samples.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ = ½ ln((2πe)^d det Σ̂) (any sign), with N.</returns>
    /// <exception cref="ArgumentException">A variable of labels, fewer than 2 rows, or a singular covariance.</exception>
    public Estimate Entropy(Variable x, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DifferentialEntropy(VariableChecks.Numbers(x, Name, nameof(x)), x.Dimension, logBase);
    }

    /// <summary>The Gaussian mutual information ½ ln(det Σ̂ₓ det Σ̂_y / det Σ̂ₓᵧ) of two variables given as numbers.</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î, clipped at 0, with N.</returns>
    /// <exception cref="ArgumentException">Different row counts, a variable of labels, fewer than 2 rows, or a singular covariance.</exception>
    public Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default)
    {
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)));
        return VariableChecks.Constant(x, y, logBase)
            ?? MutualInformation(VariableChecks.Numbers(x, Name, nameof(x)), x.Dimension, VariableChecks.Numbers(y, Name, nameof(y)), y.Dimension, logBase);
    }

    /// <summary>
    /// The Gaussian conditional mutual information ½ ln(det Σ̂ₓ_z det Σ̂_yz / (det Σ̂_z det Σ̂ₓᵧ_z)) of three variables given
    /// as numbers; for one-dimensional X, Y it is −½ ln(1 − ρ²_{xy·z}) with the partial correlation ρ_{xy·z}.
    /// </summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="z">Samples of the conditioning variable Z.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z), clipped at 0, with N.</returns>
    /// <exception cref="ArgumentException">Different row counts, a variable of labels, fewer than 2 rows, or a singular covariance.</exception>
    /// <remarks>For Gaussian processes this is half the Granger causality when the variables are the embedded pasts (Barnett, Barrett &amp; Seth 2009, doi:10.1103/PhysRevLett.103.238701).</remarks>
    public Estimate ConditionalMutualInformation(Variable x, Variable y, Variable z, LogBase logBase = default)
    {
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)), (z, nameof(z)));
        if (VariableChecks.Constant(x, y, logBase) is { } none)
        {
            return none;
        }

        ReadOnlySpan<double> xs = VariableChecks.Numbers(x, Name, nameof(x));
        ReadOnlySpan<double> ys = VariableChecks.Numbers(y, Name, nameof(y));
        ReadOnlySpan<double> zs = VariableChecks.Numbers(z, Name, nameof(z));
        int n = x.Rows;
        RequireTwoRows(n, nameof(x));
        int dx = x.Dimension, dy = y.Dimension, dz = z.Dimension;
        double[] xz = SampleRows.Join(xs, dx, zs, dz);
        double[] yz = SampleRows.Join(ys, dy, zs, dz);
        double[] xyz = SampleRows.Join(xs, dx, yz, dy + dz);
        double logXz = LogDeterminant(Covariance(xz, dx + dz), dx + dz, nameof(x));
        double logYz = LogDeterminant(Covariance(yz, dy + dz), dy + dz, nameof(y));
        double logZ = LogDeterminant(Covariance(zs, dz), dz, nameof(z));
        double logXyz = LogDeterminant(Covariance(xyz, dx + dy + dz), dx + dy + dz, nameof(y));
        return Estimate.NonNegative(0.5 * (logXz + logYz - logZ - logXyz), logBase, n);
    }

    /// <summary>The differential entropy of a Gaussian with the sample covariance Σ̂ of the rows of x.</summary>
    /// <param name="x">Samples, n rows × <paramref name="columns"/>, row-major; finite.</param>
    /// <param name="columns">The dimension d.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ = ½ ln((2πe)^d det Σ̂) in the unit of <paramref name="logBase"/> (any sign), with N.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 rows, a bad shape, a non-finite entry, or a singular covariance (a constant or collinear column).</exception>
    public Estimate DifferentialEntropy(ReadOnlySpan<double> x, int columns = 1, LogBase logBase = default)
    {
        int n = SampleRows.Count(x, columns, nameof(x), nameof(columns));
        RequireTwoRows(n, nameof(x));
        double logDet = LogDeterminant(Covariance(x, columns), columns, nameof(x));
        double nats = 0.5 * ((columns * (1.0 + Math.Log(2.0 * Math.PI))) + logDet);
        return Estimate.Signed(nats, logBase, n);
    }

    /// <summary>The Gaussian mutual information of one-dimensional samples from their Pearson correlation ρ.</summary>
    /// <param name="x">Samples of X; finite.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>; finite.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î = −½ ln(1 − ρ²) in the unit of <paramref name="logBase"/>, +∞ when |ρ| = 1, with N.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 samples, different lengths, a non-finite entry, or a constant input (ρ undefined).</exception>
    public Estimate MutualInformation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, LogBase logBase = default)
    {
        int n = SampleRows.Count(x, 1, nameof(x), "columns");
        SampleRows.Count(y, 1, nameof(y), "columns");
        Guard.SameLength(x, y, nameof(x), nameof(y));
        RequireTwoRows(n, nameof(x));
        double[] c = Covariance(SampleRows.Join(x, 1, y, 1), 2);
        if (!(c[0] > 0) || !(c[3] > 0))
        {
            throw new ArgumentException($"{(c[0] > 0 ? "y" : "x")} is constant; the correlation is undefined.", c[0] > 0 ? nameof(y) : nameof(x));
        }

        double rho = Math.Clamp(c[1] / Math.Sqrt(c[0] * c[3]), -1.0, 1.0);
        double nats = -0.5 * double.LogP1(-(rho * rho));
        return Estimate.NonNegative(nats, logBase, n);
    }

    /// <summary>The Gaussian mutual information of multivariate samples: ½ ln(det Σ̂ₓ det Σ̂_y / det Σ̂ₓᵧ).</summary>
    /// <param name="x">Samples of X, n × <paramref name="xColumns"/>, row-major.</param>
    /// <param name="xColumns">The dimension of X.</param>
    /// <param name="y">Samples of Y, n × <paramref name="yColumns"/>, row-major.</param>
    /// <param name="yColumns">The dimension of Y.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î in the unit of <paramref name="logBase"/>, clipped at 0, with N.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 rows, bad shapes, different row counts, a non-finite entry, or a singular covariance.</exception>
    public Estimate MutualInformation(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns, LogBase logBase = default)
    {
        int n = SampleRows.Count(x, xColumns, nameof(x), nameof(xColumns));
        int ny = SampleRows.Count(y, yColumns, nameof(y), nameof(yColumns));
        if (n != ny)
        {
            throw new ArgumentException($"x has {n} rows but y has {ny}; they must be paired.", nameof(y));
        }

        RequireTwoRows(n, nameof(x));
        double logX = LogDeterminant(Covariance(x, xColumns), xColumns, nameof(x));
        double logY = LogDeterminant(Covariance(y, yColumns), yColumns, nameof(y));
        double logJoint = LogDeterminant(Covariance(SampleRows.Join(x, xColumns, y, yColumns), xColumns + yColumns), xColumns + yColumns, nameof(y));
        return Estimate.NonNegative(0.5 * (logX + logY - logJoint), logBase, n);
    }

    private static void RequireTwoRows(int n, string name)
    {
        if (n < 2)
        {
            throw new ArgumentException($"{name} has {n} sample; a covariance needs at least 2.", name);
        }
    }

    /// <summary>The d × d unbiased sample covariance of row-major samples.</summary>
    internal static double[] Covariance(ReadOnlySpan<double> x, int d)
    {
        int n = x.Length / d;
        var mean = new double[d];
        for (int j = 0; j < d; j++)
        {
            var sum = default(CompensatedSum);
            for (int i = 0; i < n; i++)
            {
                sum.Add(x[(i * d) + j]);
            }

            mean[j] = sum.Value / n;
        }

        var covariance = new double[d * d];
        for (int a = 0; a < d; a++)
        {
            for (int b = a; b < d; b++)
            {
                var sum = default(CompensatedSum);
                for (int i = 0; i < n; i++)
                {
                    sum.Add((x[(i * d) + a] - mean[a]) * (x[(i * d) + b] - mean[b]));
                }

                covariance[(a * d) + b] = covariance[(b * d) + a] = sum.Value / (n - 1);
            }
        }

        return covariance;
    }

    /// <summary>ln det of a symmetric positive-definite matrix by Cholesky.</summary>
    private static double LogDeterminant(double[] matrix, int d, string name)
    {
        var l = (double[])matrix.Clone();
        double logDet = 0.0;
        for (int j = 0; j < d; j++)
        {
            double diagonal = l[(j * d) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= l[(j * d) + k] * l[(j * d) + k];
            }

            if (!(diagonal > 1e-300))
            {
                throw new ArgumentException($"{name} has a singular sample covariance (a constant or collinear column); the Gaussian estimate is undefined.", name);
            }

            double root = Math.Sqrt(diagonal);
            l[(j * d) + j] = root;
            logDet += 2.0 * Math.Log(root);
            for (int i = j + 1; i < d; i++)
            {
                double s = l[(i * d) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[(i * d) + k] * l[(j * d) + k];
                }

                l[(i * d) + j] = s / root;
            }
        }

        return logDet;
    }
}
