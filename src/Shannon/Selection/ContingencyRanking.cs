using Shannon.Measures;

namespace Shannon.Selection;

/// <summary>Ranks discrete features by plug-in I(X;Y) from precomputed contingency tables (for example counted by a SQL engine).</summary>
public static class ContingencyRanking
{
    /// <summary>Ranks features by the plug-in mutual information of each one's contingency table with the target.</summary>
    /// <param name="tables">Per feature: its name and its table (feature values as rows, target classes as columns).</param>
    /// <returns>The ranking, method <c>mi</c>, scores I(X;Y) in nats; ties keep input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tables"/> or a table is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tables"/> is empty.</exception>
    /// <remarks>
    /// I(X;Y) = Σᵢⱼ (nᵢⱼ/N) log(N nᵢⱼ / (nᵢ· n·ⱼ)) (<see cref="Clustering.MutualInformation(ContingencyTable, LogBase)"/>,
    /// scikit-learn's mutual_info_score). Only the tables are needed, so the rows can live anywhere: a table larger
    /// than memory is counted with GROUP BY in DuckDB, Spark SQL or Trino and ranked here.
    /// Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., Wiley, ch. 2,
    /// doi:10.1002/047174882X.
    /// </remarks>
    public static FeatureRanking Rank(IReadOnlyList<KeyValuePair<string, ContingencyTable>> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            throw new ArgumentException("tables is empty.", nameof(tables));
        }

        var scores = new double[tables.Count];
        for (int i = 0; i < tables.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(tables[i].Value, nameof(tables));
            scores[i] = Clustering.MutualInformation(tables[i].Value);
        }

        return RankOrder.ByScore("mi", [.. tables.Select(t => t.Key)], scores, null);
    }
}
