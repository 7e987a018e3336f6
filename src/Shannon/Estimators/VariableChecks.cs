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

    /// <summary>The variable's numbers, or an error naming the estimator that needs them.</summary>
    public static ReadOnlySpan<double> Numbers(Variable variable, string estimator, string name) => variable.HasValues
        ? variable.Values
        : throw new ArgumentException($"{estimator} needs numbers, but '{variable.Name}' holds labels; use a discrete estimator (plugin) or ross for a label variable.", name);
}
