using Shannon.Data.Tables;
using Shannon.Measures;
using Shannon.Reports.Information;

namespace Shannon.Reports.Tests.Information;

public class InformationReportBuilderTests
{
    private static readonly ReportSettings Settings = new(3, 10, 20, 10, 0.95, 0, LogBase.Bits);

    private static InformationReport Iris() =>
        InformationReportBuilder.Build(TableReader.Read(RepositoryData.Path("iris.csv")), "iris.csv", "target", Settings);

    [Fact]
    public void Iris_target_entropy_is_log2_3_and_petals_carry_the_most_information()
    {
        var report = Iris();
        Assert.Equal(new Shannon.Estimators.Discrete.Grassberger().Entropy([50L, 50L, 50L], LogBase.Bits).Value, report.TargetEntropy, 12); // log₂ 3 − 1e-4 (Grassberger)
        Assert.Equal(150, report.Rows);
        Assert.Equal(3, report.Classes.Count);
        Assert.All(report.Classes, c => Assert.Equal(50, c.Count));
        Assert.StartsWith("petal", report.Relevance[0].Name, StringComparison.Ordinal);
        Assert.True(report.Relevance.Zip(report.Relevance.Skip(1)).All(pair => pair.First.MutualInformation >= pair.Second.MutualInformation));
    }

    [Fact]
    public void Every_mutual_information_lies_between_zero_and_the_target_entropy()
    {
        var report = Iris();
        Assert.All(report.Relevance, f => Assert.InRange(f.MutualInformation, 0.0, report.TargetEntropy + 1e-12));
    }

