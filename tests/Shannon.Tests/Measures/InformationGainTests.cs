using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class InformationGainTests
{
    private static readonly int[] OutlookShape = [3, 2];

    // Quinlan (1986), Table 1: outlook sunny (2 P, 3 N), overcast (4, 0), rain (3, 2); windy false (6, 2), true (3, 3).
    private static readonly long[] Outlook = [2, 3, 4, 0, 3, 2];

    [Fact] // Quinlan prints gain(outlook) = 0.246 bits, gain(windy) = 0.048 bits; split info of outlook 1.578 bits.
    public void Quinlans_weather_example()
    {
        Assert.Equal(0.24674981977443933, InformationGain.Of(Outlook, OutlookShape, LogBase.Bits), 1e-14);
        Assert.Equal(0.04812703040826949, InformationGain.Of([6, 2, 3, 3], [2, 2], LogBase.Bits), 1e-14);
        Assert.Equal(0.24674981977443933 / 1.5774062828523454, InformationGain.GainRatio(Outlook, OutlookShape), 1e-14);
        Assert.Equal(0.15642756242117528, InformationGain.GainRatio(ContingencyTable.FromCounts(Outlook, 3, 2)), 1e-14);
    }

    [Fact]
    public void Pure_branches_gain_the_class_entropy_and_one_branch_gains_nothing()
    {
        double hy = Math.Log(3) - (2.0 / 3 * Math.Log(2));
        Assert.Equal(hy, InformationGain.Of([2, 0, 0, 2, 0, 2], [3, 2]), 1e-15);
        Assert.Equal(hy / Math.Log(3), InformationGain.GainRatio([2, 0, 0, 2, 0, 2], [3, 2]), 1e-15);
        Assert.Equal(0.0, InformationGain.Of([4, 7], [1, 2]));
        Assert.Equal(0.0, InformationGain.GainRatio([4, 7, 0, 0], [2, 2])); // one occupied branch
    }

    [Fact]
    public void Counts_beyond_the_int32_range_give_the_same_gain_as_their_ratios()
    {
        long[] large = Outlook.Select(c => c * 1_000_000_000L).ToArray();
        Assert.Equal(InformationGain.Of(Outlook, OutlookShape), InformationGain.Of(large, OutlookShape), 1e-14);
        Assert.Equal(InformationGain.GainRatio(Outlook, OutlookShape), InformationGain.GainRatio(large, OutlookShape), 1e-14);
    }

    [Fact]
    public void Gain_is_the_parent_entropy_minus_the_weighted_branch_entropies() =>
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5]).SelectMany((b, c) => Gen.Long[0, 50].Array[b * c].Where(n => n.Sum() > 0).Select(n => (n, b, c)))
            .Sample((counts, branches, classes) =>
            {
                double total = counts.Sum();
                double[] classTotals = Enumerable.Range(0, classes).Select(k => (double)Enumerable.Range(0, branches).Sum(b => counts[(b * classes) + k])).ToArray();
                double expected = EntropyOf(classTotals);
                for (int b = 0; b < branches; b++)
                {
                    double[] row = counts.Skip(b * classes).Take(classes).Select(n => (double)n).ToArray();
                    expected -= row.Sum() / total * EntropyOf(row);
                }

                double gain = InformationGain.Of(counts, [branches, classes]);
                double ratio = InformationGain.GainRatio(counts, [branches, classes]);
                return Math.Abs(gain - Math.Max(0.0, expected)) <= 1e-12 && ratio is >= 0.0 and <= 1.0;
            });

    private static double EntropyOf(double[] counts)
    {
        double total = counts.Sum();
        return total == 0 ? 0.0 : Entropy.Of(TestDistributions.Normalized(counts));
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => InformationGain.Of([1, 2], [2])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => InformationGain.Of([1, 2, 3], [2, 2])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => InformationGain.GainRatio([1, -2, 3, 4], [2, 2])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => InformationGain.Of([0, 0], [1, 2])).ParamName);
        Assert.Throws<OverflowException>(() => InformationGain.Of([long.MaxValue, 1], [1, 2]));
        Assert.Throws<ArgumentNullException>(() => InformationGain.Of(null!));
        Assert.Throws<ArgumentNullException>(() => InformationGain.GainRatio(null!));
    }
}
