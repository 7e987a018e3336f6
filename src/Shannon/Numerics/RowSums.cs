namespace Shannon.Numerics;

/// <summary>
/// A measure on every row of row-major matrices of distributions (scipy's <c>axis=-1</c> case): each row is one
/// fused, vectorised <see cref="BlockSum"/> pass; many short rows run on all cores in groups of about
/// <see cref="BlockSum.PartSize"/> elements, a long row parallelises inside its own pass. Each row's value depends
/// on that row alone, so results are the same on any number of cores.
/// </summary>
internal static class RowSums
{
    /// <summary>Σⱼ f(pᵣⱼ) for every row r of p, in nats (clamped at 0 where the measure is non-negative), into destination.</summary>
    internal static void Of<TKernel>(ReadOnlySpan<double> p, int outcomes, Span<double> destination, LogBase logBase, string pName)
        where TKernel : struct, IBlockKernel =>
        Of<TKernel>(p, default, outcomes, destination, logBase, pName, qName: null);

    /// <summary>Σⱼ f(pᵣⱼ, qᵣⱼ) for every row r of p and q, in nats (clamped at 0), into destination.</summary>
    internal static unsafe void Of<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int outcomes, Span<double> destination, LogBase logBase, string pName, string? qName)
        where TKernel : struct, IBlockKernel
    {
        Guard.NotEmpty(p, pName);
        if (outcomes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(outcomes), outcomes, "outcomes (the row length) must be at least 1.");
        }

        if (p.Length % outcomes != 0)
        {
            throw new ArgumentException($"{pName} has {p.Length} entries, not a whole number of rows of {outcomes} outcomes.", pName);
        }

        if (qName is not null)
        {
            Guard.SameLength(p, q, pName, qName);
        }

        int rows = p.Length / outcomes;
        Guard.DestinationFits(destination, rows, nameof(destination));

        if (rows == 1 || p.Length < BlockSum.ParallelThreshold || outcomes >= BlockSum.PartSize)
        {
            for (int r = 0; r < rows; r++)
            {
                destination[r] = Row<TKernel>(p, q, r, outcomes, logBase, pName, qName);
            }

            return;
        }

        int rowsPerGroup = Math.Max(1, BlockSum.PartSize / outcomes);
        int groups = (rows + rowsPerGroup - 1) / rowsPerGroup;
        int firstBadRow = int.MaxValue;
        ArgumentException? firstError = null;
        var gate = new object();
        fixed (double* pPointer = p)
        fixed (double* qPointer = q)
        fixed (double* destinationPointer = destination)
        {
            nint pAddress = (nint)pPointer, qAddress = (nint)qPointer, destinationAddress = (nint)destinationPointer;
            int length = p.Length;
            bool hasQ = qName is not null;
            ParallelLoop.For(0, groups, group =>
            {
                var pAll = new ReadOnlySpan<double>((double*)pAddress, length);
                var qAll = hasQ ? new ReadOnlySpan<double>((double*)qAddress, length) : default;
                var results = new Span<double>((double*)destinationAddress, rows);
                int end = Math.Min(rows, (group + 1) * rowsPerGroup);
                for (int r = group * rowsPerGroup; r < end; r++)
                {
                    try
                    {
                        results[r] = Row<TKernel>(pAll, qAll, r, outcomes, logBase, pName, qName);
                    }
                    catch (ArgumentException error)
                    {
                        lock (gate)
                        {
                            if (r < firstBadRow)
                            {
                                (firstBadRow, firstError) = (r, error);
                            }
                        }

                        return;
                    }
                }
            });
        }

        if (firstError is not null)
        {
            throw firstError; // the error of the first bad row, as the sequential loop would report
        }
    }

    private static double Row<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int r, int outcomes, LogBase logBase, string pName, string? qName)
        where TKernel : struct, IBlockKernel
    {
        var pRow = p.Slice(r * outcomes, outcomes);
        var qRow = qName is null ? default : q.Slice(r * outcomes, outcomes);
        double nats;
        try
        {
            nats = qName is null ? BlockSum.Of<TKernel>(pRow, pName) : BlockSum.Of<TKernel>(pRow, qRow, pName, qName);
        }
        catch (ArgumentException)
        {
            // Name the row and the column of the bad entry (or the row's sum).
            Guard.DistributionRow(pRow, r, pName);
            if (qName is not null)
            {
                Guard.DistributionRow(qRow, r, qName);
            }

            throw;
        }

        return logBase.FromNats(Math.Max(0.0, nats));
    }
}
