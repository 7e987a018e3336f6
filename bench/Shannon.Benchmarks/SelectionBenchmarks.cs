using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Shannon.Data.Counts;
using Shannon.Estimators;
using Shannon.Selection;

namespace Shannon.Benchmarks;

/// <summary>Feature ranking: continuous MI (Ross, as mutual_info_classif) and discrete ranking of 10^7 rows through DuckDB counts.</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SelectionBenchmarks
{
    private Variable[] continuous = [];
    private Variable target = Variable.Discrete("y", [0, 1]);
    private string parquet = string.Empty;
    private Variable[] discrete = [];
    private Variable classes = Variable.Discrete("y", [0, 1]);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(0);
        int n = 20_000;
        var columns = new double[20][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = new double[n];
            for (int i = 0; i < n; i++)
            {
                columns[j][i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            }
        }

        continuous = [.. columns.Select((c, j) => Variable.Continuous($"x{j}", c))];
        target = Variable.Discrete("y", [.. Enumerable.Range(0, n).Select(i => (columns[0][i] > 0 ? 1 : 0) + (columns[1][i] + (0.5 * columns[2][i]) > 0 ? 2 : 0))]);

        // Greedy selection: 20 columns of 8 values, 20,000 rows, 4 classes; each column is the class (mod 8) with
        // probability 0.1·(j mod 4), else uniform, and every fifth column copies an earlier one half the time.
        int[] y = [.. Enumerable.Range(0, n).Select(_ => random.Next(4))];
        var labels = new int[20][];
        for (int j = 0; j < labels.Length; j++)
        {
            labels[j] = [.. y.Select((v, i) => j % 5 == 4 && random.NextDouble() < 0.5 ? labels[j - 1][i] : random.NextDouble() < 0.1 * (j % 4) ? v : random.Next(8))];
        }

        discrete = [.. labels.Select((c, j) => Variable.Discrete($"d{j}", c))];
        classes = Variable.Discrete("y", y);

        parquet = Path.Combine(Path.GetTempPath(), "shannon-selection-bench.parquet");
        if (!File.Exists(parquet))
        {
            string features = string.Join(", ", Enumerable.Range(0, 20).Select(j => $"hash(i * {j + 1}) % 8 AS c{j}"));
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT {features}, (hash(i) % 8 + hash(i * 2) % 8) % 4 AS y FROM range(10000000) t(i)) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
    }

    [Benchmark(Description = "mutual_info_classif 20,000 x 20 continuous (Ross, k = 3)")]
    public FeatureRanking Continuous20k() => MutualInformationRanking.Rank(continuous, target);

    [Benchmark(Description = "mRMR 10 of 20 discrete features (8 values), 20,000 rows")]
    public FeatureRanking Mrmr20k() => ForwardSelection.Select(discrete, classes, SelectionMethod.Mrmr, 10);

    [Benchmark(Description = "JMI 10 of 20 discrete features (8 values), 20,000 rows")]
    public FeatureRanking Jmi20k() => ForwardSelection.Select(discrete, classes, SelectionMethod.Jmi, 10);

    [Benchmark(Description = "discrete ranking 10^7 x 20 (DuckDB GROUP BY counts)")]
    public FeatureRanking Discrete10M() => ContingencyQuery.Count(parquet, "y").Rank();
}
