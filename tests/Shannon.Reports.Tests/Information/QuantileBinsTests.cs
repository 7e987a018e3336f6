using CsCheck;
using Shannon.Reports.Information;

namespace Shannon.Reports.Tests.Information;

public class QuantileBinsTests
{
    [Fact]
    public void Few_distinct_values_keep_one_code_each()
    {
        int[] codes = QuantileBins.Codes([3.0, 1.0, 2.0, 3.0, 1.0], 10, out int distinct);
        Assert.Equal(3, distinct);
        Assert.Equal([2, 0, 1, 2, 0], codes);
    }

    [Fact]
    public void Equal_frequency_bins_on_distinct_values()
    {
        double[] values = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        int[] codes = QuantileBins.Codes(values, 4, out int distinct);
        Assert.Equal(4, distinct);
        Assert.All(Enumerable.Range(0, 4), bin => Assert.Equal(25, codes.Count(c => c == bin)));
    }

    [Fact]
    public void Ties_share_a_bin_and_codes_are_monotone_in_the_value() =>
        Gen.Int[0, 20].Array[1, 200].Sample(raw =>
        {
            double[] values = raw.Select(v => (double)v).ToArray();
            int[] codes = QuantileBins.Codes(values, 5, out int distinct);
            bool inRange = codes.All(c => c >= 0 && c < distinct) && distinct <= Math.Max(5, values.Distinct().Count());
            bool monotone = Enumerable.Range(0, values.Length).All(i => Enumerable.Range(0, values.Length)
                .All(j => values[i] > values[j] ? codes[i] >= codes[j] : values[i] != values[j] || codes[i] == codes[j]));
            return inRange && monotone;
        });
}