    [Fact]
    public void Redundancy_is_symmetric_with_a_unit_diagonal_and_values_in_0_1()
    {
        var report = Iris();
        int n = report.FeatureNames.Count;
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(1.0, report.Redundancy[(i * n) + i]);
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(report.Redundancy[(i * n) + j], report.Redundancy[(j * n) + i]);
                Assert.InRange(report.Redundancy[(i * n) + j], 0.0, 1.0 + 1e-12);
            }
        }
    }

    [Fact]
    public void Mrmr_picks_ten_distinct_wine_features_and_its_score_is_relevance_minus_redundancy()
    {
        var report = InformationReportBuilder.Build(TableReader.Read(RepositoryData.Path("wine.csv")), "wine.csv", "target", Settings);
        Assert.Equal(InformationReportBuilder.SelectedFeatures, report.Selection.Count);
        Assert.Equal(Enumerable.Range(1, report.Selection.Count), report.Selection.Select(s => s.Rank));
        Assert.Equal(report.Selection.Count, report.Selection.Select(s => s.Name).Distinct().Count());
        Assert.All(report.Selection, s => Assert.Contains(s.Name, report.FeatureNames));
        Assert.All(report.Selection, s => Assert.Equal(s.Relevance - s.Redundancy, s.Score, 12));

        // The first pick has nothing to be redundant with, so its score is its relevance.
        Assert.Equal(0.0, report.Selection[0].Redundancy, 12);
    }

    [Fact]
    public void Wine_has_three_cultivars_and_thirteen_features()
    {
        var report = InformationReportBuilder.Build(TableReader.Read(RepositoryData.Path("wine.csv")), "wine.csv", "target", Settings);
        Assert.Equal(3, report.Classes.Count);
        Assert.Equal(13, report.FeatureNames.Count);
        Assert.Equal(178L, report.Classes.Sum(c => c.Count));
    }

    [Fact]
    public void Constant_columns_and_leakage_are_warned_about()
    {
        var table = new ColumnTable(
        [
            TableColumn.Numeric("constant", [.. Enumerable.Repeat(1.0, 20)]),
            TableColumn.Categorical("copy", [.. Enumerable.Range(0, 20).Select(i => i % 2)], ["a", "b"]),
            TableColumn.Categorical("target", [.. Enumerable.Range(0, 20).Select(i => i % 2)], ["no", "yes"]),
        ]);
        var report = InformationReportBuilder.Build(table, "inline", "target", Settings);
        Assert.Contains(report.Warnings, w => w.Contains("'constant': constant", StringComparison.Ordinal));
        Assert.Contains(report.Insights, i => i.Contains("Suspected leakage: copy", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("'copy'", StringComparison.Ordinal) && w.Contains("leakage", StringComparison.Ordinal));
        // The automatic rule's Grassberger estimates: H(target) of 10 + 10 rows, and I(copy; target) = H(target) exactly.
        double entropy = new Shannon.Estimators.Discrete.Grassberger().Entropy([10L, 10L], LogBase.Bits).Value;
        Assert.Equal(entropy, report.TargetEntropy, 14);
        Assert.Equal(entropy, report.Relevance.Single(f => f.Name == "copy").MutualInformation, 14);
        Assert.Equal("copy", Assert.Single(report.Selection).Name);
    }

    [Fact]
    public void Numeric_relevance_is_rosss_estimate_in_bits()
    {
        var table = TableReader.Read(RepositoryData.Path("iris.csv"));
        var report = InformationReportBuilder.Build(table, "iris.csv", "target", Settings);
        var expected = new Shannon.Estimators.Continuous.Ross(3, JitterSeed: 0)
            .MutualInformation(table["petal_width_cm"].Values, table["target"].Codes, LogBase.Bits).Value;
        Assert.Equal(expected, report.Relevance.Single(f => f.Name == "petal_width_cm").MutualInformation, 14);
    }

    [Fact]
    public void Strong_features_get_the_smallest_permutation_p_value_and_an_ordered_interval()
    {
        var report = Iris();
        var petal = report.Relevance[0];
        Assert.Equal(1.0 / (Settings.Permutations!.Value + 1), petal.PValue, 14);
        Assert.True(petal.Lower <= petal.Upper);
        Assert.All(report.Relevance, f => Assert.InRange(f.PValue, 1.0 / (Settings.Permutations.Value + 1), 1.0));
    }

    [Fact]
    public void Adaptive_permutations_give_strong_features_the_counted_bound_that_passes_bh_whatever_the_others()
    {
        var report = InformationReportBuilder.Build(TableReader.Read(RepositoryData.Path("iris.csv")), "iris.csv", "target", Settings with { Permutations = null });
        var petal = report.Relevance[0];
        Assert.True(petal.PValueIsBound);
        Assert.Equal("permutation", petal.PMethod);
        Assert.Equal(1000, petal.Permutations); // max(1000, ⌈4 / 0.05⌉ − 1)
        Assert.Equal(1.0 / 1001, petal.PValue);
        Assert.All(report.Relevance, f => Assert.Equal(f.PValueIsBound, f.PValue == 1.0 / (f.Permutations + 1)));
        Assert.Contains("p &lt; 1/(B + 1)", HtmlReportWriter.Write(report), StringComparison.Ordinal);
        Assert.Contains("&lt; 0.0010", HtmlReportWriter.Write(report), StringComparison.Ordinal);
        double[] q = Shannon.Estimators.Uncertainty.BenjaminiHochberg.QValues([.. report.Relevance.Select(f => f.PValue)]);
        Assert.Equal(q, report.Relevance.Select(f => f.QValue));
        Assert.All(report.Relevance, f => Assert.True(f.QValue <= 0.05, $"{f.Name}: q = {f.QValue}"));
        Assert.Contains(report.Insights, i => i.StartsWith("Strongest features: petal", StringComparison.Ordinal) && i.Contains("q ≤ 0.001)", StringComparison.Ordinal));
        Assert.Contains(report.Insights, i => i.StartsWith("4 of 4 tested features", StringComparison.Ordinal));
    }

    [Fact]
    public void Large_tables_are_sampled_with_a_warning_and_progress_reaches_one()
    {
        var table = TableReader.Read(RepositoryData.Path("iris.csv"));
        var steps = new List<ReportStep>();
        var report = InformationReportBuilder.Build(table, "iris.csv", "target", Settings with { MaxRows = 60 }, new Collect(steps));
        Assert.Equal(150, report.Rows);
        Assert.Equal(60L, report.Classes.Sum(c => c.Count));
        Assert.Contains(report.Warnings, w => w.Contains("seeded uniform sample of 60", StringComparison.Ordinal));
        Assert.Equal(1.0, steps[^1].Fraction);
        Assert.All(steps, step => Assert.InRange(step.Fraction, 0.0, 1.0));
    }

    [Fact]
    public void Row_sample_keeps_the_original_order_and_is_seeded()
    {
        var table = new ColumnTable([TableColumn.Numeric("x", Enumerable.Range(0, 1000).Select(i => (double)i).ToArray())]);
        double[] first = RowSample.Take(table, 100, 7)["x"].Values.ToArray();
        double[] again = RowSample.Take(table, 100, 7)["x"].Values.ToArray();
        Assert.Equal(first, again);
        Assert.Equal(first.Order().ToArray(), first);
        Assert.Equal(100, first.Distinct().Count());
        Assert.Same(table, RowSample.Take(table, 1000, 7));
    }

    [Fact]
    public void Classes_with_no_more_rows_than_k_are_warned_about()
    {
        var table = new ColumnTable(
        [
            TableColumn.Numeric("x", [0.1, 0.4, 0.2, 0.9, 0.5, 0.3, 0.8, 0.15, 0.35, 0.45]),
            TableColumn.Categorical("target", [0, 0, 0, 0, 0, 1, 1, 0, 0, 0], ["common", "rare"]),
        ]);
        var report = InformationReportBuilder.Build(table, "inline", "target", Settings);
        Assert.Contains(report.Warnings, w => w.Contains("1 class(es) have at most k = 3 rows ('rare' 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Continuous_target_is_binned_with_a_warning()
    {
        var report = InformationReportBuilder.Build(TableReader.Read(RepositoryData.Path("diabetes.csv")), "diabetes.csv", "target", Settings);
        Assert.Equal(10, report.Classes.Count);
        Assert.Contains(report.Warnings, w => w.Contains("continuous", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_target_names_the_parameter()
    {
        var table = TableReader.Read(RepositoryData.Path("iris.csv"));
        var ex = Assert.Throws<ArgumentException>(() => InformationReportBuilder.Build(table, "iris.csv", "species", Settings));
        Assert.Equal("target", ex.ParamName);
    }

    private sealed class Collect(List<ReportStep> steps) : IProgress<ReportStep>
    {
        public void Report(ReportStep value)
        {
            lock (steps)
            {
                steps.Add(value);
            }
        }
    }
}
