using Shannon.Reports.Calibration;

namespace Shannon.Reports.Tests.Calibration;

public class SoftmaxRegressionTests
{
    [Fact]
    public void Separable_classes_are_learned_and_held_out_rows_predicted()
    {
        // Three clusters on a line: x = 0, 5, 10 plus a small offset; class = cluster.
        int n = 90;
        var x = new double[n * 2];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 3;
            x[2 * i] = (5.0 * y[i]) + ((i % 7) * 0.1);
            x[(2 * i) + 1] = 3.0; // a constant feature: centred, not scaled
        }

        var (train, test) = SoftmaxRegression.Split(n, 0.3, seed: 4);
        Assert.Equal(27, test.Length);
        Assert.Equal(n, train.Concat(test).Distinct().Count());
        var model = SoftmaxRegression.Fit(x, 2, y, 3, train, epochs: 500, learningRate: 1.0);
        var logits = model.Logits(x, test);
        Assert.Equal(test.Length * 3, logits.Length);
        for (int i = 0; i < test.Length; i++)
        {
            var row = logits.AsSpan(i * 3, 3);
            Assert.Equal(y[test[i]], row.IndexOf(row.ToArray().Max()));
        }
    }

    [Fact]
    public void The_split_and_the_fit_are_deterministic()
    {
        var (train, test) = SoftmaxRegression.Split(100, 0.25, 7);
        var again = SoftmaxRegression.Split(100, 0.25, 7);
        Assert.Equal(train, again.Train);
        Assert.Equal(test, again.Test);
        Assert.NotEqual(SoftmaxRegression.Split(100, 0.25, 7).Test, SoftmaxRegression.Split(100, 0.25, 8).Test);
        double[] x = [0.1, 0.9, 0.4, 0.8, 0.3, 0.2];
        int[] y = [0, 1, 0, 1, 1, 0];
        int[] rows = [0, 1, 2, 3, 4, 5];
        var a = SoftmaxRegression.Fit(x, 1, y, 2, rows, 50, 0.5).Logits(x, rows);
        var b = SoftmaxRegression.Fit(x, 1, y, 2, rows, 50, 0.5).Logits(x, rows);
        Assert.Equal(a, b);
    }
}
