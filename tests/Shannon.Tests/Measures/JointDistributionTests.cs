using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class JointDistributionTests
{
    // p(x, y) on 2 × 3: rows sum to [0.4, 0.6], columns to [0.15, 0.35, 0.5].
    private static readonly double[] TwoByThree = [0.1, 0.2, 0.1, 0.05, 0.15, 0.4];

    [Fact]
    public void Marginals_of_a_two_by_three_table_are_row_and_column_sums_and_a_permutation_transposes()
    {
        var joint = new JointDistribution(TwoByThree, [2, 3]);
        Assert.Equal(2, joint.Rank);
        Assert.Equal([2, 3], joint.Shape.ToArray());
        AssertClose([0.4, 0.6], joint.Marginal([0]).Probabilities);
        AssertClose([0.15, 0.35, 0.5], joint.Marginal([1]).Probabilities);
        var transposed = joint.Marginal([1, 0]);
        Assert.Equal([3, 2], transposed.Shape.ToArray());
        AssertClose([0.1, 0.05, 0.2, 0.15, 0.1, 0.4], transposed.Probabilities);
        AssertClose(TwoByThree, joint.Marginal([0, 1]).Probabilities);
    }

    [Fact]
    public void Three_axis_marginal_sums_out_the_middle_axis()
    {
        // p(x, y, z) = 1/8 + ε·(−1)^(x+y+z) on 2×2×2; p(x, z) sums y out: each cell 1/4 exactly.
        double[] p = [0.15, 0.10, 0.10, 0.15, 0.10, 0.15, 0.15, 0.10];
        var joint = new JointDistribution(p, [2, 2, 2]);
        AssertClose([0.25, 0.25, 0.25, 0.25], joint.Marginal([0, 2]).Probabilities);
        AssertClose([0.25, 0.25, 0.25, 0.25], joint.Marginal([2, 0]).Probabilities);
        AssertClose([0.25, 0.25, 0.25, 0.25], joint.Marginal([0, 1]).Probabilities);
        AssertClose([0.5, 0.5], joint.Marginal([1]).Probabilities);
    }

    [Fact]
    public void Marginal_matches_a_naive_sum_over_multi_indices() =>
        Gen.Select(TestDistributions.Joint, Gen.Int).Sample((joint, seed) =>
        {
            var random = new Random(seed);
            int[] axes = Enumerable.Range(0, joint.Rank).OrderBy(_ => random.Next()).Take(1 + random.Next(joint.Rank)).ToArray();
            int[] shape = joint.Shape.ToArray();
            double[] naive = new double[axes.Aggregate(1, (a, axis) => a * shape[axis])];
            for (int cell = 0; cell < joint.Probabilities.Length; cell++)
            {
                int[] index = new int[shape.Length];
                for (int k = shape.Length - 1, rest = cell; k >= 0; k--)
                {
                    index[k] = rest % shape[k];
                    rest /= shape[k];
                }

                int target = axes.Aggregate(0, (t, axis) => (t * shape[axis]) + index[axis]);
                naive[target] += joint.Probabilities[cell];
            }

            double[] fast = joint.Marginal(axes).Probabilities.ToArray();
            return fast.Zip(naive).All(pair => Math.Abs(pair.First - pair.Second) <= 1e-15);
        });

    [Fact]
    public void FromCounts_is_exact_beyond_the_int32_range()
    {
        var joint = JointDistribution.FromCounts([3_000_000_000L, 1_000_000_000L, 0L, 4_000_000_000L], [2, 2]);
        Assert.Equal([0.375, 0.125, 0.0, 0.5], joint.Probabilities.ToArray());
        Assert.Equal([0.5, 0.5], joint.Marginal([0]).Probabilities.ToArray());
    }

    [Fact]
    public void The_table_is_copied_not_aliased()
    {
        double[] p = [0.5, 0.5];
        var joint = new JointDistribution(p, [2]);
        p[0] = 0.9;
        Assert.Equal(0.5, joint.Probabilities[0]);
    }

    [Fact]
    public void Marginalising_twice_equals_marginalising_once() =>
        Gen.Select(TestDistributions.Joint, Gen.Int).Sample((joint, seed) =>
        {
            var random = new Random(seed);
            int[] first = Enumerable.Range(0, joint.Rank).OrderBy(_ => random.Next()).Take(1 + random.Next(joint.Rank)).ToArray();
            int[] second = Enumerable.Range(0, first.Length).OrderBy(_ => random.Next()).Take(1 + random.Next(first.Length)).ToArray();
            var twice = joint.Marginal(first).Marginal(second).Probabilities.ToArray();
            var once = joint.Marginal(second.Select(i => first[i]).ToArray()).Probabilities.ToArray();
            return twice.Length == once.Length
                && twice.Zip(once).All(pair => Math.Abs(pair.First - pair.Second) <= 1e-15)
                && Math.Abs(twice.Sum() - 1.0) <= 1e-12;
        });

    [Fact]
    public void Bad_tables_and_axes_name_the_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => new JointDistribution([0.5, 0.6, -0.1, 0.0], [2, 2]));
        Assert.Equal("probabilities", ex.ParamName);
        Assert.Contains("negative entry -0.1 at index 2", ex.Message);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => new JointDistribution([0.5, 0.4], [2])).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => new JointDistribution([double.NaN, 1.0], [2])).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => new JointDistribution([0.5, 0.5], [3])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => new JointDistribution([1.0], [1, 0])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => new JointDistribution([1.0], [])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => JointDistribution.FromCounts([1, -1], [2])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => JointDistribution.FromCounts([0, 0], [2])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => JointDistribution.FromCounts([1, 2, 3], [2, 2])).ParamName);
        Assert.Throws<OverflowException>(() => JointDistribution.FromCounts([long.MaxValue, 1], [2]));

        var joint = new JointDistribution(TwoByThree, [2, 3]);
        Assert.Equal("axes", Assert.Throws<ArgumentException>(() => joint.Marginal([])).ParamName);
        var outside = Assert.Throws<ArgumentException>(() => joint.Marginal([0, 2]));
        Assert.Equal("axes", outside.ParamName);
        Assert.Contains("axis 2 at index 1, outside [0, 2)", outside.Message);
        Assert.Equal("axes", Assert.Throws<ArgumentException>(() => joint.Marginal([-1])).ParamName);
        Assert.Contains("repeats the axis 1", Assert.Throws<ArgumentException>(() => joint.Marginal([1, 1])).Message);
    }

    private static void AssertClose(double[] expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-15);
        }
    }
}
