namespace Shannon.Estimators;

/// <summary>
/// I(X;Y|Z) for a discrete Z by its definition as an average: Σ_z p(z) Î(X;Y | Z = z), with a mutual information
/// estimator applied within each value of Z.
/// </summary>
/// <param name="Inner">The estimator of I(X;Y) within one value of Z (the automatic rule by default in <see cref="Automatic"/>).</param>
/// <param name="MinimumRows">The fewest rows a value of Z needs to be estimated within (k + 1 for a neighbour estimate); at least 1.</param>
/// <remarks>
/// <para>Values of Z too small for the inner estimator (fewer than <paramref name="MinimumRows"/> rows, or an inner
/// estimate that cannot be formed, such as Ross with no label seen twice) are left out, and the average runs over the
/// values kept, weighted by their share of the rows kept: the estimate is I(X;Y|Z) among the rows whose value of Z
/// could be estimated, and its <see cref="Estimate.N"/> counts those rows, so a caller can say how many were left out
/// (the CLI's <c>mi --z</c> does). Counting a left-out value as 0 instead, as this estimator once did, reported
/// I = 0 with the interval [0, 0] for X = Y + noise when every value of Z had 3 rows. When no value of Z can be
/// estimated the estimator refuses.</para>
/// <para>Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., eq. (2.60),
/// doi:10.1002/047174882X.</para>
/// </remarks>
public sealed record ConditionedOnLabels(IMutualInformationEstimator Inner, int MinimumRows) : IConditionalMutualInformationEstimator
{
    /// <inheritdoc/>
    public string Name => $"conditioned({Inner.Name})";

    /// <inheritdoc/>
    /// <returns>Σ_z (n_z / n_kept) Î(X;Y | Z = z) over the values of Z kept, clipped at 0 (raw value kept), with N = n_kept
    /// and the number of values kept.</returns>
    /// <exception cref="ArgumentException">No value of <paramref name="z"/> has enough rows for the inner estimator (the
    /// message gives the largest group and the minimum), or the variables are not paired.</exception>
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

        double weighted = 0.0;
        int kept = 0;
        int values = 0;
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
                continue; // too few usable samples within this value of Z: left out, as documented
            }

            weighted += rows.Count * inner;
            kept += rows.Count;
            values++;
        }

        if (kept == 0)
        {
            int largest = rowsOf.Max(r => r.Count);
            throw new ArgumentException(
                $"z: no value of {z.Name} can be estimated within by {Inner.Name}: it needs at least {MinimumRows} rows per value (and an estimate it can form), and the largest of the {z.Categories} values has {largest}.",
                nameof(z));
        }

        return Estimate.NonNegative(weighted / kept, logBase, kept, values);
    }
}
