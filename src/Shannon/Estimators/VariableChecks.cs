namespace Shannon.Estimators;

/// <summary>The boundary checks every estimator that takes <see cref="Variable"/>s makes, with the messages they share.</summary>
internal static class VariableChecks
{
    /// <summary>Throws unless every variable is non-null and has the rows of the first.</summary>
    public static void Paired(params ReadOnlySpan<(Variable? Variable, string Name)> variables)
    {
        var (first, firstName) = variables[0];
        ArgumentNullException.ThrowIfNull(first, firstName);
        foreach (var (variable, name) in variables)
        {
            ArgumentNullException.ThrowIfNull(variable, name);
            if (variable.Rows != first.Rows)
            {
                throw new ArgumentException($"'{variable.Name}' has {variable.Rows} rows but '{first.Name}' has {first.Rows}; they must be paired.", name);
            }
        }
    }

    /// <summary>
    /// The one constant-pair rule of the estimator model: when X or Y takes one value in every row, I(X;Y) = 0 exactly
    /// (and I(X;Y|Z) = 0 for a constant X or Y), whatever the estimator; null otherwise. Every estimator applies it at its
    /// <see cref="Variable"/> boundary, so <c>mi</c>, <c>features</c>, <c>report</c> and the library agree; without it
    /// the k-NN estimators' tie-breaking jitter turns a constant column into noise and reports spurious information
    /// (KSG on a constant X against a Y with ties gave 0.7 nats), and Grassberger's entropy of a point mass is not 0.
    /// </summary>
    public static Estimate? Constant(Variable x, Variable y, LogBase logBase) =>
        x.IsConstant || y.IsConstant ? Estimate.NonNegative(0.0, logBase, x.Rows) : null;

    /// <summary>The variable's numbers, or an error naming the estimator that needs them.</summary>
    public static ReadOnlySpan<double> Numbers(Variable variable, string estimator, string name) => variable.HasValues
        ? variable.Values
        : throw new ArgumentException($"{estimator} needs numbers, but '{variable.Name}' holds labels; use a discrete estimator (plugin) or ross for a label variable.", name);
}
