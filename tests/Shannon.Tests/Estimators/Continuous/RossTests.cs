using CsCheck;
using Shannon.Estimators;
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

    [Fact]
    public void Labels_are_the_discrete_side_or_the_side_without_numbers()
    {
        var numbers = Variable.Continuous("x", [0.1, 0.7, 0.3, 0.9]);
        var labels = Variable.Discrete<string>("l", ["a", "b", "a", "b"]);
        var counts = Variable.DiscreteNumbers("c", [1, 2, 1, 2]);
        Assert.Same(labels, Ross.LabelsOf(numbers, labels));
        Assert.Same(labels, Ross.LabelsOf(labels, numbers));
        Assert.Same(labels, Ross.LabelsOf(counts, labels));
        Assert.Same(labels, Ross.LabelsOf(labels, counts));
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Ross.LabelsOf(numbers, numbers)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Ross.LabelsOf(labels, labels)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Ross.LabelsOf(null!, labels)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Ross.LabelsOf(labels, null!)).ParamName);
    }
}
