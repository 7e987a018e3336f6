using CsCheck;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Estimators.Continuous;

public class BinningTests
{
    private static readonly Dictionary<string, Binning> Rules = new()
    {
        ["sturges"] = new Binning(BinRule.Sturges),
        ["scott"] = new Binning(BinRule.Scott),
        ["fd"] = new Binning(BinRule.FreedmanDiaconis),
        ["sqrt"] = new Binning(BinRule.SquareRoot),
        ["doane"] = new Binning(BinRule.Doane),
        ["10"] = new Binning(BinRule.Fixed, 10),
        ["7"] = new Binning(BinRule.Fixed, 7),
    };

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, EstimatorsReference.Cases("binning").Count())];

    // numpy.histogram_bin_edges / histogram and scipy.stats.entropy: bin counts exact, entropies 1e-12 relative.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_numpy_histogram(int index)
    {
        var c = EstimatorsReference.Cases("binning").ElementAt(index);
        double[] x = c.Doubles("x");
        foreach (var rule in c.GetProperty("rules").EnumerateObject())
        {
            var binning = Rules[rule.Name];
            var bins = new int[x.Length];
            int count = binning.Assign(x, bins);
            Assert.Equal(rule.Value.GetProperty("bins").GetInt32(), count);
            int[] expectedCounts = rule.Value.Ints("counts");
            Assert.Equal(expectedCounts, Enumerable.Range(0, count).Select(b => bins.Count(v => v == b)).ToArray());
            double h = rule.Value.GetProperty("entropy").GetDouble();
            Assert.Equal(h, binning.BinEntropy(x).Value, h * 1e-12);
            double hd = rule.Value.GetProperty("differential_entropy").GetDouble();
            Assert.Equal(hd, binning.DifferentialEntropy(x).Value, Math.Abs(hd) * 1e-12);
        }
    }

    [Fact]
    public void Lesson_exercise_binned_mi_of_a_bivariate_gaussian_grows_with_rho()
    {
        // The lesson: discretise correlated Gaussian data into bins; I(X;Y) is ≈ 0 at ρ = 0 and grows with ρ.
        // 20 equal-frequency bins, n = 10⁴, Miller–Madow: the binned value sits below −½ ln(1 − ρ²) (information is
        // lost inside bins) and within 0.1 nats of it for ρ ≤ 0.9.
        var binning = new Binning(BinRule.EqualFrequency, 20, new MillerMadow());
        double previous = -1;
        foreach (double rho in new[] { 0.0, 0.3, 0.6, 0.9 })
        {
            var (x, y) = GaussianSamples.Correlated(10_000, rho, seed: 9);
            double mi = binning.MutualInformation(x, y).Value;
            double exact = -0.5 * Math.Log(1 - (rho * rho));
            Assert.True(mi > previous);
            Assert.InRange(mi, exact - 0.1, exact + 0.02);
            previous = mi;
        }
    }

    [Fact]
    public void Equal_frequency_bins_hold_equal_counts() =>
        Gen.Double[-100, 100].Array[40, 200].Sample(x =>
        {
            var bins = new int[x.Length];
            int count = new Binning(BinRule.EqualFrequency, 4).Assign(x, bins);
            int[] sizes = Enumerable.Range(0, count).Select(b => bins.Count(v => v == b)).ToArray();
            return x.Distinct().Count() < x.Length || sizes.Max() - sizes.Min() <= 1;
        }, iter: 50);

    [Fact]
    public void Binned_mutual_information_is_symmetric() =>
        Gen.Double[-5, 5].Array[60].Select(Gen.Double[-5, 5].Array[60]).Sample((x, y) =>
        {
            var binning = new Binning(BinRule.Sturges);
            return binning.MutualInformation(x, y).RawValue == binning.MutualInformation(y, x).RawValue;
        }, iter: 30);

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Binning().BinEntropy([1.0, double.NaN])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new Binning().MutualInformation([1.0, 2.0], [1.0])).ParamName);
        Assert.Equal("Bins", Assert.Throws<ArgumentOutOfRangeException>(() => new Binning(BinRule.Fixed, 0).BinEntropy([1.0, 2.0])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => new Binning().Assign([1.0, 2.0], new int[1])).ParamName);
    }

    [Theory]
    [InlineData(6e7)]
    [InlineData(1e15)]
    [InlineData(1e300)]
    public void A_far_outlier_is_refused_before_its_bins_are_allocated(double outlier)
    {
        // 2000 values spread over [-2, 2) and one far away: Freedman–Diaconis asks for ~outlier/0.13 bins (numpy would
        // try to allocate them); the refusal names x, the limit and the rule, and no bin array is ever made.
        double[] x = [.. Enumerable.Range(0, 2000).Select(i => -2.0 + (i / 500.0)), outlier];
        var error = Assert.Throws<ArgumentException>(() => new Binning(BinRule.FreedmanDiaconis).DifferentialEntropy(x));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("1,000,000", error.Message);
        Assert.Contains(nameof(BinRule.FreedmanDiaconis), error.Message);

        // Scott's width grows with the outlier's own spread, and the rules that divide the range by a count stay small:
        // at least one bin, at most the limit, however far the outlier.
        foreach (var rule in new[] { BinRule.Scott, BinRule.Sturges, BinRule.SquareRoot, BinRule.Doane })
        {
            Assert.InRange(new Binning(rule).Assign(x, new int[x.Length]), 1, Binning.MaximumBins);
        }

        Assert.Equal(10, new Binning(BinRule.EqualFrequency, 10).Assign(x, new int[x.Length]));
    }

    [Fact]
    public void A_fixed_bin_count_above_the_limit_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Binning(BinRule.Fixed, Binning.MaximumBins + 1).BinEntropy([1.0, 2.0]));
        Assert.Equal("Bins", error.ParamName);
        Assert.Equal(Binning.MaximumBins, new Binning(BinRule.Fixed, Binning.MaximumBins).Assign([1.0, 2.0], new int[2]));
    }

    [Fact]
    public void Many_columns_of_many_bins_label_the_same_cells_as_their_bin_tuples() =>
        // Four columns of a million bins: 10^24 joint cells, beyond a long, which once overflowed with
        // "Arithmetic operation resulted in an overflow". The joint labels must split the rows exactly as the tuples of
        // per-column bins do.
        Gen.Double[-5, 5].Array[4 * 60].Sample(values =>
        {
            var binning = new Binning(BinRule.Fixed, Binning.MaximumBins);
            var joint = binning.Binned(Shannon.Estimators.Variable.Continuous("x", values, dimension: 4)).Codes.ToArray();
            var tuples = new string[60];
            for (int c = 0; c < 4; c++)
            {
                double[] column = [.. Enumerable.Range(0, 60).Select(r => values[(r * 4) + c])];
                var bins = new int[60];
                binning.Assign(column, bins);
                for (int r = 0; r < 60; r++)
                {
                    tuples[r] += $"{bins[r]},";
                }
            }

            for (int a = 0; a < 60; a++)
            {
                for (int b = 0; b < 60; b++)
                {
                    if ((joint[a] == joint[b]) != (tuples[a] == tuples[b]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }, iter: 20);
}
