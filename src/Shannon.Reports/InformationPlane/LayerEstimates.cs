using System.Numerics.Tensors;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Losses;
using Shannon.Numerics;

namespace Shannon.Reports.InformationPlane;

/// <summary>
/// The information-plane coordinates of one layer's activations T (n × width, row-major) against the labels Y, by
/// Shannon's estimators and losses: binning with the plug-in estimator, the noisy-channel I(X;T + Z), and Ross's k-NN I(T;Y).
/// </summary>
/// <remarks>
/// <para>Binning (Shwartz-Ziv &amp; Tishby 2017): every activation of the layer is put in one of B equal-width bins
/// spanning the layer's observed range [min, max] (<see cref="Binning"/> with <see cref="BinRule.Fixed"/> on the
/// whole layer), and each sample's tuple of bins is one symbol of the discrete variable bin(T). X is the sample
/// identity (uniform over the n samples) and T a deterministic function of it, so the plug-in gives
/// I(X;T) = H(bin(T)) ≤ min(log₂ n, width · log₂ B), and I(T;Y) ≤ min(H(bin(T)), H(Y)).</para>
/// <para>Comparison on a seeded subsample of m rows: I(T;Y) by Ross's k-NN estimator on the continuous T. I(X;T) is
/// infinite for a deterministic continuous T, so the comparison estimates the noisy-channel I(X;T + Z) with
/// Z ~ N(0, σ²I) (Saxe et al.; Kolchinsky &amp; Tracey), which lies in [0, ln m] (see <see cref="Noisy"/>). A k-NN
/// entropy (Kozachenko–Leonenko ĥ(T + Z) − h(Z)) is not used for it: in 10–32 dimensions with m = 500 it overshoots
/// the ceiling log₂ m by 5–45 bits in our trials (synthetic tanh layers).</para>
/// <para>References: Shwartz-Ziv, R. &amp; Tishby, N. (2017), arXiv:1703.00810; Saxe, A. M. et al. (2019), On the
/// information bottleneck theory of deep learning, J. Stat. Mech. 124020, doi:10.1088/1742-5468/ab3985; Kolchinsky, A.
/// &amp; Tracey, B. D. (2017), Estimating mixture entropy with pairwise distances, Entropy 19(7), 361,
/// doi:10.3390/e19070361; Ross, B. C. (2014), PLoS ONE 9(2), e87357, doi:10.1371/journal.pone.0087357.</para>
/// </remarks>
internal static class LayerEstimates
{
    private static readonly PlugIn Estimator = new();

    /// <summary>The bin symbol of each row: a dense code of the row's tuple of bins.</summary>
    public static int[] BinnedCodes(double[] table, int width, int bins)
    {
        int rows = table.Length / width;
        var assigned = new int[table.Length];
        int count = new Binning(BinRule.Fixed, bins).Assign(table, assigned);
        int[] codes = new int[rows];
        var column = new int[rows];
        for (int j = 0; j < width; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                column[i] = assigned[(i * width) + j];
            }

            codes = j == 0 ? (int[])column.Clone() : LabelCodes.Combine(codes, column, count, out _);
        }

        return codes;
    }

    /// <summary>(I(X;T), I(T;Y)) in bits from the binned codes: H(bin(T)) and Î(bin(T); Y), both plug-in.</summary>
    public static (double Compression, double Relevant) Binned(int[] codes, int[] labels) =>
        (Estimator.Entropy<int>(codes, LogBase.Bits).Value, Estimator.MutualInformation<int, int>(codes, labels, LogBase.Bits).Value);

    /// <summary>
    /// (I(X;T + Z), I(T;Y)) in bits on the m rows of <paramref name="table"/> listed in <paramref name="rows"/>: the
    /// noisy-channel information by the Gaussian-mixture Monte Carlo below, and Ross's k-NN estimate of I(T;Y).
    /// </summary>
    /// <remarks>
    /// With X uniform over the m rows and T′ = T + Z, Z ~ N(0, σ²I), p(t′) is the mixture (1/m) Σⱼ N(t′; tⱼ, σ²I), so
    /// I(X;T′) = E[log N(t′; tᵢ, σ²I) − log p(t′)] = ln m − E_i[log Σⱼ exp(−(‖t′ᵢ − tⱼ‖² − ‖t′ᵢ − tᵢ‖²)/(2σ²))],
    /// estimated with one draw t′ᵢ = tᵢ + σ·noiseᵢ per row through <see cref="Softmax.LogSumExp(ReadOnlySpan{double}, double)"/>.
    /// The j = i term is e⁰ = 1, so the estimate never exceeds ln m; it is clipped at 0.
    /// </remarks>
    public static (double Compression, double Relevant) Noisy(
        double[] table, int width, int[] labels, int[] rows, ReadOnlySpan<double> noise, double noiseVariance)
    {
        int m = rows.Length;
        var t = new double[m * width];
        var y = new int[m];
        for (int r = 0; r < m; r++)
        {
            table.AsSpan(rows[r] * width, width).CopyTo(t.AsSpan(r * width, width));
            y[r] = labels[rows[r]];
        }

        double relevant = new Ross(K: 3).MutualInformation<int>(t, width, y, LogBase.Bits).Value;
        double sigma = Math.Sqrt(noiseVariance);
        var noisy = new double[width];
        var scores = new double[m];
        var logSums = new double[m];
        for (int i = 0; i < m; i++)
        {
            var own = t.AsSpan(i * width, width);
            TensorPrimitives.MultiplyAdd(noise.Slice(i * width, width), sigma, own, noisy);
            double ownDistance = TensorPrimitives.Distance<double>(noisy, own);
            for (int j = 0; j < m; j++)
            {
                double distance = TensorPrimitives.Distance<double>(noisy, t.AsSpan(j * width, width));
                scores[j] = ((ownDistance * ownDistance) - (distance * distance)) / (2.0 * noiseVariance);
            }

            scores[i] = 0.0;
            logSums[i] = Softmax.LogSumExp(scores);
        }

        double nats = Math.Log(m) - (CompensatedSum.Of(logSums) / m);
        return (LogBase.Bits.FromNats(Math.Max(0.0, nats)), relevant);
    }
}
