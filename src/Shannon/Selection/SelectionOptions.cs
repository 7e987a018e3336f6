using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Selection;

/// <summary>The estimator and the uncertainty policy for feature ranking and selection.</summary>
public sealed record SelectionOptions
{
    /// <summary>
    /// The estimator of every pair term I(A;B) (and of I(A;B|Y) for JMI and CMIM, which needs an
    /// <see cref="IConditionalMutualInformationEstimator"/>); <see cref="Automatic"/> with the shared defaults (k = 3, jitter
    /// seed 0, Grassberger for discrete pairs) unless the caller chooses another, so a ranking's scores are the numbers
    /// <c>shannon mi</c> prints for the same pairs, and a selection's terms are those estimates chance corrected by one
    /// rule (<see cref="ForwardSelection.Select(SelectionSample, SelectionMethod, int, SelectionOptions?, IProgress{WorkDone}?)"/>).
    /// </summary>
    public IMutualInformationEstimator Estimator { get; init; } = new Automatic();

    /// <summary>Intervals (half-sampling) and p-values (permutations) for each ranking score; none by default.</summary>
    public UncertaintyOptions Uncertainty { get; init; } = UncertaintyOptions.None;

    /// <summary>The discrete entropy estimator behind DISR's H(A,B,Y): the estimator itself when it is a discrete one, <see cref="Automatic.Discrete"/> for the automatic rule.</summary>
    internal DiscreteEntropyEstimator DiscreteEstimator => Estimator switch
    {
        DiscreteEntropyEstimator discrete => discrete,
        Automatic { Discrete: { } discrete } => discrete,
        _ => new PlugIn(),
    };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Estimator, nameof(Estimator));
        ArgumentNullException.ThrowIfNull(Uncertainty, nameof(Uncertainty));
        Uncertainty.Validate();
    }
}
