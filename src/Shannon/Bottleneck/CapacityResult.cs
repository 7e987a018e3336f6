namespace Shannon.Bottleneck;

/// <summary>The capacity of a discrete memoryless channel found by <see cref="BlahutArimoto.Capacity"/>.</summary>
/// <param name="Capacity">
/// I(X;Y) at the returned input distribution, in <paramref name="Unit"/>: a lower bound on the capacity C that is
/// within <paramref name="Gap"/> of it.
/// </param>
/// <param name="Gap">
/// maxₓ D(W(·|x) ‖ q) − I(X;Y) ≥ 0 in <paramref name="Unit"/>: an upper bound on C − <paramref name="Capacity"/>
/// (the Kuhn–Tucker gap of Blahut 1972).
/// </param>
/// <param name="Input">The capacity-achieving input distribution r(x) (length = number of inputs).</param>
/// <param name="Output">The output distribution q(y) = Σₓ r(x) W(y|x) it induces (length = number of outputs).</param>
/// <param name="Iterations">Blahut–Arimoto iterations performed.</param>
/// <param name="Converged">Whether the gap fell below the tolerance before the iteration limit.</param>
/// <param name="Unit">The unit of <paramref name="Capacity"/> and <paramref name="Gap"/> (nats, bits, …).</param>
public sealed record CapacityResult(
    double Capacity, double Gap, double[] Input, double[] Output, int Iterations, bool Converged, LogBase Unit);
