namespace Shannon.Losses;

/// <summary>An InfoNCE loss with the mutual-information lower bound it certifies.</summary>
/// <param name="Loss">The InfoNCE loss: the mean cross-entropy of picking each positive among the N candidates, in the unit asked for; 0 ≤ Loss.</param>
/// <param name="MutualInformationBound">log N − Loss, in the same unit: a lower bound on I(z1; z2) when the pairs are draws from the joint (clamped at neither end; negative when the encoder does worse than chance).</param>
/// <param name="BatchSize">N, the number of pairs (and of candidates per row).</param>
/// <param name="Unit">The unit of <see cref="Loss"/> and <see cref="MutualInformationBound"/>.</param>
public readonly record struct InfoNceResult(double Loss, double MutualInformationBound, int BatchSize, string Unit);
