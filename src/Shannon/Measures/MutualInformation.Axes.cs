using System.Buffers;
using System.Numerics.Tensors;
using Shannon.Numerics;

namespace Shannon.Measures;

public static partial class MutualInformation
{
    /// <summary>The joint entropy of the variables on a set of axes of an n-dimensional distribution.</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="axes">The variables' axes, distinct, non-empty.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>H(X_A) = −Σ p(x_A) log p(x_A) of the marginal on <paramref name="axes"/>, in the unit of <paramref name="logBase"/>; ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="axes"/> is empty, repeats an axis, or has one out of range.</exception>
    /// <remarks>
    /// The entropy of the whole table is <c>Entropy.Of(joint.Probabilities)</c>. Monotone: adding axes never lowers it.
    /// Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., §2.2, doi:10.1002/047174882X.
    /// </remarks>
    public static double JointEntropy(JointDistribution joint, ReadOnlySpan<int> axes, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        Span<bool> used = joint.Rank <= 256 ? stackalloc bool[joint.Rank] : new bool[joint.Rank];
        joint.CheckAxes(axes, nameof(axes), used, allowEmpty: false);
        return logBase.FromNats(joint.EntropyInNats(axes));
    }

    /// <summary>The conditional entropy of the variables on <paramref name="axes"/> given those on <paramref name="givenAxes"/>.</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="axes">The axes of X, distinct, non-empty.</param>
    /// <param name="givenAxes">The axes of Y; empty gives H(X). They may share axes with <paramref name="axes"/> (dit's convention: H(X|X) = 0).</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// H(X|Y) = −Σ p(x,y) log(p(x,y) / p(y)) = H(X,Y) − H(Y), in the unit of <paramref name="logBase"/>; 0 ≤ H(X|Y) ≤ H(X),
    /// 0 iff X is a function of Y.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException">An axis set repeats an axis or has one out of range; or <paramref name="axes"/> is empty.</exception>
    /// <remarks>
    /// Overlapping sets follow dit: H(X|Y) = H(X ∪ Y) − H(Y) = H(X \ Y | Y), so the shared axes add nothing.
    /// Evaluated per cell of the marginal on Y ∪ X (the kernel of <see cref="ConditionalEntropy(ReadOnlySpan{double}, ReadOnlySpan{int}, LogBase)"/>),
    /// not as a difference of entropies, and clamped at 0.
    /// Reference: Cover &amp; Thomas (2006), §2.2 (chain rule H(X,Y) = H(Y) + H(X|Y)), doi:10.1002/047174882X.
    /// </remarks>
    public static double ConditionalEntropy(JointDistribution joint, ReadOnlySpan<int> axes, ReadOnlySpan<int> givenAxes, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        CheckSet(joint, axes, nameof(axes), allowEmpty: false);
        CheckSet(joint, givenAxes, nameof(givenAxes), allowEmpty: true);
        int[] own = Without(axes, givenAxes);
        if (own.Length == 0)
        {
            return 0.0;
        }

        axes = own;
        int rows = joint.CellCount(givenAxes), columns = joint.CellCount(axes);
        double[] rented = RentMarginal(joint, givenAxes, axes, []);
        try
        {
            return logBase.FromNats(Math.Max(0.0, Sum(rented.AsSpan(0, rows * columns), rows, columns, Kind.ConditionalEntropy)));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The mutual information between the variables on two axis sets of an n-dimensional distribution.</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="x">The axes of X, distinct, non-empty.</param>
    /// <param name="y">The axes of Y, distinct, non-empty; they may share axes with <paramref name="x"/> (dit: I(X;X) = H(X)).</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>I(X;Y) = Σ p(x,y) log(p(x,y) / (p(x) p(y))), in the unit of <paramref name="logBase"/>; 0 ≤ I ≤ min(H(X), H(Y)).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException">An axis set is empty, repeats an axis, or has one out of range.</exception>
    /// <remarks>
    /// Axes on neither side are summed out. Shared axes follow dit: I(X;Y) = H(X) + H(Y) − H(X ∪ Y), e.g.
    /// I([0,1];[1,2]) = I(0;2|1) + H(1). Evaluated per cell of the marginal on X ∪ Y with the kernel of
    /// <see cref="Of(ReadOnlySpan{double}, ReadOnlySpan{int}, LogBase)"/>, clamped at 0.
    /// Reference: Cover &amp; Thomas (2006), §2.4, doi:10.1002/047174882X.
    /// </remarks>
    public static double Of(JointDistribution joint, ReadOnlySpan<int> x, ReadOnlySpan<int> y, LogBase logBase = default) =>
        Conditional(joint, x, y, [], logBase);

    /// <summary>The conditional mutual information I(X;Y|Z) between axis sets of an n-dimensional distribution.</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="x">The axes of X, distinct, non-empty.</param>
    /// <param name="y">The axes of Y, distinct, non-empty.</param>
    /// <param name="z">The axes of Z; empty gives I(X;Y). The sets may share axes (dit's convention, see remarks).</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// I(X;Y|Z) = Σ p(x,y,z) log(p(z) p(x,y,z) / (p(x,z) p(y,z))) = Σ_z p(z) I(X;Y | Z = z), in the unit of
    /// <paramref name="logBase"/>; ≥ 0, and 0 iff X and Y are conditionally independent given Z.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException">x or y is empty, or a set repeats an axis or has one out of range.</exception>
    /// <remarks>
    /// Shared axes follow dit: I(X;Y|Z) = H(X ∪ Z) + H(Y ∪ Z) − H(X ∪ Y ∪ Z) − H(Z). With Z′ = Z ∪ (X ∩ Y) this is
    /// I(X \ Z′; Y \ Z′ | Z′) + H((X ∩ Y) \ Z | Z), which is how it is computed (an empty side gives 0 for the first term).
    /// Symmetric in X and Y. Obeys the chain rule I(X;Y,Z) = I(X;Z) + I(X;Y|Z). Evaluated slice by slice: each
    /// z-slice of the marginal on Z, X, Y is divided by p(z) and its mutual information (per-cell ratio form, clamped
    /// at 0) weighted by p(z), so the result is never negative; slices with p(z) = 0 add nothing. Unlike I(X;Y),
    /// conditioning can raise it (XOR: I(X;Y) = 0, I(X;Y|Z) = 1 bit).
    /// Reference: Cover &amp; Thomas (2006), §2.5, doi:10.1002/047174882X.
    /// </remarks>
    public static double Conditional(JointDistribution joint, ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        CheckSet(joint, x, nameof(x), allowEmpty: false);
        CheckSet(joint, y, nameof(y), allowEmpty: false);
        CheckSet(joint, z, nameof(z), allowEmpty: true);
        int[] shared = Without(Intersection(x, y), z);
        if (shared.Length > 0 || Overlaps(x, z) || Overlaps(y, z))
        {
            int[] condition = [.. z, .. shared];
            int[] ownX = Without(x, condition);
            int[] ownY = Without(y, condition);
            double nats = (ownX.Length == 0 || ownY.Length == 0 ? 0.0 : logBase.ToNats(Conditional(joint, ownX, ownY, condition, logBase)))
                + (shared.Length == 0 ? 0.0 : logBase.ToNats(ConditionalEntropy(joint, shared, z, logBase)));
            return logBase.FromNats(nats);
        }

        int rows = joint.CellCount(x), columns = joint.CellCount(y), slices = joint.CellCount(z);
        int block = rows * columns;
        double[] rented = RentMarginal(joint, z, x, y);
        try
        {
            var sum = default(CompensatedSum);
            for (int k = 0; k < slices; k++)
            {
                var slice = rented.AsSpan(k * block, block);
                double pz = CompensatedSum.Of(slice);
                if (pz > 0.0)
                {
                    TensorPrimitives.Multiply(slice, 1.0 / pz, slice);
                    sum.Add(pz * InNatsUnchecked(slice, rows, columns));
                }
            }

            return logBase.FromNats(Math.Max(0.0, sum.Value));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Checks one axis set: in range, no axis twice, non-empty unless allowed.</summary>
    private static void CheckSet(JointDistribution joint, ReadOnlySpan<int> axes, string name, bool allowEmpty)
    {
        Span<bool> used = joint.Rank <= 256 ? stackalloc bool[joint.Rank] : new bool[joint.Rank];
        joint.CheckAxes(axes, name, used, allowEmpty);
    }

    private static int[] Without(ReadOnlySpan<int> axes, ReadOnlySpan<int> removed)
    {
        var kept = new List<int>(axes.Length);
        foreach (int axis in axes)
        {
            if (!removed.Contains(axis))
            {
                kept.Add(axis);
            }
        }

        return [.. kept];
    }

    private static int[] Intersection(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var both = new List<int>();
        foreach (int axis in a)
        {
            if (b.Contains(axis))
            {
                both.Add(axis);
            }
        }

        return [.. both];
    }

    private static bool Overlaps(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        foreach (int axis in a)
        {
            if (b.Contains(axis))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A pooled array holding the marginal on the axes <paramref name="a"/>, then <paramref name="b"/>, then <paramref name="c"/> (row-major in that order).</summary>
    private static double[] RentMarginal(JointDistribution joint, ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<int> c)
    {
        int count = a.Length + b.Length + c.Length;
        Span<int> order = count <= 256 ? stackalloc int[count] : new int[count];
        a.CopyTo(order);
        b.CopyTo(order[a.Length..]);
        c.CopyTo(order[(a.Length + b.Length)..]);
        double[] rented = ArrayPool<double>.Shared.Rent(joint.CellCount(order));
        joint.MarginalInto(order, rented);
        return rented;
    }
}
