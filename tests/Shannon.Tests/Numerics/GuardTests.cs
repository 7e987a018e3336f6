using CsCheck;
using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

public class GuardTests
{
    [Fact]
    public void Counts_total_is_the_exact_sum() =>
        Gen.Long[0, long.MaxValue / 64].Array[1, 60].Where(c => c.Any(x => x > 0)).Sample(counts =>
            Guard.CountsTotal(counts, "counts") == counts.Sum());

    [Fact]
    public void Counts_are_rejected_with_the_parameter_name_and_the_entry()
    {
        var negative = Assert.Throws<ArgumentException>(() => Guard.CountsTotal([3, -2], "tally"));
        Assert.Equal("tally", negative.ParamName);
        Assert.Contains("negative entry -2 at index 1", negative.Message);
        Assert.Equal("tally", Assert.Throws<ArgumentException>(() => Guard.CountsTotal([], "tally")).ParamName);
        Assert.Contains("sum to 0", Assert.Throws<ArgumentException>(() => Guard.CountsTotal([0, 0], "tally")).Message);
        Assert.Throws<OverflowException>(() => Guard.CountsTotal([long.MaxValue, 1], "tally"));
    }

    [Fact]
    public void Lengths_and_destinations_name_the_parameter()
    {
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Guard.SameLength<int, double>([1, 2], [1.0], "a", "b")).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Guard.DestinationFits(new double[1], 2, "destination")).ParamName);
        Guard.DestinationFits(new double[2], 2, "destination");
    }
}
