using CsCheck;
using Shannon.Estimators;
using Shannon.Numerics;
using Shannon.Selection;

namespace Shannon.Tests;

/// <summary>
/// Progress of long library calls: every report is a <see cref="WorkDone"/> whose counts only grow, whose total is
/// the documented unit count, whose last report is Done = Total, and of which there are a few hundred at most.
/// </summary>
public class WorkDoneTests
{
    /// <summary>Collects reports synchronously (unlike <see cref="Progress{T}"/>, which posts them), from any thread.</summary>
    internal sealed class Recorder : IProgress<WorkDone>
    {
        private readonly List<WorkDone> _reports = [];

        public IReadOnlyList<WorkDone> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(WorkDone value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }

        /// <summary>Asserts the reports are increasing, all of <paramref name="total"/>, and end at Done = Total.</summary>
        public void AssertComplete(long total)
        {
            var reports = Reports;
            Assert.NotEmpty(reports);
            Assert.InRange(reports.Count, 1, 258);
            Assert.All(reports, r => Assert.Equal(total, r.Total));
            Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Done > pair.First.Done, $"{pair.First} then {pair.Second}"));
            Assert.Equal(new WorkDone(total, total), reports[^1]);
        }
    }

    [Fact]
    public void Fraction_is_done_over_total_clamped_and_zero_without_a_total()
    {
        Assert.Equal(0.25, new WorkDone(1, 4).Fraction);
        Assert.Equal(1.0, new WorkDone(5, 4).Fraction);
        Assert.Equal(0.0, new WorkDone(3, 0).Fraction);
    }

    [Fact]
    public void The_throttle_reports_in_order_from_many_threads_and_ends_at_the_total()
    {
        Gen.Int[1, 100_000].Sample(total =>
        {
            var recorder = new Recorder();
            var throttle = new ProgressThrottle(total, recorder);
            Parallel.For(0, total, _ => throttle.Add());
            recorder.AssertComplete(total);
        }, iter: 20);
    }

    [Fact]
    public void A_tree_reports_the_rows_placed_in_leaves_up_to_n()
    {
        var random = new Random(3);
        int n = 5000;
        double[] x = [.. Enumerable.Range(0, 2 * n).Select(_ => random.NextDouble())];
        int[] y = [.. Enumerable.Range(0, n).Select(i => x[2 * i] + (0.3 * random.NextDouble()) > 0.6 ? 1 : 0)];
        var recorder = new Recorder();
        var tree = EntropyDecisionTree.Fit(x, 2, y, 2, progress: recorder);
        recorder.AssertComplete(n);
        Assert.Equal(tree.Nodes.Count, EntropyDecisionTree.Fit(x, 2, y, 2).Nodes.Count);
    }

    [Theory]
    [InlineData(SelectionMethod.Mrmr, 6, 6)]
    [InlineData(SelectionMethod.Jmi, 6, 3)]
    [InlineData(SelectionMethod.Disr, 5, 1)]
    public void Selection_reports_its_pair_estimates_p_plus_the_remaining_candidates_of_each_pick(SelectionMethod method, int p, int k)
    {
        var random = new Random(5);
        int[] y = [.. Enumerable.Range(0, 300).Select(_ => random.Next(3))];
        Variable[] features = [.. Enumerable.Range(0, p).Select(j => Variable.Discrete($"f{j}", [.. y.Select(v => (v + random.Next(j + 1)) % 4)]))];
        var recorder = new Recorder();
        var ranking = ForwardSelection.Select(features, Variable.Discrete("y", y), method, k, progress: recorder);
        recorder.AssertComplete(p + Enumerable.Range(1, k - 1).Sum(i => (long)(p - i)));
        Assert.Equal(ForwardSelection.Select(features, Variable.Discrete("y", y), method, k).Features, ranking.Features);
    }
}
