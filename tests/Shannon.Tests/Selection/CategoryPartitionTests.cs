using CsCheck;
using Shannon.Measures;
using Shannon.Selection;

namespace Shannon.Tests.Selection;

public class CategoryPartitionTests
{
    /// <summary>(categories, classes, x codes, y codes) with every code in range.</summary>
    private static Gen<(int Categories, int Classes, int[] X, int[] Y)> Rows(int maxCategories, int minClasses, int maxClasses) =>
        Gen.Select(Gen.Int[2, maxCategories], Gen.Int[minClasses, maxClasses], Gen.Int[4, 120])
            .SelectMany(t => Gen.Select(Gen.Int[0, t.Item1 - 1].Array[t.Item3], Gen.Int[0, t.Item2 - 1].Array[t.Item3])
                .Select((x, y) => (t.Item1, t.Item2, x, y)));

    [Fact]
    public void A_perfectly_separating_grouping_gains_the_whole_class_entropy()
    {
        // Categories 0 and 2 are always class 0, 1 and 3 always class 1: grouping {0, 2} | {1, 3} gains H(Y) = ln 2.
        int[] x = [0, 1, 2, 3, 0, 1, 2, 3];
        int[] y = [0, 1, 0, 1, 0, 1, 0, 1];
        var split = SplitSearch.BestBinaryPartition(x, 4, y, 2)!;
        Assert.Equal([0, 2], split.LeftCategories);
        Assert.Equal(Math.Log(2), split.Gain, 14);
        Assert.Equal(1.0, split.GainRatio, 14);
        Assert.True(split.Exact);
    }

    [Fact]
    public void Binary_targets_match_brute_force_through_the_class_share_ordering()
    {
        Rows(9, 2, 2).Sample(t => AssertOptimal(t.Categories, t.Classes, t.X, t.Y));
    }

    [Fact]
    public void Several_classes_are_searched_exhaustively_in_gray_code_order()
    {
        Rows(8, 3, 5).Sample(t => AssertOptimal(t.Categories, t.Classes, t.X, t.Y));
    }

    [Fact]
    public void The_heuristic_beyond_the_exhaustive_limit_never_beats_the_multiway_split()
    {
        // Merging categories is processing X, so a binary grouping can gain at most I(X;Y), the multiway gain.
        Rows(40, 3, 4).Where(t => t.Categories > SplitSearch.ExhaustivePartitionLimit).Sample(t =>
        {
            var split = SplitSearch.BestBinaryPartition(t.X, t.Categories, t.Y, t.Classes);
            if (split is not null)
            {
                Assert.InRange(split.Gain, 0.0, SplitSearch.Categorical(t.X, t.Y).Gain + 1e-12);
                Assert.Equal(t.X.Length, split.LeftCount + split.RightCount);
            }
        });
    }

    [Fact]
    public void Min_leaf_is_respected_and_a_single_category_has_no_split()
    {
        int[] x = [0, 0, 0, 0, 1, 2];
        int[] y = [0, 0, 0, 0, 1, 1];
        var split = SplitSearch.BestBinaryPartition(x, 3, y, 2, minLeaf: 2)!;
        Assert.True(split.LeftCount >= 2 && split.RightCount >= 2);
        Assert.Null(SplitSearch.BestBinaryPartition([1, 1, 1], 3, [0, 1, 0], 2));
        Assert.Null(SplitSearch.BestBinaryPartition(x, 3, y, 2, minLeaf: 4));
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => SplitSearch.BestBinaryPartition([0, 3], 3, [0, 1], 2)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => SplitSearch.BestBinaryPartition([0, 1], 3, [0, 2], 2)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SplitSearch.BestBinaryPartition([0, 1], 3, [0, 1], 2, minLeaf: 0));
        Assert.ThrowsAny<ArgumentException>(() => SplitSearch.BestBinaryPartition([0, 1], 3, [0], 2));
    }

    /// <summary>Every two-way grouping scored with the library's InformationGain on its 2 × C table.</summary>
    private static void AssertOptimal(int categories, int classes, int[] x, int[] y)
    {
        int[] present = x.Distinct().Order().ToArray();
        var split = SplitSearch.BestBinaryPartition(x, categories, y, classes);
        if (present.Length < 2)
        {
            Assert.Null(split);
            return;
        }

        double best = 0.0;
        for (int mask = 1; mask < (1 << present.Length) - 1; mask++)
        {
            var left = present.Where((_, j) => (mask & (1 << j)) != 0).ToHashSet();
            var table = new long[2 * classes];
            for (int i = 0; i < x.Length; i++)
            {
                table[((left.Contains(x[i]) ? 0 : 1) * classes) + y[i]]++;
            }

            best = Math.Max(best, InformationGain.Of(table, [2, classes]));
        }

        Assert.NotNull(split);
        Assert.True(split.Exact);
        // Two summation orders of the same gain: compare with a tolerance, not by rounding to 12 decimals (which
        // can straddle a rounding boundary).
        Assert.True(Math.Abs(best - split.Gain) <= 1e-12, $"brute force {best:R}, search {split.Gain:R}");
    }
}
