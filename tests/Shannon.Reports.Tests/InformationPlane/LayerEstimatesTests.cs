using CsCheck;
using Shannon.Reports.InformationPlane;

namespace Shannon.Reports.Tests.InformationPlane;

public class LayerEstimatesTests
{
    [Fact]
    public void Rows_with_the_same_bins_share_a_code()
    {
        // Range [0, 1], 2 bins: 0.1 → 0, 0.9 → 1; rows (0,1), (0,1), (1,0), (0,0).
        double[] table = [0.0, 0.9, 0.1, 1.0, 0.8, 0.2, 0.3, 0.4];
        int[] codes = LayerEstimates.BinnedCodes(table, width: 2, bins: 2);
        Assert.Equal(codes[0], codes[1]);
        Assert.Equal(3, codes.Distinct().Count());
        var (compression, relevant) = LayerEstimates.Binned(codes, [0, 0, 1, 1]);
        Assert.Equal(1.5, compression, 12);        // H(½, ¼, ¼)
        Assert.Equal(1.0, relevant, 12);           // the code determines the label
    }

    [Fact]
    public void Binned_information_of_distinct_rows_is_log_n_and_label_entropy()
    {
        Gen.Int[2, 40].Sample(n =>
        {
            double[] table = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
            int[] labels = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
            var (compression, relevant) = LayerEstimates.Binned(LayerEstimates.BinnedCodes(table, 1, n), labels);
            Assert.Equal(Math.Log2(n), compression, 12);
            Assert.Equal(new Shannon.Estimators.Discrete.PlugIn().Entropy<int>(labels, LogBase.Bits).Value, relevant, 12);
        });
    }

    [Fact]
    public void Noisy_information_is_zero_for_one_point_and_log_m_for_far_apart_points()
    {
        // All rows equal: every mixture component is the same Gaussian, I(X;T+Z) = 0 exactly.
        int m = 30, width = 3;
        double[] noise = Enumerable.Range(0, m * width).Select(i => Math.Sin(i)).ToArray();
        int[] rows = Enumerable.Range(0, m).ToArray();
        int[] labels = rows.Select(i => i % 2).ToArray();
        var same = LayerEstimates.Noisy(Enumerable.Repeat(0.5, m * width).ToArray(), width, labels, rows, noise, 0.1);
        Assert.Equal(0.0, same.Compression, 12);

        // Rows 100 apart with σ² = 0.1: the other components weigh e^(−10⁴/0.2·…) = 0, so I = log2 m to rounding.
        double[] far = Enumerable.Range(0, m * width).Select(i => 100.0 * (i / width)).ToArray();
        var apart = LayerEstimates.Noisy(far, width, labels, rows, noise, 0.1);
        Assert.Equal(Math.Log2(m), apart.Compression, 12);
    }
}
