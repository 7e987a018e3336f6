namespace Shannon.Dynamics;

/// <summary>Local (pointwise) values of an information-dynamics measure, one per embedded time.</summary>
/// <param name="Times">The row t of each value, in order.</param>
/// <param name="Values">The local values, in <paramref name="Unit"/>; any sign (a negative local TE is misinformative).</param>
/// <param name="Unit">The unit of the values.</param>
public sealed record LocalValues(int[] Times, double[] Values, LogBase Unit)
{
    /// <summary>The mean of the local values: the measure's estimate before clipping at 0.</summary>
    public double Mean => Numerics.CompensatedSum.Of(Values) / Values.Length;

    internal static LocalValues FromNats(int[] times, double[] nats, LogBase logBase)
    {
        for (int i = 0; i < nats.Length; i++)
        {
            nats[i] = logBase.FromNats(nats[i]);
        }

        return new LocalValues(times, nats, logBase);
    }
}
