using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// What one pass over a block of rows accumulates: the NLL and Brier sums, the number of correct arg-maxes, and the
/// classwise table (for every class k and equal-width bin b: how many p_ik fell in the bin, Σ p_ik, Σ p_ik², how many
/// of those rows have label k and Σ p_ik over them).
/// </summary>
/// <remarks>
/// Almost every p_ik of a many-class softmax lies in the first bin, so the first bin is not counted element by element:
/// every p_ik is added, a vector (<see cref="Vector{T}"/>: 256 or 128 bits) at a time, to per-class totals, the rare p_ik above the first edge are
/// binned one by one, and the first bin is the totals minus the other bins (<see cref="Finish"/>). A part lists the
/// cells of bins above the first that it touched, so that merging it and clearing it for the next block of rows cost
/// those cells, not the whole table: on 1000 classes × 15 bins, five 120 KB arrays per part of 262 rows, merged on one
/// thread between the parts, took about a sixth of the report's pass over 10⁶ rows.
/// </remarks>
internal sealed class CalibrationPart
{
    private readonly UniformBinLocator _bins;
    private readonly double _rareThreshold;
    private readonly float _rareThresholdSingle;
    private readonly double[] _classLanes;
    private readonly double[] _classSquareLanes;

    /// <summary>The cells <see cref="AddRare"/> touched, then those <see cref="AddLabel"/> touched, each listed once, while <see cref="_dense"/> is false.</summary>
    private readonly int[] _rareCells;
    private readonly int[] _labelCells;
    private int _rareCount;
    private int _labelCount;

    /// <summary>True when the lists do not cover every non-zero cell (a list overflowed, another part was added, or the first bins were filled): merge and clear whole.</summary>
    private bool _dense;

    /// <summary>At most this many touched cells of each kind are listed; a part that touches more is merged and cleared whole.</summary>
    private const int MaxListed = 1 << 14;

    /// <param name="classes">C.</param>
    /// <param name="bins">The classwise bins per class.</param>
    /// <param name="width">The padded row width of short rows (0 when rows are read in place): the per-class totals get that many slots, the padding's zeros landing in the spare ones.</param>
    internal CalibrationPart(int classes, int bins, int width = 0)
    {
        Classes = classes;
        Bins = bins;
        Edges = CalibrationBinning.UniformEdges(bins);
        _bins = new UniformBinLocator(Edges);
        _rareThreshold = bins >= 2 ? Edges[1] : double.PositiveInfinity;
        float single = (float)_rareThreshold;
        _rareThresholdSingle = single > _rareThreshold ? MathF.BitDecrement(single) : single;
        int cells = checked(classes * bins);
        TotalP = new double[Math.Max(classes, width)];
        TotalSquares = new double[Math.Max(classes, width)];
        Counts = new long[cells];
        SumP = new double[cells];
        SumSquares = new double[cells];
        LabelCounts = new long[cells];
        LabelP = new double[cells];
        // Only rows read in transposed blocks use the lane totals; on 1000 classes the two 32 KB tables were folded
        // (adding zeros) and cleared after every part of 262 rows for nothing.
        int lanes = classes < MetricsPass.BlockBelow ? classes * Vector<double>.Count : 0;
        _classLanes = new double[lanes];
        _classSquareLanes = new double[lanes];
        _rareCells = new int[Math.Min(cells, MaxListed)];
        _labelCells = new int[Math.Min(cells, MaxListed)];
        TopCounts = new long[bins];
        TopConfidence = new CompensatedSum[bins];
        TopCorrect = new long[bins];
    }

    internal int Classes { get; }

    internal int Bins { get; }

    /// <summary>The equal-width edges of the classwise bins.</summary>
    internal double[] Edges { get; }

    internal long Rows { get; set; }

    internal long Correct { get; set; }

    internal CompensatedSum Nll;

    internal CompensatedSum Brier;

    internal double[] TotalP { get; }

    internal double[] TotalSquares { get; }

    internal long[] Counts { get; }

    internal double[] SumP { get; }

    internal double[] SumSquares { get; }

    internal long[] LabelCounts { get; }

    internal double[] LabelP { get; }

    /// <summary>Rows per equal-width top-label bin (of the confidence max_k p_k).</summary>
    internal long[] TopCounts { get; }

    /// <summary>Σ confidence per top-label bin.</summary>
    internal CompensatedSum[] TopConfidence { get; }

