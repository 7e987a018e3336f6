using Shannon.Estimators.Discrete;
using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// scikit-learn's <c>mutual_info_regression</c> and <c>mutual_info_classif</c> for one feature, computed the same
/// way: k = 3 neighbours, unit-variance scaling without centring, the strict <c>nextafter(ε, 0)</c> radius, the same
/// digamma formula, the estimate clipped at 0 (the raw value kept).
/// </summary>
/// <remarks>
/// <para>scikit-learn adds noise 1e-10 · max(1, mean |x|) · 𝒩(0, 1) to every scaled continuous column (and the
/// regression target) before the search, drawn from its <c>random_state</c>. These functions add none unless
/// given the standard normal draws: pass numpy's <c>RandomState(seed).standard_normal</c> output for the feature
/// (and then for the target) to reproduce scikit-learn's value bit for bit in the search; without noise the two
/// agree whenever the noise moves no point across a neighbour radius, which is the case for data without ties.</para>
/// <para>Reference: scikit-learn <c>sklearn.feature_selection.mutual_info_regression</c> (Pedregosa et al. 2011,
/// JMLR 12, 2825–2830); the estimators are <see cref="Ksg"/> (algorithm 1) and <see cref="Ross"/>.</para>
/// </remarks>
public static class ScikitLearnParity
{
    /// <summary>The mutual information between a continuous feature and a continuous target, as <c>mutual_info_regression</c>.</summary>
    /// <param name="feature">The feature's samples.</param>
    /// <param name="target">The target's samples, paired with <paramref name="feature"/>.</param>
    /// <param name="nNeighbors">k, scikit-learn's <c>n_neighbors</c>; 3 by default.</param>
    /// <param name="featureNoise">Optional standard normal draws (one per sample) for scikit-learn's feature noise; empty for none.</param>
    /// <param name="targetNoise">Optional standard normal draws for the target noise; empty for none.</param>
    /// <returns>Î in nats (clipped at 0; raw value kept), with N.</returns>
    /// <exception cref="ArgumentException">Empty input, different lengths, non-finite entries, too few samples for k, or noise of the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nNeighbors"/> &lt; 1.</exception>
    public static Estimate MutualInfoRegression(
        ReadOnlySpan<double> feature, ReadOnlySpan<double> target, int nNeighbors = 3,
        ReadOnlySpan<double> featureNoise = default, ReadOnlySpan<double> targetNoise = default)
    {
        var ksg = new Ksg(nNeighbors);
        int n = ksg.Validate(feature, 1, target, 1);
        double[] x = feature.ToArray();
        double[] y = target.ToArray();
        ksg.Prepare(x, 1, y, 1);
        AddNoise(x, featureNoise, nameof(featureNoise));
        AddNoise(y, targetNoise, nameof(targetNoise));
        return Estimate.NonNegative(ksg.Nats(x, 1, y, 1), LogBase.Nats, n);
    }

    /// <summary>The mutual information between a continuous feature and a discrete target, as <c>mutual_info_classif</c>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="feature">The feature's samples.</param>
    /// <param name="target">The class label of each sample.</param>
    /// <param name="nNeighbors">k, scikit-learn's <c>n_neighbors</c>; 3 by default.</param>
    /// <param name="featureNoise">Optional standard normal draws (one per sample) for scikit-learn's feature noise; empty for none.</param>
    /// <returns>Î in nats (clipped at 0; raw value kept), with N (samples whose class occurs at least twice) and the number of classes.</returns>
    /// <exception cref="ArgumentException">Empty input, different lengths, non-finite entries, no class occurring twice, or noise of the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nNeighbors"/> &lt; 1.</exception>
    public static Estimate MutualInfoClassif<TLabel>(
        ReadOnlySpan<double> feature, ReadOnlySpan<TLabel> target, int nNeighbors = 3, ReadOnlySpan<double> featureNoise = default)
        where TLabel : notnull
    {
        if (featureNoise.IsEmpty)
        {
            return new Ross(nNeighbors).MutualInformation(feature, target);
        }

        SampleRows.ValidK(nNeighbors);
        SampleRows.Count(feature, 1, nameof(feature), "columns");
        Guard.SameLength(feature, target, nameof(feature), nameof(target));
        double[] x = feature.ToArray();
        SampleRows.ScaleToUnitVariance(x, 1);
        AddNoise(x, featureNoise, nameof(featureNoise));
        int[] codes = LabelCodes.Encode(target, out int distinct);
        double nats = new Ross(nNeighbors).Nats(x, 1, codes, distinct, out int kept);
        return Estimate.NonNegative(nats, LogBase.Nats, kept, distinct);
    }

    private static void AddNoise(double[] values, ReadOnlySpan<double> noise, string name)
    {
        if (noise.IsEmpty)
        {
            return;
        }

        if (noise.Length != values.Length)
        {
            throw new ArgumentException($"{name} has {noise.Length} draws but there are {values.Length} samples.", name);
        }

        Guard.AllFinite(noise, name);
        SampleRows.AddNoise(values, 1, noise);
    }
}
