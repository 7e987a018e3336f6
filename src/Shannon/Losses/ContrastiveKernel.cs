using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The streaming kernel behind InfoNCE and NT-Xent: the similarity matrix x = L·Rᵀ/τ is formed a block of rows at a
/// time (never whole), each row's log-sum-exp taken from its block, and the gradient with respect to the rows of L
/// formed from the same block as M·R/τ, where M is a weighted softmax of the block.
/// </summary>
/// <remarks>
/// <para>For a block of rows r of L, against every row c of R: x_rc = (l_r·r_c)/τ (x_rr = −∞ when the diagonal is masked),
/// lse_r = log Σ_c e^(x_rc) (max-shifted), the row loss lse_r − x_{r,t(r)}, and for the gradient
/// M_rc = α·e^(x_rc − lse_r) + β·e^(x_rc − lse′_c) − γ·[c = t(r)], whose product with R divided by τ is the gradient with
/// respect to the block's rows. α, β, γ and the other side's log-sum-exps lse′ pick the loss: one InfoNCE direction
/// (α = γ = s, β = 0), the other direction seen from the keys (β = γ = s, α = 0), the symmetric form (halves of both),
/// NT-Xent (α = β = s, γ = 2s, partner targets, masked diagonal: its similarity matrix is symmetric, so row and column
/// softmaxes come from the same block, and <see cref="SymmetricStatistics"/> finds its log-sum-exps from half the tiles).
/// With unit rows every x ≤ c₀ = 1/τ, so the sums need no running maximum and e^(x − lse) = e^(x − c₀)·e^(c₀ − lse) lets the
/// two softmaxes share one exponential (<see cref="Pass.Bound"/>).</para>
/// <para>The two products run on a register-blocked kernel: six rows of L against panels of 2·(vector width) rows of R
/// packed transposed (512-bit vectors where AVX-512 runs them, else the machine's Vector&lt;T&gt;: 256 or 128 bits), twelve accumulators of multiply-adds,
/// so a 4096 × 4096 × 128 product is bounded by the multiply-add units rather than by memory. Blocks of rows run in parallel and each writes only its own rows, so the
/// result does not depend on the core count. Memory: the prepared rows (2 × input) and one block of similarities per core.</para>
/// <para>Reference: Milakov, M. &amp; Gimelshein, N. (2018), Online normalizer calculation for softmax, arXiv:1805.02867;
/// Goto, K. &amp; van de Geijn, R. A. (2008), Anatomy of high-performance matrix multiplication, ACM TOMS 34(3),
/// doi:10.1145/1356052.1356053 (the register blocking).</para>
/// </remarks>
internal static unsafe class ContrastiveKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the products run on 512-bit vectors (AVX-512 with full-width units); else on the machine's <see cref="Vector{T}"/> (256 or 128 bits).</summary>
    private static readonly bool Wide = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>Rows of R per packed panel: two vectors of lanes.</summary>
    internal static readonly int PanelWidth = 2 * (Wide ? Vector512<T>.Count : Vector<T>.Count);

    /// <summary>Rows of L per register block.</summary>
    private const int MicroRows = 6;

    /// <summary>Rows of R per step of the gradient product (its slice of R stays in the second-level cache).</summary>
    private const int DepthChunk = 256;

    /// <summary>Target size (values) of one block of similarities.</summary>
    private const int BlockValues = 1 << 17;

    /// <summary>How row r's target t(r) is found.</summary>
    internal enum Targets
    {
        /// <summary>t(r) = r: the i-th query's key is the i-th key.</summary>
        Same,

        /// <summary>t(r) = r ± Count/2: NT-Xent's two views.</summary>
        Partner,
    }

    /// <summary>What one pass computes, and the weights of its gradient.</summary>
    internal readonly record struct Pass(
        double InverseTemperature,
        Targets Target,
        bool MaskDiagonal,
        double[]? LogSumExp,
        double[]? RowLoss,
        double Alpha,
        double Beta,
        double Gamma,
        double[]? OtherLogSumExp,
        nint Gradient)
    {
        /// <summary>
        /// An upper bound c₀ on every x (1/τ for cosine similarity), or NaN: with it the log-sum-exps need no maximum and
        /// the gradient's two softmaxes share one exponential, e^(x − lse) = e^(x − c₀)·e^(c₀ − lse).
        /// </summary>
        public double Bound { get; init; } = double.NaN;
    }

    /// <summary>
    /// The shift c₀ = 1/τ for unit rows when e^(±2/τ) is safely inside the range of <typeparamref name="T"/> (τ ≥ 1/30 in
    /// float, τ ≥ 1/300 in double), so that no term of a row underflows to 0 however far it lies below c₀; else NaN.
    /// </summary>
    internal static double CosineBound(double inverseTemperature) =>
        inverseTemperature <= (typeof(T) == typeof(float) ? 30.0 : 300.0) ? inverseTemperature : double.NaN;

    /// <summary>
    /// Runs one pass of the rows of <paramref name="left"/> against all rows of <paramref name="right"/>: fills
    /// <see cref="Pass.LogSumExp"/> and <see cref="Pass.RowLoss"/> when given, and writes the gradient with respect to the
    /// input rows of <paramref name="left"/> (Count × Dimension, as T) when <see cref="Pass.Gradient"/> is not 0.
    /// </summary>
    /// <exception cref="ArgumentException">A row's similarities overflow (a dot product of huge rows): its log-sum-exp is not finite.</exception>
    internal static void Run(ContrastiveRows<T> left, ContrastiveRows<T> right, Pass pass)
    {
        int columns = right.Count;
        int paddedColumns = right.PanelCount * PanelWidth;
        int blockRows = Math.Clamp(BlockValues / paddedColumns / MicroRows, 1, 10) * MicroRows;
        int blocks = (left.Count + blockRows - 1) / blockRows;
        long work = (long)left.Count * columns * left.Dimension;
        int failedRow = -1;
        void Block(int b)
        {
            int start = b * blockRows;
            int rows = Math.Min(blockRows, left.Count - start);
            int row = RunBlock(left, right, pass, start, rows, blockRows, paddedColumns);
            if (row >= 0)
            {
                InterlockedMin(ref failedRow, row);
            }
        }

        if (work < LogitGuard.ParallelThreshold * 8 || blocks == 1)
        {
            for (int b = 0; b < blocks; b++)
            {
                Block(b);
            }
        }
        else
        {
            ParallelLoop.For(0, blocks, Block);
        }

        if (failedRow >= 0)
        {
            throw new ArgumentException($"The similarities of row {failedRow} overflow (its log-sum-exp is not finite); scale the embeddings down or use cosine similarity.", "similarities");
        }
    }

    private static void InterlockedMin(ref int location, int value)
    {
        int current = Volatile.Read(ref location);
        while ((current < 0 || value < current) && Interlocked.CompareExchange(ref location, value, current) != current)
        {
            current = Volatile.Read(ref location);
        }
    }

    /// <summary>Rows (and columns) per tile of <see cref="SymmetricStatistics"/>: a multiple of six rows and of every panel width.</summary>
    private const int TileRows = 96;

    /// <summary>
    /// The first pass of NT-Xent, whose similarity matrix is symmetric, given a bound c₀ ≥ every x: the log-sum-exp
    /// lseₐ = c₀ + log Σ_{b ≠ a} e^(xₐᵦ − c₀) and the loss lseₐ − x_{a,t(a)} of every row, from the tiles (A, B) with B ≥ A
    /// only — each tile's exponentials summed along its rows serve the rows of A and summed along its columns the rows of
    /// B — so half the products and exponentials of <see cref="Run"/>. Each (row, tile) partial sum is written once and
    /// the partials of a row are added in a fixed order, so the result does not depend on the core count.
    /// </summary>
    /// <exception cref="ArgumentException">A row's sum is 0 or not finite (cannot happen for unit rows within the bound).</exception>
    internal static void SymmetricStatistics(ContrastiveRows<T> rows, double inverseTemperature, double bound, double[] logSumExp, double[] rowLoss)
    {
        int count = rows.Count;
        int tiles = (count + TileRows - 1) / TileRows;
        double[] partial = ArrayPool<double>.Shared.Rent(count * tiles);
        double[] partnerLogit = ArrayPool<double>.Shared.Rent(count);
        try
        {
            void Row(int a)
            {
                T[] tile = ArrayPool<T>.Shared.Rent(TileRows * TileRows);
                double[] rowSums = ArrayPool<double>.Shared.Rent(TileRows);
                double[] columnSums = ArrayPool<double>.Shared.Rent(TileRows);
                try
                {
                    for (int b = a; b < tiles; b++)
                    {
                        Tile(rows, inverseTemperature, bound, a, b, tiles, tile, rowSums, columnSums, partial, partnerLogit);
                    }
                }
                finally
                {
                    ArrayPool<T>.Shared.Return(tile);
                    ArrayPool<double>.Shared.Return(rowSums);
                    ArrayPool<double>.Shared.Return(columnSums);
                }
            }

            if ((long)count * count * rows.Dimension < LogitGuard.ParallelThreshold * 8 || tiles == 1)
            {
                for (int a = 0; a < tiles; a++)
                {
                    Row(a);
                }
            }
            else
            {
                ParallelLoop.For(0, tiles, Row);
            }

            for (int r = 0; r < count; r++)
            {
                var sums = partial.AsSpan(r * tiles, tiles);
                double sum = 0.0;
                foreach (double s in sums)
                {
                    sum += s;
                }

                double lse = bound + Math.Log(sum);
                if (!double.IsFinite(lse))
                {
                    throw new ArgumentException($"The similarities of row {r} overflow (its log-sum-exp is not finite).", "similarities");
                }

                logSumExp[r] = lse;
                rowLoss[r] = Math.Max(0.0, lse - partnerLogit[r]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partial);
            ArrayPool<double>.Shared.Return(partnerLogit);
        }
    }

    /// <summary>One tile (A, B) of <see cref="SymmetricStatistics"/>: its row sums go to the rows of A, its column sums (B &gt; A) to the rows of B.</summary>
    private static void Tile(ContrastiveRows<T> rows, double inverseTemperature, double bound, int a, int b, int tiles, T[] tile, double[] rowSums, double[] columnSums, double[] partial, double[] partnerLogit)
    {
        int count = rows.Count;
        int half = count / 2;
        int rowStart = a * TileRows, columnStart = b * TileRows;
        int height = Math.Min(TileRows, count - rowStart), width = Math.Min(TileRows, count - columnStart);
        int firstPanel = columnStart / PanelWidth;
        int panelCount = (width + PanelWidth - 1) / PanelWidth;
        var shift = T.CreateTruncating(bound);
        fixed (T* l = rows.Values)
        fixed (T* panels = rows.Panels)
        fixed (T* s = tile)
        {
            Similarities(l, rows.Stride, rowStart, height, panels + ((long)firstPanel * rows.Dimension * PanelWidth), panelCount, rows.Dimension, T.CreateTruncating(inverseTemperature), s, TileRows);
            Array.Clear(columnSums, 0, width);
            for (int i = 0; i < height; i++)
            {
                int row = rowStart + i;
                var x = new Span<T>(s + ((long)i * TileRows), width);
                int partner = row < half ? row + half : row - half;
                if (partner >= columnStart && partner < columnStart + width)
                {
                    double logit = double.CreateTruncating(x[partner - columnStart]);
                    partnerLogit[row] = logit;
                    if (a != b)
                    {
                        partnerLogit[partner] = logit;
                    }
                }

                if (a == b)
                {
                    x[i] = T.NegativeInfinity;
                }

                rowSums[i] = ExpAndSums(x, shift, a == b ? default : columnSums.AsSpan(0, width));
            }

            for (int i = 0; i < height; i++)
            {
                partial[((rowStart + i) * tiles) + b] = rowSums[i];
            }

            if (a != b)
            {
                for (int j = 0; j < width; j++)
                {
                    partial[((columnStart + j) * tiles) + a] = columnSums[j];
                }
            }
        }
    }

    /// <summary>Σ_c e^(x_c − c₀) in double, adding each term also to <paramref name="columnSums"/>[c] when given.</summary>
    private static double ExpAndSums(ReadOnlySpan<T> x, T shift, Span<double> columnSums)
    {
        int i = 0;
        double total = 0.0;
        bool columns = !columnSums.IsEmpty;
        fixed (T* p = x)
        fixed (double* c = columnSums)
        {
            if (Vector.IsHardwareAccelerated)
            {
                var c0 = new Vector<T>(shift);
                var sum = Vector<double>.Zero;
                for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    var e = Exp(Vector.Load(p + i) - c0);
                    if (typeof(T) == typeof(float))
                    {
                        Vector.Widen(Vector.AsVectorSingle(e), out var lower, out var upper);
                        sum += lower + upper;
                        if (columns)
                        {
                            (Vector.Load(c + i) + lower).Store(c + i);
                            (Vector.Load(c + i + Vector<double>.Count) + upper).Store(c + i + Vector<double>.Count);
                        }
                    }
                    else
                    {
                        var d = Vector.AsVectorDouble(e);
                        sum += d;
                        if (columns)
                        {
                            (Vector.Load(c + i) + d).Store(c + i);
                        }
                    }
                }

                total = Vector.Sum(sum);
            }

            for (; i < x.Length; i++)
            {
                double e = double.CreateTruncating(T.Exp(x[i] - shift));
                total += e;
                if (columns)
                {
                    c[i] += e;
                }
            }
        }

        return total;
    }

    /// <summary>One block of rows; returns the first row whose log-sum-exp is not finite, or −1.</summary>
    private static int RunBlock(ContrastiveRows<T> left, ContrastiveRows<T> right, Pass pass, int start, int rows, int blockRows, int paddedColumns)
    {
        int columns = right.Count;
        int paddedRows = (blockRows + MicroRows - 1) / MicroRows * MicroRows;
        bool bounded = !double.IsNaN(pass.Bound);
        T[] block = ArrayPool<T>.Shared.Rent(paddedRows * paddedColumns);
        T[]? gradient = pass.Gradient == 0 ? null : ArrayPool<T>.Shared.Rent(paddedRows * left.Stride);
        T[]? other = pass.OtherLogSumExp is null ? null : ArrayPool<T>.Shared.Rent(columns);
        int failed = -1;
        try
        {
            if (other is not null)
            {
                // Bounded: the other side's e^(c₀ − lse′), so that its softmax is e^(x − c₀) times it; else lse′ itself.
                for (int c = 0; c < columns; c++)
                {
                    double lse = pass.OtherLogSumExp![c];
                    other[c] = T.CreateTruncating(bounded ? Math.Exp(pass.Bound - lse) : lse);
                }
            }

            fixed (T* l = left.Values)
            fixed (T* panels = right.Panels)
            fixed (T* r = right.Values)
            fixed (T* s = block)
            fixed (T* g = gradient)
            fixed (T* o = other)
            {
                var inverseTemperature = T.CreateTruncating(pass.InverseTemperature);
                Similarities(l, left.Stride, start, rows, panels, right.PanelCount, left.Dimension, inverseTemperature, s, paddedColumns);
                var otherSide = new ReadOnlySpan<T>(o, o is null ? 0 : columns);
                bool needSoftmax = pass.LogSumExp is not null || pass.RowLoss is not null || pass.Alpha != 0.0;
                int half = left.Count / 2;
                for (int i = 0; i < rows; i++)
                {
                    int index = start + i;
                    var x = new Span<T>(s + ((long)i * paddedColumns), columns);
                    if (pass.MaskDiagonal)
                    {
                        x[index] = T.NegativeInfinity;
                    }

                    int target = pass.Target == Targets.Same ? index : index < half ? index + half : index - half;
                    double logSumExp = 0.0;
                    if (needSoftmax)
                    {
                        logSumExp = LogSumExp(x, pass.Bound);
                        if (!double.IsFinite(logSumExp))
                        {
                            failed = failed < 0 ? index : failed;
                            continue;
                        }

                        if (pass.LogSumExp is not null)
                        {
                            pass.LogSumExp[index] = logSumExp;
                        }

                        if (pass.RowLoss is not null)
                        {
                            pass.RowLoss[index] = Math.Max(0.0, logSumExp - double.CreateTruncating(x[target]));
                        }
                    }

                    if (g is not null)
                    {
                        if (bounded)
                        {
                            T own = pass.Alpha == 0.0 ? T.Zero : T.CreateTruncating(pass.Alpha * Math.Exp(pass.Bound - logSumExp));
                            SharedWeights(x, T.CreateTruncating(pass.Bound), own, otherSide, T.CreateTruncating(pass.Beta));
                        }
                        else
                        {
                            Weights(x, T.CreateTruncating(logSumExp), otherSide, T.CreateTruncating(pass.Alpha), T.CreateTruncating(pass.Beta));
                        }

                        x[target] -= T.CreateTruncating(pass.Gamma);
                    }
                }

                if (g is not null && failed < 0)
                {
                    Product(s, paddedColumns, rows, columns, r, left.Stride, g);
                    var output = (T*)pass.Gradient;
                    for (int i = 0; i < rows; i++)
                    {
                        var used = new Span<T>(g + ((long)i * left.Stride), left.Dimension);
                        TensorPrimitives.Multiply(used, inverseTemperature, used);
                        left.BackToInput(start + i, used, new Span<T>(output + ((long)(start + i) * left.Dimension), left.Dimension));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(block);
            if (gradient is not null)
            {
                ArrayPool<T>.Shared.Return(gradient);
            }

            if (other is not null)
            {
                ArrayPool<T>.Shared.Return(other);
            }
        }

        return failed;
    }

    /// <summary>
    /// log Σ e^(x_c): with a bound c₀ ≥ every x, c₀ + log Σ e^(x_c − c₀) in one pass (falling back to the maximum when the
    /// sum is 0); else the running maximum and rescaled sum of <see cref="LogitKernel{T}"/>. Not finite for a NaN or +∞ entry
    /// or a row of −∞.
    /// </summary>
    private static double LogSumExp(ReadOnlySpan<T> x, double bound)
    {
        if (!double.IsNaN(bound))
        {
            double sum = ShiftedSum(x, T.CreateTruncating(bound));
            if (sum > 0.0 && double.IsFinite(sum))
            {
                return bound + Math.Log(sum);
            }
        }

        if (!LogitKernel<T>.Normaliser<T>(x, T.One, out T max, out double sumExp) || T.IsNegativeInfinity(max))
        {
            return double.NaN;
        }

        return double.CreateTruncating(max) + Math.Log(sumExp);
    }

    /// <summary>Σ e^(x_c − c₀) in double (a NaN entry makes it NaN).</summary>
    private static double ShiftedSum(ReadOnlySpan<T> x, T shift)
    {
        int i = 0;
        double total = 0.0;
        if (Vector.IsHardwareAccelerated)
        {
            fixed (T* p = x)
            {
                var c0 = new Vector<T>(shift);
                if (typeof(T) == typeof(float))
                {
                    var low = Vector<double>.Zero;
                    var high = Vector<double>.Zero;
                    for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
                    {
                        Vector.Widen(Vector.AsVectorSingle(Exp(Vector.Load(p + i) - c0)), out var lower, out var upper);
                        low += lower;
                        high += upper;
                    }

                    total = Vector.Sum(low + high);
                }
                else
                {
                    var sum = Vector<double>.Zero;
                    for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
                    {
                        sum += Vector.AsVectorDouble(Exp(Vector.Load(p + i) - c0));
                    }

                    total = Vector.Sum(sum);
                }
            }
        }

        for (; i < x.Length; i++)
        {
            total += double.CreateTruncating(T.Exp(x[i] - shift));
        }

        return total;
    }

    /// <summary>x_c ← e^(x_c − c₀)·(own + β·other_c) for every c, where own = α·e^(c₀ − lse) and other_c = e^(c₀ − lse′_c).</summary>
    private static void SharedWeights(Span<T> x, T bound, T own, ReadOnlySpan<T> other, T beta)
    {
        int i = 0;
        bool withOther = beta != T.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            fixed (T* p = x)
            fixed (T* o = other)
            {
                var c0 = new Vector<T>(bound);
                var a = new Vector<T>(own);
                var b = new Vector<T>(beta);
                for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    var factor = withOther ? MultiplyAdd(b, Vector.Load(o + i), a) : a;
                    (Exp(Vector.Load(p + i) - c0) * factor).Store(p + i);
                }
            }
        }

        for (; i < x.Length; i++)
        {
            x[i] = T.Exp(x[i] - bound) * (withOther ? own + (beta * other[i]) : own);
        }
    }

    /// <summary>x_c ← α·e^(x_c − lse) + β·e^(x_c − lse′_c) for every c (a masked −∞ gives 0).</summary>
    private static void Weights(Span<T> x, T logSumExp, ReadOnlySpan<T> other, T alpha, T beta)
    {
        int i = 0;
        bool withOther = beta != T.Zero;
        bool withOwn = alpha != T.Zero; // skipped when 0: e^(x − 0) may overflow where only the other side's softmax is wanted
        if (Vector.IsHardwareAccelerated)
        {
            fixed (T* p = x)
            fixed (T* o = other)
            {
                var shift = new Vector<T>(logSumExp);
                var a = new Vector<T>(alpha);
                var b = new Vector<T>(beta);
                for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    var v = Vector.Load(p + i);
                    var m = withOwn ? a * Exp(v - shift) : Vector<T>.Zero;
                    if (withOther)
                    {
                        m += b * Exp(v - Vector.Load(o + i));
                    }

                    m.Store(p + i);
                }
            }
        }

        for (; i < x.Length; i++)
        {
            T v = x[i];
            T m = withOwn ? alpha * T.Exp(v - logSumExp) : T.Zero;
            if (withOther)
            {
                m += beta * T.Exp(v - other[i]);
            }

            x[i] = m;
        }
    }

    /// <summary>e^x for each lane of the machine's <see cref="Vector{T}"/>: Shannon's single-precision exponential for floats, the runtime's for doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Exp(Vector<T> x)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.As<float, T>(Numerics.SingleExp.Exp(Vector.AsVectorSingle(x)));
        }

        return Vector.As<double, T>(Vector.Exp(Vector.AsVectorDouble(x)));
    }

    /// <summary>a·b + c, fused where the hardware has fused multiply-adds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MultiplyAdd(Vector<T> a, Vector<T> b, Vector<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.As<float, T>(Vector.MultiplyAddEstimate(Vector.AsVectorSingle(a), Vector.AsVectorSingle(b), Vector.AsVectorSingle(c)));
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.As<double, T>(Vector.MultiplyAddEstimate(Vector.AsVectorDouble(a), Vector.AsVectorDouble(b), Vector.AsVectorDouble(c)));
        }

        return (a * b) + c;
    }

    /// <summary>
    /// S (rows × paddedColumns, row stride <paramref name="paddedColumns"/>) = <paramref name="scale"/>·L[start … start + rows) · Rᵀ
    /// from R's packed panels; rows are processed six at a time (a short last group repeats its last row, and its extra results
    /// are ignored).
    /// </summary>
    private static void Similarities(T* left, int stride, int start, int rows, T* panels, int panelCount, int dimension, T scale, T* s, int paddedColumns)
    {
        if (Wide)
        {
            WideSimilarities(left, stride, start, rows, panels, panelCount, dimension, scale, s, paddedColumns);
            return;
        }

        var factor = new Vector<T>(scale);
        int lanes = Vector<T>.Count;
        int width = 2 * lanes;
        int last = start + rows - 1;
        for (int p = 0; p < panelCount; p++)
        {
            T* panel = panels + ((long)p * dimension * width);
            for (int i = 0; i < rows; i += MicroRows)
            {
                T* a0 = left + ((long)(start + i) * stride);
                T* a1 = left + ((long)Math.Min(start + i + 1, last) * stride);
                T* a2 = left + ((long)Math.Min(start + i + 2, last) * stride);
                T* a3 = left + ((long)Math.Min(start + i + 3, last) * stride);
                T* a4 = left + ((long)Math.Min(start + i + 4, last) * stride);
                T* a5 = left + ((long)Math.Min(start + i + 5, last) * stride);
                Vector<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
                Vector<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
                T* b = panel;
                for (int k = 0; k < dimension; k++, b += width)
                {
                    var b0 = Vector.Load(b);
                    var b1 = Vector.Load(b + lanes);
                    var v = new Vector<T>(a0[k]);
                    c00 = MultiplyAdd(v, b0, c00);
                    c01 = MultiplyAdd(v, b1, c01);
                    v = new Vector<T>(a1[k]);
                    c10 = MultiplyAdd(v, b0, c10);
                    c11 = MultiplyAdd(v, b1, c11);
                    v = new Vector<T>(a2[k]);
                    c20 = MultiplyAdd(v, b0, c20);
                    c21 = MultiplyAdd(v, b1, c21);
                    v = new Vector<T>(a3[k]);
                    c30 = MultiplyAdd(v, b0, c30);
                    c31 = MultiplyAdd(v, b1, c31);
                    v = new Vector<T>(a4[k]);
                    c40 = MultiplyAdd(v, b0, c40);
                    c41 = MultiplyAdd(v, b1, c41);
                    v = new Vector<T>(a5[k]);
                    c50 = MultiplyAdd(v, b0, c50);
                    c51 = MultiplyAdd(v, b1, c51);
                }

                T* target = s + ((long)i * paddedColumns) + ((long)p * width);
                (c00 * factor).Store(target);
                (c01 * factor).Store(target + lanes);
                target += paddedColumns;
                (c10 * factor).Store(target);
                (c11 * factor).Store(target + lanes);
                target += paddedColumns;
                (c20 * factor).Store(target);
                (c21 * factor).Store(target + lanes);
                target += paddedColumns;
                (c30 * factor).Store(target);
                (c31 * factor).Store(target + lanes);
                target += paddedColumns;
                (c40 * factor).Store(target);
                (c41 * factor).Store(target + lanes);
                target += paddedColumns;
                (c50 * factor).Store(target);
                (c51 * factor).Store(target + lanes);
            }
        }
    }

    /// <summary>
    /// G (rows × stride) = M[:, 0 … columns) · R, M with row stride <paramref name="paddedColumns"/>, R row-major with the
    /// padded stride (its padding is zero, so G's padding is too).
    /// </summary>
    private static void Product(T* m, int paddedColumns, int rows, int columns, T* right, int stride, T* g)
    {
        int lanes = Vector<T>.Count;
        int width = 2 * lanes;
        int paddedRows = (rows + MicroRows - 1) / MicroRows * MicroRows;
        new Span<T>(g, paddedRows * stride).Clear();
        if (Wide)
        {
            WideProduct(m, paddedColumns, rows, columns, right, stride, g);
            return;
        }

        for (int c0 = 0; c0 < columns; c0 += DepthChunk)
        {
            int c1 = Math.Min(columns, c0 + DepthChunk);
            for (int d = 0; d < stride; d += width)
            {
                for (int i = 0; i < rows; i += MicroRows)
                {
                    T* m0 = m + ((long)i * paddedColumns);
                    T* m1 = m0 + paddedColumns;
                    T* m2 = m1 + paddedColumns;
                    T* m3 = m2 + paddedColumns;
                    T* m4 = m3 + paddedColumns;
                    T* m5 = m4 + paddedColumns;
                    T* out0 = g + ((long)i * stride) + d;
                    var c00 = Vector.Load(out0);
                    var c01 = Vector.Load(out0 + lanes);
                    var c10 = Vector.Load(out0 + stride);
                    var c11 = Vector.Load(out0 + stride + lanes);
                    var c20 = Vector.Load(out0 + (2 * stride));
                    var c21 = Vector.Load(out0 + (2 * stride) + lanes);
                    var c30 = Vector.Load(out0 + (3 * stride));
                    var c31 = Vector.Load(out0 + (3 * stride) + lanes);
                    var c40 = Vector.Load(out0 + (4 * stride));
                    var c41 = Vector.Load(out0 + (4 * stride) + lanes);
                    var c50 = Vector.Load(out0 + (5 * stride));
                    var c51 = Vector.Load(out0 + (5 * stride) + lanes);
                    T* b = right + ((long)c0 * stride) + d;
                    for (int c = c0; c < c1; c++, b += stride)
                    {
                        var b0 = Vector.Load(b);
                        var b1 = Vector.Load(b + lanes);
                        var v = new Vector<T>(m0[c]);
                        c00 = MultiplyAdd(v, b0, c00);
                        c01 = MultiplyAdd(v, b1, c01);
                        v = new Vector<T>(m1[c]);
                        c10 = MultiplyAdd(v, b0, c10);
                        c11 = MultiplyAdd(v, b1, c11);
                        v = new Vector<T>(m2[c]);
                        c20 = MultiplyAdd(v, b0, c20);
                        c21 = MultiplyAdd(v, b1, c21);
                        v = new Vector<T>(m3[c]);
                        c30 = MultiplyAdd(v, b0, c30);
                        c31 = MultiplyAdd(v, b1, c31);
                        v = new Vector<T>(m4[c]);
                        c40 = MultiplyAdd(v, b0, c40);
                        c41 = MultiplyAdd(v, b1, c41);
                        v = new Vector<T>(m5[c]);
                        c50 = MultiplyAdd(v, b0, c50);
                        c51 = MultiplyAdd(v, b1, c51);
                    }

                    c00.Store(out0);
                    c01.Store(out0 + lanes);
                    c10.Store(out0 + stride);
                    c11.Store(out0 + stride + lanes);
                    c20.Store(out0 + (2 * stride));
                    c21.Store(out0 + (2 * stride) + lanes);
                    c30.Store(out0 + (3 * stride));
                    c31.Store(out0 + (3 * stride) + lanes);
                    c40.Store(out0 + (4 * stride));
                    c41.Store(out0 + (4 * stride) + lanes);
                    c50.Store(out0 + (5 * stride));
                    c51.Store(out0 + (5 * stride) + lanes);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Avx512F.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Avx512F.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    /// <summary><see cref="Similarities"/> on 512-bit vectors.</summary>
    private static void WideSimilarities(T* left, int stride, int start, int rows, T* panels, int panelCount, int dimension, T scale, T* s, int paddedColumns)
    {
        var factor = Vector512.Create(scale);
        int lanes = Vector512<T>.Count;
        int width = 2 * lanes;
        int last = start + rows - 1;
        for (int p = 0; p < panelCount; p++)
        {
            T* panel = panels + ((long)p * dimension * width);
            for (int i = 0; i < rows; i += MicroRows)
            {
                T* a0 = left + ((long)(start + i) * stride);
                T* a1 = left + ((long)Math.Min(start + i + 1, last) * stride);
                T* a2 = left + ((long)Math.Min(start + i + 2, last) * stride);
                T* a3 = left + ((long)Math.Min(start + i + 3, last) * stride);
                T* a4 = left + ((long)Math.Min(start + i + 4, last) * stride);
                T* a5 = left + ((long)Math.Min(start + i + 5, last) * stride);
                Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
                Vector512<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
                T* b = panel;
                for (int k = 0; k < dimension; k++, b += width)
                {
                    var b0 = Vector512.Load(b);
                    var b1 = Vector512.Load(b + lanes);
                    var v = Vector512.Create(a0[k]);
                    c00 = MultiplyAdd(v, b0, c00);
                    c01 = MultiplyAdd(v, b1, c01);
                    v = Vector512.Create(a1[k]);
                    c10 = MultiplyAdd(v, b0, c10);
                    c11 = MultiplyAdd(v, b1, c11);
                    v = Vector512.Create(a2[k]);
                    c20 = MultiplyAdd(v, b0, c20);
                    c21 = MultiplyAdd(v, b1, c21);
                    v = Vector512.Create(a3[k]);
                    c30 = MultiplyAdd(v, b0, c30);
                    c31 = MultiplyAdd(v, b1, c31);
                    v = Vector512.Create(a4[k]);
                    c40 = MultiplyAdd(v, b0, c40);
                    c41 = MultiplyAdd(v, b1, c41);
                    v = Vector512.Create(a5[k]);
                    c50 = MultiplyAdd(v, b0, c50);
                    c51 = MultiplyAdd(v, b1, c51);
                }

                T* target = s + ((long)i * paddedColumns) + ((long)p * width);
                (c00 * factor).Store(target);
                (c01 * factor).Store(target + lanes);
                target += paddedColumns;
                (c10 * factor).Store(target);
                (c11 * factor).Store(target + lanes);
                target += paddedColumns;
                (c20 * factor).Store(target);
                (c21 * factor).Store(target + lanes);
                target += paddedColumns;
                (c30 * factor).Store(target);
                (c31 * factor).Store(target + lanes);
                target += paddedColumns;
                (c40 * factor).Store(target);
                (c41 * factor).Store(target + lanes);
                target += paddedColumns;
                (c50 * factor).Store(target);
                (c51 * factor).Store(target + lanes);
            }
        }
    }

    /// <summary><see cref="Product"/> on 512-bit vectors (G already cleared).</summary>
    private static void WideProduct(T* m, int paddedColumns, int rows, int columns, T* right, int stride, T* g)
    {
        int lanes = Vector512<T>.Count;
        int width = 2 * lanes;
        for (int c0 = 0; c0 < columns; c0 += DepthChunk)
        {
            int c1 = Math.Min(columns, c0 + DepthChunk);
            for (int d = 0; d < stride; d += width)
            {
                for (int i = 0; i < rows; i += MicroRows)
                {
                    T* m0 = m + ((long)i * paddedColumns);
                    T* m1 = m0 + paddedColumns;
                    T* m2 = m1 + paddedColumns;
                    T* m3 = m2 + paddedColumns;
                    T* m4 = m3 + paddedColumns;
                    T* m5 = m4 + paddedColumns;
                    T* out0 = g + ((long)i * stride) + d;
                    var c00 = Vector512.Load(out0);
                    var c01 = Vector512.Load(out0 + lanes);
                    var c10 = Vector512.Load(out0 + stride);
                    var c11 = Vector512.Load(out0 + stride + lanes);
                    var c20 = Vector512.Load(out0 + (2 * stride));
                    var c21 = Vector512.Load(out0 + (2 * stride) + lanes);
                    var c30 = Vector512.Load(out0 + (3 * stride));
                    var c31 = Vector512.Load(out0 + (3 * stride) + lanes);
                    var c40 = Vector512.Load(out0 + (4 * stride));
                    var c41 = Vector512.Load(out0 + (4 * stride) + lanes);
                    var c50 = Vector512.Load(out0 + (5 * stride));
                    var c51 = Vector512.Load(out0 + (5 * stride) + lanes);
                    T* b = right + ((long)c0 * stride) + d;
                    for (int c = c0; c < c1; c++, b += stride)
                    {
                        var b0 = Vector512.Load(b);
                        var b1 = Vector512.Load(b + lanes);
                        var v = Vector512.Create(m0[c]);
                        c00 = MultiplyAdd(v, b0, c00);
                        c01 = MultiplyAdd(v, b1, c01);
                        v = Vector512.Create(m1[c]);
                        c10 = MultiplyAdd(v, b0, c10);
                        c11 = MultiplyAdd(v, b1, c11);
                        v = Vector512.Create(m2[c]);
                        c20 = MultiplyAdd(v, b0, c20);
                        c21 = MultiplyAdd(v, b1, c21);
                        v = Vector512.Create(m3[c]);
                        c30 = MultiplyAdd(v, b0, c30);
                        c31 = MultiplyAdd(v, b1, c31);
                        v = Vector512.Create(m4[c]);
                        c40 = MultiplyAdd(v, b0, c40);
                        c41 = MultiplyAdd(v, b1, c41);
                        v = Vector512.Create(m5[c]);
                        c50 = MultiplyAdd(v, b0, c50);
                        c51 = MultiplyAdd(v, b1, c51);
                    }

                    c00.Store(out0);
                    c01.Store(out0 + lanes);
                    c10.Store(out0 + stride);
                    c11.Store(out0 + stride + lanes);
                    c20.Store(out0 + (2 * stride));
                    c21.Store(out0 + (2 * stride) + lanes);
                    c30.Store(out0 + (3 * stride));
                    c31.Store(out0 + (3 * stride) + lanes);
                    c40.Store(out0 + (4 * stride));
                    c41.Store(out0 + (4 * stride) + lanes);
                    c50.Store(out0 + (5 * stride));
                    c51.Store(out0 + (5 * stride) + lanes);
                }
            }
        }
    }
}
