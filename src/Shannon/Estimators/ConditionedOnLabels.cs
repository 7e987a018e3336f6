namespace Shannon.Estimators;

/// <summary>
/// I(X;Y|Z) for a discrete Z by its definition as an average: Σ_z p(z) Î(X;Y | Z = z), with a mutual information
/// estimator applied within each value of Z.
/// </summary>
/// <param name="Inner">The estimator of I(X;Y) within one value of Z (the automatic rule by default in <see cref="Automatic"/>).</param>
/// <param name="MinimumRows">A value of Z with fewer rows than this contributes 0 (too few samples for a neighbour estimate); at least 1.</param>
/// <remarks>
/// Values of Z too small for the inner estimator (fewer than <paramref name="MinimumRows"/> rows, or an inner estimate
/// that cannot be formed, such as Ross with no label seen twice) contribute 0, which biases the estimate downward when
/// Z has many rare values. Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed.,
/// eq. (2.60), doi:10.1002/047174882X.
/// </remarks>
public sealed record ConditionedOnLabels(IMutualInformationEstimator Inner, int MinimumRows) : IConditionalMutualInformationEstimator
{
    /// <inheritdoc/>
    public string Name => $"conditioned({Inner.Name})";

    /// <inheritdoc/>
    public Estimate ConditionalMutualInformation(Variable x, Variable y, Variable z, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(Inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumRows, 1);
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)), (z, nameof(z)));
        if (VariableChecks.Constant(x, y, logBase) is { } none)
        {
            return none;
        }

        var rowsOf = new List<int>[z.Categories];
        for (int c = 0; c < rowsOf.Length; c++)
        {
            rowsOf[c] = [];
        }

        ReadOnlySpan<int> codes = z.Codes;
        for (int i = 0; i < codes.Length; i++)
        {
            rowsOf[codes[i]].Add(i);
        }

        double sum = 0.0;
        foreach (var rows in rowsOf)
        {
            if (rows.Count < MinimumRows)
            {
                continue;
            }

            int[] selected = [.. rows];
            double inner;
            try
            {
                inner = Inner.MutualInformation(x.Subset(selected), y.Subset(selected)).RawValue;
            }
            catch (ArgumentException)
            {
                continue; // too few usable samples within this value of Z: it contributes 0, as documented
            }

            sum += (double)rows.Count / x.Rows * inner;
        }

        return Estimate.NonNegative(sum, logBase, x.Rows, z.Categories);
    }
}
