using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

/// <summary>The ring of accumulators behind every calibration pass: parts merged in order, the first failure reported.</summary>
public class RowPartsTests
{
    /// <summary>A part's accumulator: the rows it saw.</summary>
    private sealed class Part
    {
        public List<int> Rows { get; } = [];
    }

    private static List<int> Merged(int rows, int rowsPerPart, int workers, Func<int, bool>? slow = null)
    {
        var merged = new List<int>();
        RowParts.Workers = workers;
        try
        {
            RowParts.Run(rows, rowsPerPart, () => new Part(), part => part.Rows.Clear(), (part, first, count) =>
            {
                if (slow?.Invoke(first / rowsPerPart) == true)
                {
                    Thread.Sleep(20); // the other workers run ahead until the ring is full, then wait for this part
                }

                Assert.Empty(part.Rows); // cleared before each part, whichever slot it is given
                part.Rows.AddRange(Enumerable.Range(first, count));
            }, part => merged.AddRange(part.Rows));
        }
        finally
        {
            RowParts.Workers = null;
        }

        return merged;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Every_row_is_merged_once_in_row_order_on_any_number_of_workers(int workers)
    {
        Assert.Equal(Enumerable.Range(0, 1003), Merged(1003, 10, workers));

        // A slow part early on: the ring (4 slots per worker) fills behind it, and the merges still follow row order.
        Assert.Equal(Enumerable.Range(0, 1003), Merged(1003, 10, workers, part => part is 1 or 37));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_earliest_failing_part_is_reported_whichever_worker_meets_it_first(int workers)
    {
        // Parts 5 and later fail; part 5 is slow, so a later part fails first on another worker.
        RowParts.Workers = workers;
        try
        {
            var ex = Assert.Throws<InvalidOperationException>(() => RowParts.Run(200, 2, () => 0, _ => { }, (_, first, _) =>
            {
                int part = first / 2;
                if (part == 5)
                {
                    Thread.Sleep(30);
                }

                if (part >= 5)
                {
                    throw new InvalidOperationException($"part {part}");
                }
            }, _ => { }));
            Assert.Equal("part 5", ex.Message);
        }
        finally
        {
            RowParts.Workers = null;
        }
    }
}
