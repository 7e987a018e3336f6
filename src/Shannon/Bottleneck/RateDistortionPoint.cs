namespace Shannon.Bottleneck;

/// <summary>One point of the rate–distortion function found by <see cref="BlahutArimoto.RateDistortion"/>.</summary>
/// <param name="Beta">The Lagrange multiplier β = −s ≥ 0; the slope of R(D) at this point is −β (rate in nats).</param>
/// <param name="Rate">
/// I(X;X̂) of the returned test channel in <paramref name="Unit"/>: an achievable rate at <paramref name="Distortion"/>,
/// within <paramref name="Gap"/> above R(D).
/// </param>
/// <param name="Distortion">The expected distortion D = Σ p(x) Q(x̂|x) d(x, x̂), in the distortion matrix's units.</param>
/// <param name="Gap">An upper bound on <paramref name="Rate"/> − R(<paramref name="Distortion"/>) in <paramref name="Unit"/> (Blahut 1972).</param>
/// <param name="TestChannel">The optimal test channel Q(x̂|x), row-major |X| × |X̂|.</param>
/// <param name="Reproduction">The reproduction distribution q(x̂) = Σₓ p(x) Q(x̂|x) (length |X̂|).</param>
/// <param name="Iterations">Blahut–Arimoto iterations performed.</param>
/// <param name="Converged">Whether the gap fell below the tolerance before the iteration limit.</param>
/// <param name="Unit">The unit of <paramref name="Rate"/> and <paramref name="Gap"/>.</param>
public sealed record RateDistortionPoint(
    double Beta, double Rate, double Distortion, double Gap, double[] TestChannel, double[] Reproduction,
    int Iterations, bool Converged, LogBase Unit);
