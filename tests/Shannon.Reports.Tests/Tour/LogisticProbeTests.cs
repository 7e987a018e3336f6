using Shannon.Reports.Tour;

namespace Shannon.Reports.Tests.Tour;

public class LogisticProbeTests
{
    [Fact]
    public void Stratified_folds_match_scikit_learn_on_three_classes()
    {
        long[] y = GeneratorCheck.Integers("sklearn", "small.y");
        int[] fold = LogisticProbe.StratifiedFolds(y, 3);
        var expected = GeneratorCheck.Get("sklearn", "small.test_folds").EnumerateArray().Select(f => f.EnumerateArray().Select(i => i.GetInt32()).ToArray()).ToArray();
        for (int f = 0; f < 3; f++)
        {
            Assert.Equal(expected[f], Enumerable.Range(0, y.Length).Where(i => fold[i] == f));
        }
    }

    [Fact]
    public void Probe_of_lesson_003_gives_scikit_learns_folds_and_fold_accuracies()
    {
        (double[] x, long[] y) = ProbeData();
        int[] fold = LogisticProbe.StratifiedFolds(y, 3);
        long[] sizes = GeneratorCheck.Integers("sklearn", "probe.test_sizes");
        long[] last = GeneratorCheck.Integers("sklearn", "probe.test_last");
        var first = GeneratorCheck.Get("sklearn", "probe.test_first").EnumerateArray().Select(f => f.EnumerateArray().Select(i => i.GetInt32()).ToArray()).ToArray();
        for (int f = 0; f < 3; f++)
        {
            int[] members = Enumerable.Range(0, y.Length).Where(i => fold[i] == f).ToArray();
            Assert.Equal(sizes[f], members.Length);
            Assert.Equal(first[f], members[..5]);
            Assert.Equal(last[f], members[^1]);
        }

        Assert.Equal(GeneratorCheck.Doubles("sklearn", "probe.fold_accuracies"), LogisticProbe.CrossValidatedAccuracies(x, y, 3));
    }

    [Fact]
    public void Newton_fit_agrees_with_scikit_learns_lbfgs_to_its_tolerance()
    {
        // lbfgs stops at a projected gradient of 1e-4 on a sum over ~667 points: its coefficients are good to ~1e-4.
        (double[] x, long[] y) = ProbeData();
        int[] fold = LogisticProbe.StratifiedFolds(y, 3);
        for (int f = 0; f < 3; f++)
        {
            int[] train = Enumerable.Range(0, y.Length).Where(i => fold[i] != f).ToArray();
            (double w, double b) = LogisticProbe.Fit(train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray());
            Assert.Equal(GeneratorCheck.Get("sklearn", $"probe.fold{f}.coef").GetDouble(), w, 1e-3);
            Assert.Equal(GeneratorCheck.Get("sklearn", $"probe.fold{f}.intercept").GetDouble(), b, 1e-3);
        }
    }

    [Fact]
    public void Fit_is_a_stationary_point_of_the_penalised_loss()
    {
        double[] x = [-2.0, -1.0, -0.5, 0.3, 0.2, 1.0, 1.5, -0.1];
        long[] y = [0, 0, 1, 0, 1, 1, 1, 0];
        (double w, double b) = LogisticProbe.Fit(x, y);
        double gw = w, gb = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double residual = (1.0 / (1.0 + Math.Exp(-((w * x[i]) + b)))) - y[i];
            gw += residual * x[i];
            gb += residual;
        }

        Assert.True(Math.Abs(gw) < 1e-12 && Math.Abs(gb) < 1e-12, $"gradient ({gw}, {gb})");
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LogisticProbe.CrossValidatedAccuracies([1.0, 2.0], [0L], 2)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LogisticProbe.CrossValidatedAccuracies([1.0, 2.0, 3.0, 4.0], [0L, 2L, 0L, 1L], 2)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LogisticProbe.StratifiedFolds([0L, 0L, 0L, 1L], 2)).ParamName);
        Assert.Equal("folds", Assert.Throws<ArgumentOutOfRangeException>(() => LogisticProbe.StratifiedFolds([0L, 1L], 1)).ParamName);
    }

    private static (double[] X, long[] Y) ProbeData() => Shannon.Reports.Tour.Sections.DataProcessingSection.ProbeData();
}
