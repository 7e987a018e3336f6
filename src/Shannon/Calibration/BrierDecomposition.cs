namespace Shannon.Calibration;

/// <summary>
/// Murphy's decomposition of the Brier score over bins of the forecast, with the two within-bin terms that make it an
/// identity when forecasts inside a bin differ: Brier = Reliability − Resolution + Uncertainty + WithinBinVariance −
/// WithinBinCovariance.
/// </summary>
/// <param name="Reliability">(1/N) Σ_b n_b (f̄_b − ō_b)²: how far each bin's mean forecast is from its observed frequency (smaller is better).</param>
/// <param name="Resolution">(1/N) Σ_b n_b (ō_b − ō)²: how far the bins' observed frequencies are from the base rate ō (larger is better).</param>
/// <param name="Uncertainty">ō (1 − ō): the Brier score of always forecasting the base rate.</param>
/// <param name="WithinBinVariance">(1/N) Σ_b Σ_{i∈b} (f_i − f̄_b)²: the spread of the forecasts inside their bins.</param>
/// <param name="WithinBinCovariance">(2/N) Σ_b Σ_{i∈b} (o_i − ō_b)(f_i − f̄_b): how much the forecasts inside a bin still track the outcomes.</param>
/// <remarks>
/// For multiclass input every term is the sum over classes k of the term for the binary forecast p_k of the event
/// 1[label = k], over that class's equal-width bins, so the terms add up to Brier's multiclass score
/// (1/N) Σ_i Σ_k (p_ik − y_ik)². When every bin holds a single forecast value the two within-bin terms are 0 and this is
/// Murphy's three-term form. References: Murphy, A. H. (1973), A new vector partition of the probability score, Journal
/// of Applied Meteorology 12(4), 595–600, doi:10.1175/1520-0450(1973)012&lt;0595:ANVPOT&gt;2.0.CO;2; Stephenson, D. B.,
/// Coelho, C. A. S. &amp; Jolliffe, I. T. (2008), Two extra components in the Brier score decomposition, Weather and
/// Forecasting 23(4), 752–757, doi:10.1175/2007WAF2006116.1.
/// </remarks>
public sealed record BrierDecomposition(double Reliability, double Resolution, double Uncertainty, double WithinBinVariance, double WithinBinCovariance)
{
    /// <summary>The Brier score the terms add up to.</summary>
    /// <returns>Reliability − Resolution + Uncertainty + WithinBinVariance − WithinBinCovariance (unitless, in [0, 2]).</returns>
    public double Total => Reliability - Resolution + Uncertainty + WithinBinVariance - WithinBinCovariance;
}
