namespace Shannon.Calibration;

/// <summary>How the bins of a reliability diagram, an ECE or a reliability curve are placed on [0, 1].</summary>
/// <remarks>
/// Both strategies give right-closed bins: a value equal to an interior edge belongs to the bin below it, and the
/// first bin also takes every value at or below its upper edge (so a confidence of exactly 0 is counted in the first
/// bin). These are the bins of <c>numpy.searchsorted(edges[1:-1], value)</c>, as scikit-learn's
/// <c>calibration_curve</c> uses them.
/// </remarks>
public enum BinStrategy
{
    /// <summary>
    /// Equal-width bins: the edges are <c>numpy.linspace(0, 1, B + 1)</c>, i.e. i·(1/B) rounded once, the last edge
    /// exactly 1.
    /// </summary>
    Uniform,

    /// <summary>
    /// Equal-mass bins: the edges are the (i/B)-quantiles of the values, <c>numpy.percentile(values,
    /// linspace(0, 1, B + 1) * 100)</c> with linear interpolation; repeated values can leave bins empty.
    /// </summary>
    Quantile,
}
