namespace Shannon;

/// <summary>How far a long computation has come: <see cref="Done"/> of <see cref="Total"/> units of work, reported through an <see cref="IProgress{T}"/>.</summary>
/// <param name="Done">Units finished so far, 0 ≤ Done ≤ Total.</param>
/// <param name="Total">Units in all, known when the first report is made (it may be reported once with a larger value when a later stage's size becomes known).</param>
/// <remarks>
/// Each method that reports it says what a unit is (training rows placed in a leaf, pair estimates, tokens counted)
/// and reports from whichever thread finishes a unit, so a consumer must be thread-safe; reports are a few hundred at
/// most per run, never one per sample, so progress costs nothing measurable. The last report has Done = Total.
/// </remarks>
public readonly record struct WorkDone(long Done, long Total)
{
    /// <summary>The share done, Done / Total in [0, 1] (0 while Total is 0).</summary>
    public double Fraction => Total > 0 ? Math.Clamp((double)Done / Total, 0.0, 1.0) : 0.0;
}
