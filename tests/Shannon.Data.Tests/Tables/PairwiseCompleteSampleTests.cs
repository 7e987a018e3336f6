using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Selection;

namespace Shannon.Data.Tests.Tables;

/// <summary>
/// The library's greedy selection on a table with missing cells: every term on the rows where the target and that
/// term's features have values, so each pick's relevance and rows are the automatic estimator's I(X;Y) and n on the
/// pair's rows, the numbers <c>shannon mi</c> prints.
/// </summary>
public sealed class PairwiseCompleteSampleTests
{
    public static TheoryData<SelectionMethod> Methods() =>
        [SelectionMethod.Mrmr, SelectionMethod.MrmrQuotient, SelectionMethod.Jmi, SelectionMethod.Cmim, SelectionMethod.Disr];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Each_picks_relevance_and_rows_are_the_pairs_own_whatever_the_other_features_gaps(SelectionMethod method)
    {
        var (features, target) = Table(method == SelectionMethod.Disr);
        var sample = new PairwiseCompleteSample(features, target);
        var picked = ForwardSelection.Select(sample, method, features.Length);
        Assert.Equal(features.Length, picked.Features.Count);
        foreach (var pick in picked.Features)
        {
            var column = features[pick.Index];
            int[] rows = PairwiseComplete.Rows(column, target);
            var estimate = new Automatic().MutualInformation(PairwiseComplete.Variable(column, rows), PairwiseComplete.Variable(target, rows));
            Assert.Equal(estimate.Value, pick.Relevance!.Value);
            Assert.Equal(estimate.N, pick.Rows!.Value);
        }

        // Fewer rows than the listwise-complete ones would give: the gaps of the other features cost this pair nothing.
        int listwise = Enumerable.Range(0, target.Length).Count(r => !target.IsMissing(r) && features.All(f => !f.IsMissing(r)));
        Assert.True(picked.Features.Min(f => f.Rows!.Value) > listwise, $"every pair keeps more than the {listwise} listwise-complete rows");
        Assert.Equal(target.Length - target.MissingCount(), sample.TargetRows);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Without_missing_cells_the_sample_gives_the_bits_of_the_variables_overload(SelectionMethod method)
    {
        var (features, target) = Table(method == SelectionMethod.Disr, gaps: false);
        var fromColumns = ForwardSelection.Select(new PairwiseCompleteSample(features, target), method, 3);
        var fromVariables = ForwardSelection.Select([.. features.Select(f => f.ToVariable())], target.ToVariable(), method, 3);
        Assert.Equal(fromVariables.Features, fromColumns.Features);
        Assert.All(fromColumns.Features, f => Assert.Equal(target.Length, f.Rows));
    }

    [Fact]
    public void A_pair_term_is_on_the_rows_of_both_features_and_the_target()
    {
        var a = TableColumn.Numeric("a", [1, double.NaN, 3, 4, 5, 6]);
        var b = TableColumn.Numeric("b", [1, 2, double.NaN, 4, 5, 6]);
        var y = TableColumn.Categorical("y", [0, 1, 0, 2, 1, 0], ["p", "q", null]);
        var sample = new PairwiseCompleteSample([a, b], y);
        Assert.Equal(["a", "b"], sample.Features);
        Assert.Equal(5, sample.Target.Rows);
        var (x, other, target) = sample.Pair(0, 1);
        Assert.Equal([1.0, 5, 6], x.Values.ToArray());
        Assert.Equal([1.0, 5, 6], other.Values.ToArray());
        Assert.Equal(3, target.Rows);
        Assert.True(x.IsDiscrete); // integers on these rows, by the one rule
        var (relevance, y4) = sample.Relevance(1);
        Assert.Equal([1.0, 2, 5, 6], relevance.Values.ToArray());
        Assert.Equal(4, y4.Rows);
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_columns()
    {
        var a = TableColumn.Numeric("a", [1, 2, double.NaN, double.NaN]);
        var b = TableColumn.Numeric("b", [double.NaN, double.NaN, 3, 4]);
        var y = TableColumn.Numeric("y", [0, 1, 0, 1]);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => new PairwiseCompleteSample([a, TableColumn.Numeric("c", [1.0])], y)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => new PairwiseCompleteSample([a], TableColumn.Numeric("y", [0, double.NaN, double.NaN, double.NaN]))).ParamName);
        Assert.Throws<ArgumentNullException>(() => new PairwiseCompleteSample(null!, y));
        Assert.Throws<ArgumentNullException>(() => new PairwiseCompleteSample([a], null!));
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => ForwardSelection.Select(new PairwiseCompleteSample([a, a], y), SelectionMethod.Mrmr, 1)).ParamName);

        // a and b share no row: the pair term cannot be estimated, and the message names both.
        var error = Assert.Throws<ArgumentException>(() => ForwardSelection.Select(new PairwiseCompleteSample([a, b], y), SelectionMethod.Mrmr, 2));
        Assert.StartsWith("the pair 'b', 'a': 'b' and 'a' have 0 row(s) with a value of each and of the target 'y'; a term needs at least 2.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// 240 rows, target y in 0–2 with 9 NA; for DISR three discrete features, else a continuous one, its noisy copy and a
    /// discrete one; each feature's gaps on its own rows.
    /// </summary>
    private static (TableColumn[] Features, TableColumn Target) Table(bool discreteOnly, bool gaps = true)
    {
        var random = new Random(6);
        const int n = 240;
        int[] y = [.. Enumerable.Range(0, n).Select(_ => random.Next(3))];
        double Gap(int i, int every, double value) => gaps && i % every == 1 ? double.NaN : value;
        double[] signal = [.. Enumerable.Range(0, n).Select(i => Gap(i, 11, discreteOnly ? (y[i] + (random.NextDouble() < 0.3 ? 1 : 0)) % 3 : y[i] + random.NextDouble()))];
        double[] copy = [.. Enumerable.Range(0, n).Select(i => Gap(i, 7, discreteOnly ? y[i] % 2 : signal[i] + (0.2 * random.NextDouble())))];
        double[] noise = [.. Enumerable.Range(0, n).Select(i => Gap(i, 13, random.Next(4)))];
        string?[] classes = ["0", "1", "2", null];
        var target = TableColumn.Categorical("y", [.. y.Select((c, i) => gaps && i % 27 == 5 ? 3 : c)], classes);
        return ([TableColumn.Numeric("signal", signal), TableColumn.Numeric("copy", copy), TableColumn.Numeric("noise", noise)], target);
    }
}