    /// <summary>Correct arg-maxes per top-label bin.</summary>
    internal long[] TopCorrect { get; }

    /// <summary>Counts a row's top-label confidence and whether its arg-max is its label in the equal-width top-label bins.</summary>
    internal void AddTop(double confidence, bool correct)
    {
        int b = _bins.Locate(confidence);
        TopCounts[b]++;
        TopConfidence[b].Add(confidence);
        TopCorrect[b] += correct ? 1 : 0;
    }

    /// <summary>The equal-width top-label bins of every row added. Needs the last merge.</summary>
    internal TopLabelBins TopBins() =>
        TopLabelBins.FromTotals(Edges, TopCounts, Array.ConvertAll(TopConfidence, s => s.Value), TopCorrect, Rows);

    /// <summary>Adds a chunk p of one row's probabilities (classes <paramref name="start"/> on) to the table; returns Σ p².</summary>
    internal double AddProbabilities<T>(ReadOnlySpan<T> p, int start)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        return typeof(T) == typeof(float)
            ? AddSingles(MemoryMarshal.Cast<T, float>(p), start, 1f)
            : AddDoubles(MemoryMarshal.Cast<T, double>(p), start);
    }

    /// <summary>Adds the probabilities p_k = <paramref name="e"/>_k·<paramref name="scale"/> (classes <paramref name="start"/> on) to the table; returns Σ p².</summary>
    internal double AddProbabilities(ReadOnlySpan<float> e, int start, float scale) => AddSingles(e, start, scale);

    /// <summary>
    /// Adds the probabilities of class <paramref name="c"/> in the rows of a transposed block (one per lane) to the
    /// class's lane totals (folded by <see cref="FoldLanes"/>), bins the rare ones above the first edge, and adds their
    /// squares lane by lane to the rows' sums of squares.
    /// </summary>
    internal void AddClass(int c, Vector<float> p, ref Vector<double> squaresLow, ref Vector<double> squaresHigh)
    {
        Vector.Widen(p, out var low, out var high);
        var lowSquares = low * low;
        var highSquares = high * high;
        nuint slot = (nuint)(c * Vector<double>.Count);
        ref double totals = ref MemoryMarshal.GetArrayDataReference(_classLanes);
        ref double totalSquares = ref MemoryMarshal.GetArrayDataReference(_classSquareLanes);
        (Vector.LoadUnsafe(ref totals, slot) + low + high).StoreUnsafe(ref totals, slot);
        (Vector.LoadUnsafe(ref totalSquares, slot) + lowSquares + highSquares).StoreUnsafe(ref totalSquares, slot);
        squaresLow += lowSquares;
        squaresHigh += highSquares;
        uint rare = VectorBits.MostSignificant(Vector.GreaterThan(p, new Vector<float>(_rareThresholdSingle)));
        while (rare != 0)
        {
            int lane = BitOperations.TrailingZeroCount(rare);
            AddRare(c, p[lane]);
            rare &= rare - 1;
        }
    }

    /// <summary>Adds the lane totals of <see cref="AddClass"/> to the per-class totals, in lane order, and clears them. Call at the end of a part.</summary>
    internal void FoldLanes()
    {
        int width = Vector<double>.Count;
        if (_classLanes.Length == 0)
        {
            return;
        }

        for (int c = 0; c < Classes; c++)
        {
            for (int lane = 0; lane < width; lane++)
            {
                TotalP[c] += _classLanes[(c * width) + lane];
                TotalSquares[c] += _classSquareLanes[(c * width) + lane];
            }
        }

        Array.Clear(_classLanes);
        Array.Clear(_classSquareLanes);
    }

    /// <summary>Counts the label's own cell: row's label <paramref name="label"/> with probability <paramref name="p"/>.</summary>
    internal void AddLabel(int label, double p)
    {
        int cell = (label * Bins) + _bins.Locate(p);
        if (LabelCounts[cell] == 0)
        {
            List(_labelCells, ref _labelCount, cell);
        }

        LabelCounts[cell]++;
        LabelP[cell] += p;
    }

    /// <summary>Adds another part (the next block of rows).</summary>
    internal void Add(CalibrationPart other)
    {
        Rows += other.Rows;
        Correct += other.Correct;
        Nll.Add(other.Nll);
        Brier.Add(other.Brier);
        AddInto(TotalP, other.TotalP);
        AddInto(TotalSquares, other.TotalSquares);
        _dense = true; // this part's lists do not follow the other's cells
        if (other._dense)
        {
            AddInto(SumP, other.SumP);
            AddInto(SumSquares, other.SumSquares);
            AddInto(LabelP, other.LabelP);
            AddInto(Counts, other.Counts);
            AddInto(LabelCounts, other.LabelCounts);
        }
        else
        {
            // Every other cell of the other part is zero, and adding a zero changes no bit here.
            foreach (int cell in other._rareCells.AsSpan(0, other._rareCount))
            {
                Counts[cell] += other.Counts[cell];
                SumP[cell] += other.SumP[cell];
                SumSquares[cell] += other.SumSquares[cell];
            }

            foreach (int cell in other._labelCells.AsSpan(0, other._labelCount))
            {
                LabelCounts[cell] += other.LabelCounts[cell];
                LabelP[cell] += other.LabelP[cell];
            }
        }

        AddInto(TopCounts, other.TopCounts);
        AddInto(TopCorrect, other.TopCorrect);
        for (int b = 0; b < TopConfidence.Length; b++)
        {
            TopConfidence[b].Add(other.TopConfidence[b]);
        }
    }

    /// <summary>Clears the part for reuse.</summary>
    internal void Reset()
    {
        Rows = 0;
        Correct = 0;
        Nll = default;
        Brier = default;
        Array.Clear(TotalP);
        Array.Clear(TotalSquares);
        if (_dense)
        {
            Array.Clear(Counts);
            Array.Clear(SumP);
            Array.Clear(SumSquares);
            Array.Clear(LabelCounts);
            Array.Clear(LabelP);
        }
        else
        {
            foreach (int cell in _rareCells.AsSpan(0, _rareCount))
            {
                Counts[cell] = 0;
                SumP[cell] = 0.0;
                SumSquares[cell] = 0.0;
            }

            foreach (int cell in _labelCells.AsSpan(0, _labelCount))
            {
                LabelCounts[cell] = 0;
                LabelP[cell] = 0.0;
            }
        }

        (_rareCount, _labelCount, _dense) = (0, 0, false);
        Array.Clear(TopCounts);
        Array.Clear(TopConfidence);
        Array.Clear(TopCorrect);
        Array.Clear(_classLanes);
        Array.Clear(_classSquareLanes);
    }

    /// <summary>Fills every class's first bin from the totals (all rows minus the other bins). Call once, after the last merge.</summary>
    internal void Finish()
    {
        _dense = true; // the first bins of every class are filled
        for (int k = 0; k < Classes; k++)
        {
            int first = k * Bins;
            long count = Rows;
            double sum = TotalP[k];
            double squares = TotalSquares[k];
            for (int b = 1; b < Bins; b++)
            {
                count -= Counts[first + b];
                sum -= SumP[first + b];
                squares -= SumSquares[first + b];
            }

            Counts[first] = count;
            SumP[first] = sum;
            SumSquares[first] = squares;
        }
    }

    /// <summary>Kull et al.'s classwise ECE: the mean over classes of (1/N) Σ_b |#{label = k in b} − Σ_{i∈b} p_ik|. Needs <see cref="Finish"/>.</summary>
    internal double ClasswiseError()
    {
        var total = default(CompensatedSum);
        for (int k = 0; k < Classes; k++)
        {
            var sum = default(CompensatedSum);
            for (int b = 0; b < Bins; b++)
            {
                int cell = (k * Bins) + b;
                sum.Add(Math.Abs(LabelCounts[cell] - SumP[cell]));
            }

            total.Add(sum.Value / Rows);
        }

        return total.Value / Classes;
    }

    /// <summary>The Brier decomposition summed over classes, each class over its own bins. Needs <see cref="Finish"/>.</summary>
    internal BrierDecomposition Decomposition()
    {
        var terms = new DecompositionTerms(Rows);
        for (int k = 0; k < Classes; k++)
        {
            int first = k * Bins;
            terms.AddEvent(Counts.AsSpan(first, Bins), SumP.AsSpan(first, Bins), SumSquares.AsSpan(first, Bins), LabelCounts.AsSpan(first, Bins), LabelP.AsSpan(first, Bins));
        }

        return terms.Result();
    }

    private double AddSingles(ReadOnlySpan<float> p, int start, float scale)
    {
        int i = 0;
        double squares = 0.0;
        if (Vector.IsHardwareAccelerated && p.Length >= Vector<float>.Count)
        {
            ref float source = ref MemoryMarshal.GetReference(p);
            ref double totals = ref MemoryMarshal.GetArrayDataReference(TotalP);
            ref double totalSquares = ref MemoryMarshal.GetArrayDataReference(TotalSquares);
            var threshold = new Vector<float>(_rareThresholdSingle);
            var factor = new Vector<float>(scale);
            var rowSquares = Vector<double>.Zero;
            for (; i <= p.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = Vector.LoadUnsafe(ref source, (nuint)i) * factor;
                Vector.Widen(v, out var low, out var high);
                nuint k = (nuint)(start + i);
                nuint half = (nuint)Vector<double>.Count;
                (Vector.LoadUnsafe(ref totals, k) + low).StoreUnsafe(ref totals, k);
                (Vector.LoadUnsafe(ref totals, k + half) + high).StoreUnsafe(ref totals, k + half);
                var lowSquares = low * low;
                var highSquares = high * high;
                (Vector.LoadUnsafe(ref totalSquares, k) + lowSquares).StoreUnsafe(ref totalSquares, k);
                (Vector.LoadUnsafe(ref totalSquares, k + half) + highSquares).StoreUnsafe(ref totalSquares, k + half);
                rowSquares += lowSquares + highSquares;
                uint rare = VectorBits.MostSignificant(Vector.GreaterThan(v, threshold));
                while (rare != 0)
                {
                    int lane = BitOperations.TrailingZeroCount(rare);
                    AddRare(start + i + lane, v[lane]);
                    rare &= rare - 1;
                }
            }

            squares = Vector.Sum(rowSquares);
        }

        for (; i < p.Length; i++)
        {
            double v = p[i] * scale;
            TotalP[start + i] += v;
            TotalSquares[start + i] += v * v;
            squares += v * v;
            if (v > _rareThreshold)
            {
                AddRare(start + i, v);
            }
        }

        return squares;
    }

    private double AddDoubles(ReadOnlySpan<double> p, int start)
    {
        int i = 0;
        double squares = 0.0;
        if (Vector.IsHardwareAccelerated && p.Length >= Vector<double>.Count)
        {
            ref double source = ref MemoryMarshal.GetReference(p);
            ref double totals = ref MemoryMarshal.GetArrayDataReference(TotalP);
            ref double totalSquares = ref MemoryMarshal.GetArrayDataReference(TotalSquares);
            var threshold = new Vector<double>(_rareThreshold);
            var rowSquares = Vector<double>.Zero;
            for (; i <= p.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = Vector.LoadUnsafe(ref source, (nuint)i);
                nuint k = (nuint)(start + i);
                (Vector.LoadUnsafe(ref totals, k) + v).StoreUnsafe(ref totals, k);
                var vSquares = v * v;
                (Vector.LoadUnsafe(ref totalSquares, k) + vSquares).StoreUnsafe(ref totalSquares, k);
                rowSquares += vSquares;
                uint rare = VectorBits.MostSignificant(Vector.GreaterThan(v, threshold));
                while (rare != 0)
                {
                    int lane = BitOperations.TrailingZeroCount(rare);
                    AddRare(start + i + lane, v[lane]);
                    rare &= rare - 1;
                }
            }

            squares = Vector.Sum(rowSquares);
        }

        for (; i < p.Length; i++)
        {
            double v = p[i];
            TotalP[start + i] += v;
            TotalSquares[start + i] += v * v;
            squares += v * v;
            if (v > _rareThreshold)
            {
                AddRare(start + i, v);
            }
        }

        return squares;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddRare(int k, double p)
    {
        int b = _bins.Locate(p);
        if (b == 0)
        {
            return;
        }

        int cell = (k * Bins) + b;
        if (Counts[cell] == 0)
        {
            List(_rareCells, ref _rareCount, cell);
        }

        Counts[cell]++;
        SumP[cell] += p;
        SumSquares[cell] += p * p;
    }

    /// <summary>Lists a cell at its first touch, or stops listing (<see cref="_dense"/>) when the list is full.</summary>
    private void List(int[] list, ref int count, int cell)
    {
        if (_dense)
        {
            return;
        }

        if (count == list.Length)
        {
            _dense = true;
            return;
        }

        list[count++] = cell;
    }

    private static void AddInto(double[] target, double[] source) =>
        System.Numerics.Tensors.TensorPrimitives.Add(target, source, target);

    private static void AddInto(long[] target, long[] source) =>
        System.Numerics.Tensors.TensorPrimitives.Add(target, source, target);
}
