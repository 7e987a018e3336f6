using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class ContingencyTableTests
{
    [Fact]
    public void Rows_and_columns_are_the_distinct_labels_in_ascending_order()
    {
        var table = ContingencyTable.FromLabels([5, -3, 5, 100, -3, 5], [2, 2, 0, 0, 2, 1]);
        Assert.Equal(3, table.Rows);
        Assert.Equal(3, table.Columns);
        Assert.Equal(6, table.Total);
        Assert.Equal([2L, 3, 1], table.RowSums.ToArray());
        Assert.Equal([2L, 1, 3], table.ColumnSums.ToArray());
        var dense = new long[9];
        table.CopyTo(dense);
        // rows −3, 5, 100; columns 0, 1, 2
        Assert.Equal([0L, 0, 2, 1, 1, 1, 1, 0, 0], dense);
        Assert.Equal(1, table[2, 0]);
        Assert.False(table.IsSparse);
        Assert.Equal([(0, 2, 2L), (1, 0, 1L), (1, 1, 1L), (1, 2, 1L), (2, 0, 1L)], table.NonZeroCells().ToArray());
    }

    [Fact]
    public void Long_labels_at_the_extremes_are_encoded()
    {
        var table = ContingencyTable.FromLabels([long.MinValue, long.MaxValue, 0, long.MaxValue], [1L, 1, 2, 2]);
        Assert.Equal([1L, 1, 2], table.RowSums.ToArray());
        Assert.Equal(1, table[2, 0]);
        Assert.Equal(1, table[2, 1]);
    }

    [Fact]
    public void String_labels_are_ordinal_and_case_sensitive()
    {
        var table = ContingencyTable.FromLabels(["b", "a", "B", "b"], ["x", "y", "x", "x"]);
        // Ordinal order: "B" < "a" < "b".
        Assert.Equal([1L, 1, 2], table.RowSums.ToArray());
        Assert.Equal(2, table[2, 0]);
        Assert.Equal(1, table[1, 1]);
    }

    [Fact]
    public void Many_clusters_are_stored_sparsely()
    {
        // 3000 × 3000 cells > 2²²: the table keeps only the 3000 non-zero cells.
        int[] u = Enumerable.Range(0, 3000).Select(i => i * 11).ToArray();
        int[] v = Enumerable.Range(0, 3000).Select(i => 2999 - i).ToArray();
        var table = ContingencyTable.FromLabels(u, v);
        Assert.True(table.IsSparse);
        Assert.Equal(3000, table.NonZeroCells().Count());
        Assert.Equal(1, table[0, 2999]);
        Assert.Equal(0, table[0, 0]);
        Assert.Equal(Math.Log(3000), Clustering.MutualInformation(table), 1e-13);
        Assert.Equal(1.0, Clustering.NormalizedMutualInformation(table), 1e-15);
        Assert.Throws<ArgumentException>(() => table.CopyTo(new long[10]));
    }

    [Fact]
    public void Parallel_counting_of_millions_of_pairs_matches_a_dictionary()
    {
        // 2²¹ pairs go through per-thread tables; a seeded LCG makes the labels.
        const int n = 1 << 21;
        var u = new int[n];
        var v = new int[n];
        var expected = new Dictionary<(int, int), long>();
        uint state = 12345;
        for (int i = 0; i < n; i++)
        {
            state = (state * 1664525) + 1013904223;
            u[i] = (int)(state >> 8) % 37;
            v[i] = (int)((state >> 20) % 23) * 3;
            var key = (u[i], v[i] / 3);
            expected[key] = expected.GetValueOrDefault(key) + 1;
        }

        var table = ContingencyTable.FromLabels(u, v);
        Assert.Equal(n, table.Total);
        foreach (var ((row, column), count) in expected)
        {
            Assert.Equal(count, table[row, column]);
        }
    }

    [Fact]
    public void Every_labelling_type_gives_the_same_table() =>
        Gen.Int[1, 80].SelectMany(n => Gen.Int[-5, 5].Array[n].Select(Gen.Int[0, 500].Array[n], (u, v) => (u, v))).Sample(l =>
        {
            var fromInt = ContingencyTable.FromLabels(l.u, l.v);
            var fromLong = ContingencyTable.FromLabels(l.u.Select(x => (long)x * 1_000_000_000_000L).ToArray(), l.v.Select(x => (long)x).ToArray());
            var fromString = ContingencyTable.FromLabels(
                l.u.Select(x => ((char)('a' + x + 5)).ToString()).ToArray(),
                l.v.Select(x => x.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            return fromInt.NonZeroCells().SequenceEqual(fromLong.NonZeroCells())
                && fromInt.NonZeroCells().SequenceEqual(fromString.NonZeroCells())
                && fromInt.RowSums.SequenceEqual(fromString.RowSums);
        });

    [Fact]
    public void From_counts_keeps_the_shape_and_checks_the_total()
    {
        var table = ContingencyTable.FromCounts([0, 0, 0, 3, 4, 0], 2, 3);
        Assert.Equal(2, table.Rows);
        Assert.Equal([0L, 7], table.RowSums.ToArray());
        Assert.Equal(0.0, Clustering.MutualInformation(table));
        Assert.Throws<OverflowException>(() => ContingencyTable.FromCounts([long.MaxValue, 1], 1, 2));
    }

    [Fact]
    public void From_cells_adds_repeated_cells_in_any_order()
    {
        var table = ContingencyTable.FromCells(2, 3, [1, 0, 1, 0], [2, 1, 2, 0], [4, 5, 6, 0]);
        Assert.True(table.IsSparse);
        Assert.Equal([(0, 1, 5L), (1, 2, 10L)], table.NonZeroCells().ToArray());
        Assert.Equal([5L, 10], table.RowSums.ToArray());
        Assert.Equal(15, table.Total);
    }

    [Fact]
    public void From_cells_equals_the_table_of_the_labels_they_count() =>
        Gen.Int[1, 60].SelectMany(n => Gen.Int[0, 4].Array[n].Select(Gen.Int[0, 6].Array[n], (u, v) => (u, v))).Sample(l =>
        {
            var fromLabels = ContingencyTable.FromLabels(l.u, l.v);
            var cells = fromLabels.NonZeroCells().Reverse().SelectMany(c => new[] { (c.Row, c.Column, c.Count - (c.Count / 2)), (c.Row, c.Column, c.Count / 2) }).ToArray();
            var fromCells = ContingencyTable.FromCells(
                fromLabels.Rows, fromLabels.Columns, cells.Select(c => c.Row).ToArray(), cells.Select(c => c.Column).ToArray(), cells.Select(c => c.Item3).ToArray());
            return fromCells.NonZeroCells().SequenceEqual(fromLabels.NonZeroCells())
                && Clustering.MutualInformation(fromCells) == Clustering.MutualInformation(fromLabels);
        });

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("labelsTrue", Assert.Throws<ArgumentException>(() => ContingencyTable.FromLabels(ReadOnlySpan<int>.Empty, [])).ParamName);
        var mismatch = Assert.Throws<ArgumentException>(() => ContingencyTable.FromLabels(["a", "b"], ["a"]));
        Assert.Equal("labelsPredicted", mismatch.ParamName);
        var nullLabel = Assert.Throws<ArgumentException>(() => ContingencyTable.FromLabels(["a", "b"], ["a", null!]));
        Assert.Equal("labelsPredicted", nullLabel.ParamName);
        Assert.Contains("null label at index 1", nullLabel.Message);
        var negative = Assert.Throws<ArgumentException>(() => ContingencyTable.FromCounts([1, -2], 1, 2));
        Assert.Equal("counts", negative.ParamName);
        Assert.Contains("negative entry -2 at index 1", negative.Message);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => ContingencyTable.FromCounts([0, 0], 1, 2)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => ContingencyTable.FromCounts([1, 2, 3], 2, 2)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => ContingencyTable.FromCounts([1, 2], 1, 2).CopyTo(new long[1])).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => ContingencyTable.FromCounts([1, 2], 1, 2)[1, 0]).ParamName);
        Assert.Equal("cellCounts", Assert.Throws<ArgumentException>(() => ContingencyTable.FromCells(1, 2, [0], [0], [1, 2])).ParamName);
        Assert.Equal("cellRows", Assert.Throws<ArgumentException>(() => ContingencyTable.FromCells(1, 2, [1], [0], [1])).ParamName);
        var column = Assert.Throws<ArgumentException>(() => ContingencyTable.FromCells(1, 2, [0], [-1], [1]));
        Assert.Equal("cellColumns", column.ParamName);
        Assert.Contains("cell 0 is (row 0, column -1, count 1)", column.Message);
        Assert.Equal("cellCounts", Assert.Throws<ArgumentException>(() => ContingencyTable.FromCells(1, 2, [0], [1], [-3])).ParamName);
        Assert.Equal("cellCounts", Assert.Throws<ArgumentException>(() => ContingencyTable.FromCells(1, 2, [0], [1], [0])).ParamName);
        Assert.Throws<OverflowException>(() => ContingencyTable.FromCells(1, 2, [0, 0], [1, 1], [long.MaxValue, 1]));
    }

    [Fact]
    public void A_total_past_a_long_says_so_instead_of_a_bare_arithmetic_overflow()
    {
        var cell = Assert.Throws<OverflowException>(() => ContingencyTable.FromCells(1, 2, [0, 0], [1, 1], [long.MaxValue, 1]));
        Assert.Contains("cell (row 0, column 1) sum past 2^63 - 1", cell.Message, StringComparison.Ordinal);
        var total = Assert.Throws<OverflowException>(() => ContingencyTable.FromCells(1, 2, [0, 0], [0, 1], [long.MaxValue, 1]));
        Assert.Contains("counts sum past 2^63 - 1 = 9223372036854775807", total.Message, StringComparison.Ordinal);
        var dense = Assert.Throws<OverflowException>(() => ContingencyTable.FromCounts([long.MaxValue, 1], 1, 2));
        Assert.Contains("sum past 2^63 - 1", dense.Message, StringComparison.Ordinal);
        Assert.Equal(long.MaxValue, ContingencyTable.FromCells(1, 2, [0, 0], [0, 1], [long.MaxValue - 1, 1]).Total);
    }
}
