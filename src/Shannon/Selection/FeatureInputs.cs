using Shannon.Estimators;

namespace Shannon.Selection;

/// <summary>Boundary checks shared by ranking and selection.</summary>
internal static class FeatureInputs
{
    public static void Check(IReadOnlyList<Variable> features, Variable target)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        for (int k = 0; k < features.Count; k++)
        {
            var feature = features[k] ?? throw new ArgumentNullException(nameof(features), $"features[{k}] is null.");
            if (feature.Rows != target.Rows)
            {
                throw new ArgumentException($"features[{k}] ('{feature.Name}') has {feature.Rows} samples but the target has {target.Rows}.", nameof(features));
            }
        }

        Names([.. features.Select(f => f.Name)]);
    }

    /// <summary>At least one feature, and no name twice.</summary>
    public static void Names(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names, "features");
        if (names.Count == 0)
        {
            throw new ArgumentException("features is empty.", "features");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!seen.Add(name))
            {
                throw new ArgumentException($"features has the name '{name}' twice.", "features");
            }
        }
    }
}
