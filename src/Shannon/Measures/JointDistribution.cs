using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>
/// A known joint distribution p(x₁, …, xₙ) of n discrete variables: a row-major table of probabilities with an
/// explicit shape, one axis per variable. Validated once when built, so the measures over it need not re-check.
/// </summary>
/// <remarks>
/// Cell (i₁, …, iₙ) is at offset Σₖ iₖ·sₖ with strides sₙ = 1, sₖ = sₖ₊₁·shape[k+1] (C order, as numpy's default).
/// Never renormalised: probabilities must already sum to 1 within 1e-9 relative; counts go through
/// <see cref="FromCounts"/>. The entropies, mutual informations and multivariate measures over axis sets live in
/// <see cref="MutualInformation"/> and <see cref="Multivariate"/>.
/// Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., §2.2,
/// doi:10.1002/047174882X.
/// </remarks>
public sealed class JointDistribution
{
    private readonly double[] _probabilities;
    private readonly int[] _shape;

    /// <summary>Wraps a copy of a row-major table of probabilities.</summary>
    /// <param name="probabilities">p(x₁, …, xₙ), row-major; non-negative, finite, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The number of outcomes of each variable, each ≥ 1; its product is the length of <paramref name="probabilities"/>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="shape"/> is empty, has a non-positive dimension, or does not match the length of
    /// <paramref name="probabilities"/>; or <paramref name="probabilities"/> has a NaN, negative or infinite entry, or
    /// does not sum to 1.
    /// </exception>
    public JointDistribution(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> shape)
    {
        Guard.Shape(probabilities.Length, shape, nameof(probabilities), nameof(shape));
        Guard.Distribution(probabilities, nameof(probabilities));
        _probabilities = probabilities.ToArray();
        _shape = shape.ToArray();
    }

    private JointDistribution(double[] probabilities, int[] shape)
    {
        _probabilities = probabilities;
        _shape = shape;
    }

    /// <summary>The probabilities, row-major.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>The number of outcomes of each variable.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of variables (axes), n ≥ 1.</summary>
    public int Rank => _shape.Length;

    /// <summary>The empirical joint distribution of a table of counts: p = n(x₁, …, xₙ) / N.</summary>
    /// <param name="counts">Non-negative counts, row-major, with a positive total; <c>long</c> so totals beyond 2³¹ are exact.</param>
    /// <param name="shape">The number of outcomes of each variable; its product is the length of <paramref name="counts"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">The shape does not match, a count is negative, or all counts are 0.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    public static JointDistribution FromCounts(ReadOnlySpan<long> counts, ReadOnlySpan<int> shape)
    {
        Guard.Shape(counts.Length, shape, nameof(counts), nameof(shape));
        return new JointDistribution(Distributions.FromCounts(counts), shape.ToArray());
    }

    /// <summary>The marginal distribution of the variables on <paramref name="axes"/>, summing out every other axis.</summary>
    /// <param name="axes">The axes kept, distinct, each in [0, <see cref="Rank"/>); the result's axes follow this order (so a permutation transposes).</param>
    /// <returns>p(x_A) = Σ over the other axes of p(x₁, …, xₙ), with shape [shape[a] for a in <paramref name="axes"/>].</returns>
    /// <exception cref="ArgumentException"><paramref name="axes"/> is empty, repeats an axis, or has one out of range.</exception>
    /// <remarks>
    /// One pass over the table, each marginal cell a Neumaier-compensated sum, so marginalising twice equals
    /// marginalising once to within a few ulps.
    /// </remarks>
    public JointDistribution Marginal(ReadOnlySpan<int> axes)
    {
        Span<bool> used = Rank <= 256 ? stackalloc bool[Rank] : new bool[Rank];
        CheckAxes(axes, nameof(axes), used, allowEmpty: false);
        var shape = new int[axes.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            shape[i] = _shape[axes[i]];
        }

        var marginal = new double[CellCount(axes)];
        MarginalInto(axes, marginal);
        return new JointDistribution(marginal, shape);
    }

    /// <summary>The number of cells of the marginal on <paramref name="axes"/> (1 for no axes).</summary>
    internal int CellCount(ReadOnlySpan<int> axes)
    {
        int cells = 1;
        foreach (int axis in axes)
        {
            cells *= _shape[axis];
        }

        return cells;
    }

    /// <summary>
    /// Checks that <paramref name="axes"/> are in range and distinct from each other and from the axes already
    /// marked in <paramref name="used"/>, then marks them.
    /// </summary>
    internal void CheckAxes(ReadOnlySpan<int> axes, string paramName, Span<bool> used, bool allowEmpty)
    {
        if (axes.IsEmpty && !allowEmpty)
        {
            throw new ArgumentException($"{paramName} is empty; name at least one axis.", paramName);
        }

        for (int i = 0; i < axes.Length; i++)
        {
            int axis = axes[i];
            if ((uint)axis >= (uint)Rank)
            {
                throw new ArgumentException($"{paramName} has the axis {axis} at index {i}, outside [0, {Rank}).", paramName);
            }

            if (used[axis])
            {
                throw new ArgumentException($"{paramName} repeats the axis {axis} at index {i}; an axis set names each axis once.", paramName);
            }

            used[axis] = true;
        }
    }

