using Shannon.Estimators;

namespace Shannon.Selection;

/// <summary>Boundary checks shared by ranking and selection.</summary>
internal static class FeatureInputs
{
    public static void Check(IReadOnlyList<Variable> features, Variable target)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        if (features.Count == 0)
        {
            throw new ArgumentException("features is empty.", nameof(features));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < features.Count; k++)
        {
            var feature = features[k] ?? throw new ArgumentNullException(nameof(features), $"features[{k}] is null.");
            if (feature.Rows != target.Rows)
            {
                throw new ArgumentException($"features[{k}] ('{feature.Name}') has {feature.Rows} samples but the target has {target.Rows}.", nameof(features));
            }

            if (!names.Add(feature.Name))
            {
                throw new ArgumentException($"features has the name '{feature.Name}' twice.", nameof(features));
            }
        }
    }
}
