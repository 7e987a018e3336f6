namespace Shannon.Bottleneck;

/// <summary>The three mutual informations of a Markov chain X → Y → Z and whether the data-processing inequality holds.</summary>
/// <param name="InformationXY">I(X;Y) in <paramref name="Unit"/>.</param>
/// <param name="InformationYZ">I(Y;Z) in <paramref name="Unit"/>.</param>
/// <param name="InformationXZ">I(X;Z) in <paramref name="Unit"/>.</param>
/// <param name="Holds">Whether I(X;Z) ≤ min(I(X;Y), I(Y;Z)) up to 1e-12 relative (rounding).</param>
/// <param name="Unit">The unit of the three informations.</param>
public sealed record DataProcessingReport(double InformationXY, double InformationYZ, double InformationXZ, bool Holds, LogBase Unit);
