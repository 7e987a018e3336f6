using CsCheck;
using Shannon.Estimators.Continuous;
using Shannon.Numerics;

namespace Shannon.Tests.Estimators.Continuous;

public class RossTests
{
    [Fact]
    public void Separated_classes_give_the_label_entropy()
    {
        // Two classes 100 apart, uniform within: X determines L, so I = H(L) = ln 2. Ross's estimate is
        // ψ(N) + ψ(k) − ψ(N/2) − ψ(k+1) on such data; with N = 4000 that is ln 2 − 0.34 + O(1/N) … so test the formula.
        int n = 4000;
        var random = new Random(2);
        var x = new double[n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 2;
            x[i] = (labels[i] * 100) + random.NextDouble();
        }

        var estimate = new Ross().MutualInformation<int>(x, labels);
        double psi(double v) => SpecialFunctions.Digamma(v);
        Assert.Equal(psi(n) + psi(3) - psi(n / 2) - psi(3), estimate.Value, 10);
        Assert.Equal(Math.Log(2), estimate.Value, 0.001);
        Assert.Equal(2, estimate.SupportSize);
    }

    [Fact]
    public void Integer_string_and_double_labels_agree() =>
        Gen.Int[0, 1000].Sample(seed =>
        {
            var random = new Random(seed);
            int[] labels = Enumerable.Range(0, 120).Select(_ => random.Next(3)).ToArray();
            double[] x = labels.Select(l => l + random.NextDouble()).ToArray();
            var ross = new Ross();
            double a = ross.MutualInformation<int>(x, labels).RawValue;
            double b = ross.MutualInformation<string>(x, labels.Select(l => "c" + l).ToArray()).RawValue;
            double c = ross.MutualInformation<double>(x, labels.Select(l => (double)l).ToArray()).RawValue;
            return a == b && b == c;
        }, iter: 20);

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new Ross().MutualInformation<int>([1.0, 2, 3], [1, 2])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new Ross().MutualInformation<int>([1.0, 2, 3], [1, 2, 3])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Ross().MutualInformation<int>([double.PositiveInfinity, 2, 3], [1, 1, 1])).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new Ross(K: 0).MutualInformation<int>([1.0, 2, 3], [1, 1, 1])).ParamName);
    }
}
