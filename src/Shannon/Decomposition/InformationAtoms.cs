namespace Shannon.Decomposition;

/// <summary>The four atoms of a two-source partial information decomposition of I(S₁, S₂ ; T).</summary>
/// <param name="Redundancy">R: information about T that both sources carry.</param>
/// <param name="Unique1">U₁ = I(S₁;T) − R: carried by S₁ alone.</param>
/// <param name="Unique2">U₂ = I(S₂;T) − R: carried by S₂ alone.</param>
/// <param name="Synergy">S = I(S₁,S₂;T) − U₁ − U₂ − R: carried only by the sources together.</param>
/// <param name="MutualInformation">I(S₁, S₂ ; T), the sum of the four atoms.</param>
/// <param name="Unit">The unit of every value.</param>
/// <param name="Measure">The redundancy measure.</param>
/// <remarks>
/// The lattice identities hold by construction: R + U₁ = I(S₁;T), R + U₂ = I(S₂;T), R + U₁ + U₂ + S = I(S₁,S₂;T), each up
/// to one rounding. Atoms are not clipped: a negative synergy under MMI on estimates (or a small negative unique
/// information from rounding) is reported as computed.
/// </remarks>
public sealed record InformationAtoms(double Redundancy, double Unique1, double Unique2, double Synergy, double MutualInformation, LogBase Unit, RedundancyMeasure Measure)
{
    /// <summary>The atoms from R and the three mutual informations, in nats, converted to <paramref name="logBase"/>.</summary>
    internal static InformationAtoms FromNats(double redundancy, double first, double second, double joint, LogBase logBase, RedundancyMeasure measure)
    {
        double r = logBase.FromNats(redundancy);
        double i1 = logBase.FromNats(first);
        double i2 = logBase.FromNats(second);
        double i12 = logBase.FromNats(joint);
        double u1 = i1 - r;
        double u2 = i2 - r;
        return new InformationAtoms(r, u1, u2, i12 - u1 - u2 - r, i12, logBase, measure);
    }
}