    /// <summary>
    /// Writes the marginal on <paramref name="axes"/> (already checked) into <paramref name="destination"/>, row-major in
    /// the order of <paramref name="axes"/>; no axes gives the single total 1.
    /// </summary>
    internal void MarginalInto(ReadOnlySpan<int> axes, Span<double> destination)
    {
        int cells = CellCount(axes);
        destination = destination[..cells];
        if (IsIdentity(axes))
        {
            _probabilities.CopyTo(destination);
            return;
        }

        int rank = Rank;
        double[] rented = ArrayPool<double>.Shared.Rent(cells);
        int[] work = ArrayPool<int>.Shared.Rent(2 * rank);
        try
        {
            var compensation = rented.AsSpan(0, cells);
            var targetStrides = work.AsSpan(0, rank);
            var index = work.AsSpan(rank, rank);
            targetStrides.Clear();
            index.Clear();
            int stride = 1;
            for (int i = axes.Length - 1; i >= 0; i--)
            {
                targetStrides[axes[i]] = stride;
                stride *= _shape[axes[i]];
            }

            destination.Clear();
            compensation.Clear();
            // Walk the table one run of the last axis at a time: a run summed out adds its own compensated total to
            // one marginal cell; a kept run scatters into cells lastStride apart.
            int last = rank - 1, run = _shape[last], lastStride = targetStrides[last];
            int target = 0;
            for (int start = 0; start < _probabilities.Length; start += run)
            {
                var row = _probabilities.AsSpan(start, run);
                if (lastStride == 0)
                {
                    AddCompensated(destination, compensation, target, CompensatedSum.Of(row));
                }
                else if (lastStride == 1)
                {
                    AddCompensated(destination.Slice(target, run), compensation.Slice(target, run), row);
                }
                else
                {
                    for (int k = 0; k < run; k++)
                    {
                        AddCompensated(destination, compensation, target + (k * lastStride), row[k]);
                    }
                }

                // Advance the multi-index of the other axes and the target offset with it (an odometer).
                for (int axis = last - 1; axis >= 0; axis--)
                {
                    target += targetStrides[axis];
                    if (++index[axis] < _shape[axis])
                    {
                        break;
                    }

                    target -= targetStrides[axis] * _shape[axis];
                    index[axis] = 0;
                }
            }

            for (int i = 0; i < cells; i++)
            {
                destination[i] += compensation[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
            ArrayPool<int>.Shared.Return(work);
        }
    }

    /// <summary>The Shannon entropy in nats of the marginal on <paramref name="axes"/> (already checked); 0 for no axes.</summary>
    internal double EntropyInNats(ReadOnlySpan<int> axes)
    {
        if (axes.IsEmpty)
        {
            return 0.0;
        }

        int cells = CellCount(axes);
        double[] rented = ArrayPool<double>.Shared.Rent(cells);
        try
        {
            var marginal = rented.AsSpan(0, cells);
            MarginalInto(axes, marginal);
            return Entropy.Of(marginal);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Neumaier's update of one marginal cell: sums[cell] + compensation[cell] gains x ≥ 0.</summary>
    private static void AddCompensated(Span<double> sums, Span<double> compensation, int cell, double x)
    {
        double sum = sums[cell];
        double t = sum + x;
        compensation[cell] += sum >= x ? (sum - t) + x : (x - t) + sum;
        sums[cell] = t;
    }

    /// <summary>
    /// The same update for a contiguous run, several cells per vector: with x ≥ 0 and sums ≥ 0 Neumaier's branch is
    /// (max − t) + min, so the vector loop gives bit-for-bit the scalar result.
    /// </summary>
    private static void AddCompensated(Span<double> sums, Span<double> compensation, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length <= sums.Length && x.Length <= compensation.Length)
        {
            ref double sumStart = ref MemoryMarshal.GetReference(sums);
            ref double compensationStart = ref MemoryMarshal.GetReference(compensation);
            ref double termStart = ref MemoryMarshal.GetReference(x);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var sum = Vector.LoadUnsafe(ref sumStart, (nuint)i);
                var term = Vector.LoadUnsafe(ref termStart, (nuint)i);
                var t = sum + term;
                var carried = (Vector.MaxNative(sum, term) - t) + Vector.MinNative(sum, term);
                (Vector.LoadUnsafe(ref compensationStart, (nuint)i) + carried).StoreUnsafe(ref compensationStart, (nuint)i);
                t.StoreUnsafe(ref sumStart, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            AddCompensated(sums, compensation, i, x[i]);
        }
    }

    private bool IsIdentity(ReadOnlySpan<int> axes)
    {
        if (axes.Length != Rank)
        {
            return false;
        }

        for (int i = 0; i < axes.Length; i++)
        {
            if (axes[i] != i)
            {
                return false;
            }
        }

        return true;
    }
}
