namespace Shannon.Numerics;

/// <summary>
/// ψ(n) for positive integers n, from a table for n ≤ 65 536 (filled once from <see cref="SpecialFunctions.Digamma"/>)
/// and the asymptotic series above: the k-NN estimators evaluate ψ at neighbour counts millions of times.
/// </summary>
internal static class IntegerDigamma
{
    private const int TableSize = 1 << 16;

    private static readonly double[] Table = Fill();

    /// <summary>ψ(n) for n ≥ 1, equal to <see cref="SpecialFunctions.Digamma"/>(n).</summary>
    public static double Of(long n) => n <= TableSize ? Table[n] : SpecialFunctions.Digamma(n);

    private static double[] Fill()
    {
        var table = new double[TableSize + 1];
        table[0] = double.NaN;
        for (int n = 1; n <= TableSize; n++)
        {
            table[n] = SpecialFunctions.Digamma(n);
        }

        return table;
    }
}
