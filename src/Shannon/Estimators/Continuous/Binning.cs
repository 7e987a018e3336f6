using Shannon.Estimators.Discrete;
using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// Histogram estimators: bins each continuous variable (equal width by a rule, or equal frequency) and applies a
/// discrete estimator to the bin labels — binned entropy, binned differential entropy and binned mutual information.
/// </summary>
/// <param name="Rule">How to choose the bins; Freedman–Diaconis by default.</param>
/// <param name="Bins">The bin count for <see cref="BinRule.Fixed"/> and <see cref="BinRule.EqualFrequency"/>; 10 by default.</param>
/// <param name="Estimator">The discrete estimator applied to the bin counts; <see cref="PlugIn"/> when null.</param>
/// <remarks>
/// <para>Equal-width rules give the bin width h over the range [min, max] and the count ⌈(max − min)/h⌉ (one bin
/// when h = 0 or the range is 0), exactly as numpy's <c>histogram_bin_edges</c>: Sturges h = range/(log₂ n + 1);
/// Scott h = (24√π / n)^⅓ σ; Freedman–Diaconis h = 2 IQR n^(−⅓) (IQR by linear interpolation); square root
/// h = range/√n; Doane h = range/(1 + log₂ n + log₂(1 + |g₁|/σ_g₁)) with the sample skewness g₁ and
/// σ_g₁ = √(6(n − 2)/((n + 1)(n + 3))). A value falls in bin ⌊(x − min) · bins/(max − min)⌋, corrected against the
/// edges (numpy's rule); the maximum goes to the last bin. Equal frequency puts sorted value r (0-based, ties at the
/// rank of their first copy) in bin ⌊r · bins / n⌋.</para>
/// <para>Bias: binned MI is biased upward by about (B_x − 1)(B_y − 1)/(2N) nats for plug-in (use
/// <see cref="MillerMadow"/> to remove most of it), and downward by the information lost inside bins.</para>
/// <para>References: Sturges, H. A. (1926), JASA 21(153), 65–66, doi:10.1080/01621459.1926.10502161; Scott, D. W.
/// (1979), Biometrika 66(3), 605–610, doi:10.1093/biomet/66.3.605; Freedman, D. &amp; Diaconis, P. (1981),
/// Z. Wahrscheinlichkeitstheorie verw. Gebiete 57, 453–476, doi:10.1007/BF01025868; Doane, D. P. (1976),
/// The American Statistician 30(4), 181–183, doi:10.1080/00031305.1976.10479172.</para>
/// </remarks>
public sealed record Binning(BinRule Rule = BinRule.FreedmanDiaconis, int Bins = 10, DiscreteEntropyEstimator? Estimator = null)
    : IDifferentialEntropyEstimator, IMutualInformationEstimator, IConditionalMutualInformationEstimator
{
    /// <summary>
    /// The most equal-width bins one variable may get, 1,000,000: a fixed <see cref="Bins"/> above it, or a rule whose
    /// width gives more (a single far outlier makes Freedman–Diaconis or Scott ask for billions), is refused before any
    /// bin is allocated. Equal-frequency bins never exceed the sample count and are not limited.
    /// </summary>
    public const int MaximumBins = 1_000_000;

    /// <inheritdoc/>
    public string Name => "binned";

    /// <summary>
    /// The entropy of a variable through its bins: the histogram differential entropy of a one-dimensional continuous
    /// variable, the discrete estimate of a discrete one.
    /// </summary>
    /// <param name="x">The samples.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ(X) for a continuous variable (any sign), Ĥ(X) for a discrete one, with N.</returns>
    /// <exception cref="ArgumentException">A continuous variable of more than one dimension, or all values equal.</exception>
    public Estimate Entropy(Variable x, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.IsContinuous ? DifferentialEntropy(x.Values, x.Dimension, logBase) : DiscreteEstimator.Entropy(x, logBase);
    }

    /// <inheritdoc/>
    /// <remarks>Histograms are one-dimensional here: <paramref name="dimension"/> must be 1.</remarks>
    public Estimate DifferentialEntropy(ReadOnlySpan<double> x, int dimension, LogBase logBase = default) => dimension == 1
        ? DifferentialEntropy(x, logBase)
        : throw new ArgumentException($"binned differential entropy is one-dimensional; x has dimension {dimension} (use kl).", nameof(x));

    /// <summary>The binned mutual information: every continuous column binned by this rule (discrete variables kept), then Î by <see cref="Estimator"/>.</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(bin(X); bin(Y)), clipped at 0 (raw value kept), with N and the number of occupied cells.</returns>
    /// <exception cref="ArgumentException">Different row counts.</exception>
    public Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default)
    {
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)));
        return VariableChecks.Constant(x, y, logBase) ?? DiscreteEstimator.MutualInformation(Binned(x), Binned(y), logBase);
    }

    /// <summary>The binned conditional mutual information Î(bin(X); bin(Y) | bin(Z)) by <see cref="Estimator"/>.</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="z">Samples of the conditioning variable Z.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z) of the binned variables, clipped at 0 (raw value kept), with N.</returns>
    /// <exception cref="ArgumentException">Different row counts.</exception>
    public Estimate ConditionalMutualInformation(Variable x, Variable y, Variable z, LogBase logBase = default)
    {
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)), (z, nameof(z)));
        return VariableChecks.Constant(x, y, logBase) ?? DiscreteEstimator.ConditionalMutualInformation(Binned(x), Binned(y), Binned(z), logBase);
    }

    /// <summary>A continuous variable's columns binned by this rule (one joint label per row); a discrete variable as it is.</summary>
    /// <param name="x">The variable.</param>
    /// <returns>A discrete variable with the bin labels.</returns>
    public Variable Binned(Variable x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.IsContinuous)
        {
            return x;
        }

        ReadOnlySpan<double> values = x.Values;
        var column = new double[x.Rows];
        var bins = new int[x.Rows];
        int[] labels = [];
        for (int c = 0; c < x.Dimension; c++)
        {
            for (int r = 0; r < x.Rows; r++)
            {
                column[r] = values[(r * x.Dimension) + c];
            }

            int count = Assign(column, bins);

            // Joint codes are renumbered densely per column (LabelCodes.Combine), so they stay below the row count
            // however many columns of up to MaximumBins bins there are: 10^24 raw cells once overflowed a long.
            labels = c == 0 ? [.. bins] : LabelCodes.Combine(labels, bins, count, out _);
        }

        return Variable.Discrete<int>(x.Name, labels);
    }

    /// <summary>Assigns each value to a bin.</summary>
    /// <param name="x">The samples; finite.</param>
    /// <param name="destination">Receives the bin index of each sample, 0 … bins − 1; at least as long as <paramref name="x"/>.</param>
    /// <returns>The number of bins.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or has a non-finite entry, or <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Bins"/> &lt; 1 for a rule that uses it, or a fixed
    /// <see cref="Bins"/> above <see cref="MaximumBins"/>.</exception>
    /// <exception cref="ArgumentException">The rule's bin width gives more than <see cref="MaximumBins"/> bins over the
    /// range of <paramref name="x"/> (an outlier or a heavy tail); the message names the rule, the range and the width.</exception>
    public int Assign(ReadOnlySpan<double> x, Span<int> destination)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.AllFinite(x, nameof(x));
        Guard.DestinationFits(destination, x.Length, nameof(destination));
        if (Rule is BinRule.Fixed or BinRule.EqualFrequency && Bins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Bins), Bins, $"Bins must be at least 1; got {Bins}.");
        }

        if (Rule == BinRule.Fixed && Bins > MaximumBins)
        {
            throw new ArgumentOutOfRangeException(nameof(Bins), Bins, $"Bins must be at most {MaximumBins:N0} equal-width bins; got {Bins:N0}.");
        }

        return Rule == BinRule.EqualFrequency ? AssignByRank(x, destination) : AssignEqualWidth(x, destination);
    }

    /// <summary>The entropy of the binned variable (a discrete entropy, not a differential one).</summary>
    /// <param name="x">The samples; finite.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ĥ(bin(X)) by <see cref="Estimator"/>, with N and the number of occupied bins.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or has a non-finite entry.</exception>
    public Estimate BinEntropy(ReadOnlySpan<double> x, LogBase logBase = default)
    {
        var bins = new int[x.Length];
        Assign(x, bins);
        return DiscreteEstimator.Entropy<int>(bins, logBase);
    }

    /// <summary>The histogram estimate of the differential entropy: Ĥ(bin(X)) + Σ_b p̂_b ln w_b, with w_b the width of bin b.</summary>
    /// <param name="x">The samples; finite.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ(X) in the unit of <paramref name="logBase"/> (any sign), with N and the number of occupied bins.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, has a non-finite entry, or all its values are equal (zero-width bins).</exception>
    public Estimate DifferentialEntropy(ReadOnlySpan<double> x, LogBase logBase = default)
    {
        var bins = new int[x.Length];
        int count = Assign(x, bins);
        double[] widths = Widths(x, count);
        var binCounts = new long[count];
        foreach (int b in bins)
        {
            binCounts[b]++;
        }

        var logWidth = default(CompensatedSum);
        for (int b = 0; b < count; b++)
        {
            if (binCounts[b] > 0)
            {
                if (!(widths[b] > 0))
                {
                    throw new ArgumentException("x has a bin of zero width (all values equal or heavy ties); a differential entropy needs a spread.", nameof(x));
                }

                logWidth.Add((double)binCounts[b] / x.Length * Math.Log(widths[b]));
            }
        }

        var discrete = DiscreteEstimator.Entropy(binCounts);
        return Estimate.Signed(discrete.RawValue + logWidth.Value, logBase, x.Length, discrete.SupportSize);
    }

    /// <summary>The binned mutual information: each variable binned by this rule, then Î(bin(X); bin(Y)) by <see cref="Estimator"/>.</summary>
    /// <param name="x">Samples of X; finite.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>; finite.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î in the unit of <paramref name="logBase"/>, clipped at 0 (raw value kept), with N and the number of occupied cells.</returns>
    /// <exception cref="ArgumentException">An input is empty, has a non-finite entry, or the lengths differ.</exception>
    public Estimate MutualInformation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, LogBase logBase = default)
    {
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var bx = new int[x.Length];
        var by = new int[y.Length];
        Assign(x, bx);
        Assign(y, by);
        return DiscreteEstimator.MutualInformation<int, int>(bx, by, logBase);
    }

    private DiscreteEntropyEstimator DiscreteEstimator => Estimator ?? new PlugIn();

    private int AssignEqualWidth(ReadOnlySpan<double> x, Span<int> destination)
    {
        (double first, double last) = Range(x);
        int bins = EqualWidthCount(x, first, last);
        double[] edges = Edges(first, last, bins);
        double norm = bins / (last - first);
        for (int i = 0; i < x.Length; i++)
        {
            int index = (int)((x[i] - first) * norm);
            index = Math.Clamp(index, 0, bins - 1);
            if (x[i] < edges[index])
            {
                index--;
            }
            else if (x[i] >= edges[index + 1] && index != bins - 1)
            {
                index++;
            }

            destination[i] = index;
        }

        return bins;
    }

    private int AssignByRank(ReadOnlySpan<double> x, Span<int> destination)
    {
        double[] sorted = x.ToArray();
        Array.Sort(sorted);
        int bins = Math.Min(Bins, x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            int rank = Array.BinarySearch(sorted, x[i]);
            while (rank > 0 && sorted[rank - 1] == x[i])
            {
                rank--;
            }

            destination[i] = (int)((long)rank * bins / x.Length);
        }

        return bins;
    }

    private double[] Widths(ReadOnlySpan<double> x, int count)
    {
        var widths = new double[count];
        if (Rule != BinRule.EqualFrequency)
        {
            (double first, double last) = Range(x);
            double[] edges = Edges(first, last, count);
            for (int b = 0; b < count; b++)
            {
                widths[b] = edges[b + 1] - edges[b];
            }

            return widths;
        }

        // Equal-frequency bin b spans from its smallest member to the next bin's smallest member (the last to the maximum).
        double[] sorted = x.ToArray();
        Array.Sort(sorted);
        var lows = new double[count + 1];
        lows.AsSpan().Fill(double.NaN);
        var bins = new int[x.Length];
        AssignByRank(sorted, bins);
        for (int i = sorted.Length - 1; i >= 0; i--)
        {
            lows[bins[i]] = sorted[i];
        }

        lows[count] = sorted[^1];
        for (int b = count - 1; b >= 0; b--)
        {
            widths[b] = double.IsNaN(lows[b]) ? 0.0 : NextLow(lows, b) - lows[b];
        }

        return widths;
    }

    private static double NextLow(double[] lows, int b)
    {
        for (int c = b + 1; c < lows.Length; c++)
        {
            if (!double.IsNaN(lows[c]))
            {
                return lows[c];
            }
        }

        return lows[^1];
    }

    private static (double First, double Last) Range(ReadOnlySpan<double> x)
    {
        double first = double.PositiveInfinity;
        double last = double.NegativeInfinity;
        foreach (double v in x)
        {
            first = Math.Min(first, v);
            last = Math.Max(last, v);
        }

        return first == last ? (first - 0.5, last + 0.5) : (first, last);
    }

    private static double[] Edges(double first, double last, int bins)
    {
        var edges = new double[bins + 1];
        double step = (last - first) / bins;
        for (int b = 0; b <= bins; b++)
        {
            edges[b] = first + (b * step);
        }

        edges[bins] = last;
        return edges;
    }

    private int EqualWidthCount(ReadOnlySpan<double> x, double first, double last)
    {
        if (Rule == BinRule.Fixed)
        {
            return Bins;
        }

        double width = BinWidth(x);
        if (!(width > 0))
        {
            return 1;
        }

        double count = Math.Ceiling((last - first) / width); // 0 when the width overflowed to +∞: one bin
        if (!(count <= MaximumBins))
        {
            throw new ArgumentException(
                $"x: the {Rule} rule's bin width {width:G6} over the range [{first:G6}, {last:G6}] gives {count:G4} bins, above the limit of {MaximumBins:N0} (an outlier or a heavy tail); use a fixed bin count or equal-frequency bins.",
                nameof(x));
        }

        return Math.Max(1, (int)count);
    }

    private double BinWidth(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double v in x)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        double range = max - min;
        return Rule switch
        {
            BinRule.Sturges => range / (Math.Log2(n) + 1.0),
            BinRule.SquareRoot => range / Math.Sqrt(n),
            BinRule.Scott => Math.Cbrt(24.0 * Math.Sqrt(Math.PI) / n) * StandardDeviation(x),
            BinRule.FreedmanDiaconis => 2.0 * (Percentile(x, 75) - Percentile(x, 25)) * Math.Pow(n, -1.0 / 3.0),
            BinRule.Doane => DoaneWidth(x, range),
            _ => throw new ArgumentOutOfRangeException(nameof(Rule), Rule, "Unknown binning rule."),
        };
    }

    private static double DoaneWidth(ReadOnlySpan<double> x, double range)
    {
        int n = x.Length;
        double sigma = StandardDeviation(x);
        if (n <= 2 || !(sigma > 0))
        {
            return 0.0;
        }

        double mean = CompensatedSum.Of(x) / n;
        var skew = default(CompensatedSum);
        foreach (double v in x)
        {
            double t = (v - mean) / sigma;
            skew.Add(t * t * t);
        }

        double g1 = skew.Value / n;
        double sg1 = Math.Sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)));
        return range / (1.0 + Math.Log2(n) + Math.Log2(1.0 + (Math.Abs(g1) / sg1)));
    }

    private static double StandardDeviation(ReadOnlySpan<double> x)
    {
        double mean = CompensatedSum.Of(x) / x.Length;
        var squares = default(CompensatedSum);
        foreach (double v in x)
        {
            squares.Add((v - mean) * (v - mean));
        }

        return Math.Sqrt(squares.Value / x.Length);
    }

    /// <summary>The q-th percentile with linear interpolation between order statistics (numpy's default).</summary>
    private static double Percentile(ReadOnlySpan<double> x, double q)
    {
        double[] sorted = x.ToArray();
        Array.Sort(sorted);
        double position = q / 100.0 * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double fraction = position - below;
        return sorted[below] + (fraction * (sorted[above] - sorted[below]));
    }
}

/// <summary>How <see cref="Binning"/> chooses its bins.</summary>
public enum BinRule
{
    /// <summary>Sturges (1926): width = range / (log₂ n + 1).</summary>
    Sturges,

    /// <summary>Scott (1979): width = (24√π / n)^⅓ σ.</summary>
    Scott,

    /// <summary>Freedman–Diaconis (1981): width = 2 IQR n^(−⅓).</summary>
    FreedmanDiaconis,

    /// <summary>Square root: width = range / √n.</summary>
    SquareRoot,

    /// <summary>Doane (1976): Sturges corrected for skewness.</summary>
    Doane,

    /// <summary>A fixed number of equal-width bins, <see cref="Binning.Bins"/>.</summary>
    Fixed,

    /// <summary><see cref="Binning.Bins"/> bins holding (about) the same number of samples each.</summary>
    EqualFrequency,
}
