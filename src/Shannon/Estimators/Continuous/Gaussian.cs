using System.Globalization;
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
/// <para>Each column is centred and scaled by a power of two before the covariance is formed, so the results do
/// not depend on the columns' units (1e-200 and 1e200 give what 1 gives). A pivot of the Cholesky factorisation at
/// or below d·2⁻⁴⁷ times its column's variance (1 − R² of that column on the earlier ones, at rounding level) counts
/// as zero: the covariance is singular. A singular covariance of one variable is an error; a singular joint
/// covariance of variables that are each regular is a deterministic linear relation, and the mutual information
/// is +∞.</para>
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
    /// <exception cref="ArgumentException">A variable of labels, no more rows than its dimension, or a singular covariance; the message names the variable.</exception>
    public Estimate Entropy(Variable x, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DifferentialEntropy(VariableChecks.Numbers(x, Name, nameof(x)), x.Dimension, $"'{x.Name}'", logBase);
    }

    /// <summary>The Gaussian mutual information ½ ln(det Σ̂ₓ det Σ̂_y / det Σ̂ₓᵧ) of two variables given as numbers.</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î, clipped at 0, with N; +∞ when Y is a linear function of X (a singular joint covariance).</returns>
    /// <exception cref="ArgumentException">Different row counts, a variable of labels, no more rows than dim X + dim Y, or a singular covariance of X or of Y; the message names the variables.</exception>
    public Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default)
    {
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)));
        return VariableChecks.Constant(x, y, logBase)
            ?? MutualInformation(VariableChecks.Numbers(x, Name, nameof(x)), x.Dimension, VariableChecks.Numbers(y, Name, nameof(y)), y.Dimension, ($"'{x.Name}'", $"'{y.Name}'"), logBase);
    }

    /// <summary>
    /// The Gaussian conditional mutual information ½ ln(det Σ̂ₓ_z det Σ̂_yz / (det Σ̂_z det Σ̂ₓᵧ_z)) of three variables given
    /// as numbers; for one-dimensional X, Y it is −½ ln(1 − ρ²_{xy·z}) with the partial correlation ρ_{xy·z}.
    /// </summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="z">Samples of the conditioning variable Z.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z), clipped at 0, with N; +∞ when, given Z, X and Y are linearly related (a singular joint covariance).</returns>
    /// <exception cref="ArgumentException">Different row counts, a variable of labels, no more rows than dim X + dim Y + dim Z, a singular covariance of Z, or X or Y a constant or a linear function of Z; the message names the variables.</exception>
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
        int dx = x.Dimension, dy = y.Dimension, dz = z.Dimension;
        RequireRows(n, dx + dy + dz, $"'{x.Name}', '{y.Name}' and '{z.Name}'", nameof(x));
        double[] xz = SampleRows.Join(xs, dx, zs, dz);
        double[] yz = SampleRows.Join(ys, dy, zs, dz);
        double[] xyz = SampleRows.Join(xs, dx, yz, dy + dz);
        double logZ = Regular(LogDeterminant(zs, dz), $"'{z.Name}'", nameof(z));
        double logXz = LogDeterminant(xz, dx + dz);
        double logYz = LogDeterminant(yz, dy + dz);
        foreach (var (logDet, variable, name) in new[] { (logXz, x, nameof(x)), (logYz, y, nameof(y)) })
        {
            if (double.IsNegativeInfinity(logDet))
            {
                throw DegenerateSamples.Error(
                    $"'{variable.Name}' is constant or a linear function of '{z.Name}' (a singular sample covariance); the Gaussian conditional mutual information is undefined.", name);
            }
        }

        double logXyz = LogDeterminant(xyz, dx + dy + dz);
        if (double.IsNegativeInfinity(logXyz))
        {
            return Estimate.NonNegative(double.PositiveInfinity, logBase, n);
        }

        return Estimate.NonNegative(0.5 * (logXz + logYz - logZ - logXyz), logBase, n);
    }

    /// <summary>The differential entropy of a Gaussian with the sample covariance Σ̂ of the rows of x.</summary>
    /// <param name="x">Samples, n rows × <paramref name="columns"/>, row-major; finite.</param>
    /// <param name="columns">The dimension d.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ = ½ ln((2πe)^d det Σ̂) in the unit of <paramref name="logBase"/> (any sign), with N.</returns>
    /// <exception cref="ArgumentException">No more rows than columns, a bad shape, a non-finite entry, or a singular covariance (a constant or collinear column).</exception>
    public Estimate DifferentialEntropy(ReadOnlySpan<double> x, int columns = 1, LogBase logBase = default) =>
        DifferentialEntropy(x, columns, nameof(x), logBase);

    /// <summary>
    /// Gaussian estimates need more samples than columns: the sample covariance of d columns has rank at most n − 1, so
    /// with n ≤ d it is singular whatever the data (and a singular joint covariance would read as a linear relation, +∞).
    /// </summary>
    private static void RequireRows(int n, int columns, string label, string name)
    {
        if (n <= columns)
        {
            throw DegenerateSamples.Error(
                string.Create(CultureInfo.InvariantCulture, $"{label}: {n} sample{(n == 1 ? string.Empty : "s")} for {columns} column{(columns == 1 ? string.Empty : "s")}; a Gaussian estimate needs more samples than columns (at least {columns + 1}), or every sample covariance is singular."),
                name);
        }
    }

    private static Estimate DifferentialEntropy(ReadOnlySpan<double> x, int columns, string label, LogBase logBase)
    {
        int n = SampleRows.Count(x, columns, nameof(x), nameof(columns));
        RequireRows(n, columns, label, nameof(x));
        double logDet = Regular(LogDeterminant(x, columns), label, nameof(x));
        double nats = 0.5 * ((columns * (1.0 + Math.Log(2.0 * Math.PI))) + logDet);
        return Estimate.Signed(nats, logBase, n);
    }

    /// <summary>The Gaussian mutual information of one-dimensional samples from their Pearson correlation ρ.</summary>
    /// <param name="x">Samples of X; finite.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>; finite.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î = −½ ln(1 − ρ²) in the unit of <paramref name="logBase"/>, +∞ when |ρ| = 1 (1 − ρ² at rounding level, 2·2⁻⁴⁷ or less), with N.</returns>
    /// <exception cref="ArgumentException">Fewer than 3 samples (two always have |ρ| = 1), different lengths, a non-finite entry, or a constant input (ρ undefined).</exception>
    public Estimate MutualInformation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, LogBase logBase = default)
    {
        int n = SampleRows.Count(x, 1, nameof(x), "columns");
        SampleRows.Count(y, 1, nameof(y), "columns");
        Guard.SameLength(x, y, nameof(x), nameof(y));
        RequireRows(n, 2, "x and y", nameof(x));
        double[] c = Covariance(SampleRows.Join(x, 1, y, 1), 2, out _);
        if (!(c[0] > 0) || !(c[3] > 0))
        {
            throw new ArgumentException($"{(c[0] > 0 ? "y" : "x")} is constant; the correlation is undefined.", c[0] > 0 ? nameof(y) : nameof(x));
        }

        double rho = Math.Clamp(c[1] / Math.Sqrt(c[0] * c[3]), -1.0, 1.0);
        double nats = 1.0 - (rho * rho) <= SingularPivot(2) ? double.PositiveInfinity : -0.5 * double.LogP1(-(rho * rho));
        return Estimate.NonNegative(nats, logBase, n);
    }

    /// <summary>The Gaussian mutual information of multivariate samples: ½ ln(det Σ̂ₓ det Σ̂_y / det Σ̂ₓᵧ).</summary>
    /// <param name="x">Samples of X, n × <paramref name="xColumns"/>, row-major.</param>
    /// <param name="xColumns">The dimension of X.</param>
    /// <param name="y">Samples of Y, n × <paramref name="yColumns"/>, row-major.</param>
    /// <param name="yColumns">The dimension of Y.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î in the unit of <paramref name="logBase"/>, clipped at 0, with N; +∞ when the joint sample covariance is singular while each variable's is not (a deterministic linear relation).</returns>
    /// <exception cref="ArgumentException">No more rows than xColumns + yColumns (the joint covariance would be singular whatever the data), bad shapes, different row counts, a non-finite entry, or a singular covariance of X or of Y (a constant or collinear column), naming that variable.</exception>
    public Estimate MutualInformation(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns, LogBase logBase = default) =>
        MutualInformation(x, xColumns, y, yColumns, ("x", "y"), logBase);

    private static Estimate MutualInformation(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns, (string X, string Y) labels, LogBase logBase)
    {
        int n = SampleRows.Count(x, xColumns, nameof(x), nameof(xColumns));
        int ny = SampleRows.Count(y, yColumns, nameof(y), nameof(yColumns));
        if (n != ny)
        {
            throw new ArgumentException($"x has {n} rows but y has {ny}; they must be paired.", nameof(y));
        }

        RequireRows(n, xColumns + yColumns, $"{labels.X} and {labels.Y}", nameof(x));
        double logX = Regular(LogDeterminant(x, xColumns), labels.X, nameof(x));
        double logY = Regular(LogDeterminant(y, yColumns), labels.Y, nameof(y));
        double logJoint = LogDeterminant(SampleRows.Join(x, xColumns, y, yColumns), xColumns + yColumns);
        if (double.IsNegativeInfinity(logJoint))
        {
            return Estimate.NonNegative(double.PositiveInfinity, logBase, n);
        }

        return Estimate.NonNegative(0.5 * (logX + logY - logJoint), logBase, n);
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

    /// <summary>The relative pivot at or below which a d × d covariance counts as singular: d·2⁻⁴⁷ (32·d·ε).</summary>
    private static double SingularPivot(int d) => Math.ScaleB(d, -47);

    /// <summary>A log-determinant that must be finite: a singular covariance of one variable is an error naming it (<paramref name="label"/>) and its parameter.</summary>
    private static double Regular(double logDet, string label, string name) => double.IsNegativeInfinity(logDet)
        ? throw DegenerateSamples.Error($"{label} has a singular sample covariance (a constant column, or one that is a linear function of the others); the Gaussian estimate is undefined.", name)
        : logDet;

    /// <summary>
    /// The d × d unbiased sample covariance of row-major samples whose columns are each centred and scaled by a power
    /// of two (so that the largest deviation lies in [1, 2)); ln det of the true covariance is ln det of this one plus
    /// <paramref name="logScale"/>. A constant column gives a zero row and column.
    /// </summary>
    internal static double[] Covariance(ReadOnlySpan<double> x, int d, out double logScale)
    {
        int n = x.Length / d;
        var deviations = new double[n * d];
        logScale = 0.0;
        for (int j = 0; j < d; j++)
        {
            double largest = 0.0, first = x[j];
            bool constant = true;
            for (int i = 0; i < n; i++)
            {
                double v = x[(i * d) + j];
                largest = Math.Max(largest, Math.Abs(v));
                constant &= v == first;
            }

            if (constant)
            {
                continue;
            }

            // Powers of two scale exactly: the scaled values are the data, free of range problems.
            int shift = -Math.ILogB(largest);
            var sum = default(CompensatedSum);
            for (int i = 0; i < n; i++)
            {
                sum.Add(Math.ScaleB(x[(i * d) + j], shift));
            }

            double mean = sum.Value / n, spread = 0.0;
            for (int i = 0; i < n; i++)
            {
                double deviation = Math.ScaleB(x[(i * d) + j], shift) - mean;
                deviations[(i * d) + j] = deviation;
                spread = Math.Max(spread, Math.Abs(deviation));
            }

            int second = -Math.ILogB(spread);
            for (int i = 0; i < n; i++)
            {
                deviations[(i * d) + j] = Math.ScaleB(deviations[(i * d) + j], second);
            }

            logScale -= 2.0 * (shift + second) * Math.Log(2.0);
        }

        var covariance = new double[d * d];
        for (int a = 0; a < d; a++)
        {
            for (int b = a; b < d; b++)
            {
                var sum = default(CompensatedSum);
                for (int i = 0; i < n; i++)
                {
                    sum.Add(deviations[(i * d) + a] * deviations[(i * d) + b]);
                }

                covariance[(a * d) + b] = covariance[(b * d) + a] = sum.Value / (n - 1);
            }
        }

        return covariance;
    }

    /// <summary>
    /// ln det of the sample covariance of row-major samples by Cholesky, or −∞ when it is singular: a pivot at or
    /// below <see cref="SingularPivot"/> times its column's variance (1 − R² of the column on the earlier ones).
    /// </summary>
    private static double LogDeterminant(ReadOnlySpan<double> x, int d)
    {
        double[] l = Covariance(x, d, out double logScale);
        double logDet = logScale, tolerance = SingularPivot(d);
        for (int j = 0; j < d; j++)
        {
            double variance = l[(j * d) + j], diagonal = variance;
            for (int k = 0; k < j; k++)
            {
                diagonal -= l[(j * d) + k] * l[(j * d) + k];
            }

            if (!(diagonal > tolerance * variance) || !(variance > 0))
            {
                return double.NegativeInfinity;
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
