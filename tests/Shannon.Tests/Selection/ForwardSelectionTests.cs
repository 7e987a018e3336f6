using Shannon.Estimators;
using Shannon.Selection;

namespace Shannon.Tests.Selection;

public class ForwardSelectionTests
{
    public static TheoryData<SelectionMethod> Methods() =>
        [SelectionMethod.Mrmr, SelectionMethod.MrmrQuotient, SelectionMethod.Jmi, SelectionMethod.Cmim, SelectionMethod.Disr];

    [Theory]
    [MemberData(nameof(Methods))]
    public void RedundantCopiesOfTheStrongestFeatureAreNotPickedTwice(SelectionMethod method)
    {
        // Full factorial design: strong ∈ 0..3, weak ∈ 0..1, noise ∈ 0..2; y = 4·weak + strong.
        var rows = from strong in Enumerable.Range(0, 4)
                   from weak in Enumerable.Range(0, 2)
                   from noise in Enumerable.Range(0, 3)
                   select (strong, weak, noise);
        var data = rows.ToArray();
        Variable[] features =
        [
            Variable.Discrete("noise", [.. data.Select(r => r.noise)]),
            Variable.Discrete("strong", [.. data.Select(r => r.strong)]),
            Variable.Discrete("copy1", [.. data.Select(r => r.strong)]),
            Variable.Discrete("weak", [.. data.Select(r => r.weak)]),
            Variable.Discrete("copy2", [.. data.Select(r => 3 - r.strong)]),
        ];
        var target = Variable.Discrete("y", [.. data.Select(r => (4 * r.weak) + r.strong)]);
        var picked = ForwardSelection.Select(features, target, method, 2);
        Assert.Equal(["strong", "weak"], picked.Features.Select(f => f.Name));
        // Relevance is the automatic rule's Grassberger I(X;Y); the score stays the chance-corrected plug-in.
        var grassberger = new Shannon.Estimators.Discrete.Grassberger();
        Assert.Equal(grassberger.MutualInformation(features[1], target).Value, picked.Features[0].Relevance!.Value, 1e-12);
        // The first pick's score is its chance-corrected relevance: log 4 less the exact mean of I under relabelling.
        double expected = Math.Log(4) - Shannon.Measures.Clustering.ExpectedMutualInformation(
            Shannon.Measures.ContingencyTable.FromLabels(features[1].Codes, target.Codes));
        Assert.Equal(expected, picked.Features[0].Score, 1e-12);
        Assert.Equal(expected, picked.Features[0].AdjustedRelevance!.Value, 1e-12);
        Assert.Equal(grassberger.MutualInformation(features[3], target).Value, picked.Features[1].Relevance!.Value, 1e-12);
        Assert.Equal([1, 2], picked.Features.Select(f => f.Rank));
        Assert.Equal(ForwardSelection.Name(method), picked.Method);
    }

    [Fact]
    public void JmiFindsTheSecondHalfOfAnXorPairThatRankingBuriesUnderADecoy()
    {
        // y = a XOR b with a ~ Bernoulli(1/2), b ~ Bernoulli(3/10) independent: I(a;y) > 0 but I(b;y) = 0.
        // The decoy is y flipped 35% of the time, so it outranks b on its own; JMI sees I(b,a;y) = H(y).
        // Exact proportions (a full design repeated), so plug-in values are exact and nothing is left to chance.
        var rows = new List<(int A, int B, int Decoy)>();
        for (int a = 0; a < 2; a++)
        {
            for (int b = 0; b < 10; b++)
            {
                for (int flip = 0; flip < 20; flip++)
                {
                    int bit = b < 3 ? 1 : 0;
                    int y = a ^ bit;
                    rows.Add((a, bit, flip < 7 ? 1 - y : y));
                }
            }
        }

        Variable[] features =
        [
            Variable.Discrete("decoy", [.. rows.Select(r => r.Decoy)]),
            Variable.Discrete("b", [.. rows.Select(r => r.B)]),
            Variable.Discrete("a", [.. rows.Select(r => r.A)]),
        ];
        var target = Variable.Discrete("y", [.. rows.Select(r => r.A ^ r.B)]);
        Assert.Equal(["a", "decoy", "b"], MutualInformationRanking.Rank(features, target).Features.Select(f => f.Name));
        var jmi = ForwardSelection.Select(features, target, SelectionMethod.Jmi, 2);
        Assert.Equal(["a", "b"], jmi.Features.Select(f => f.Name));
        Assert.Equal(["a", "b"], ForwardSelection.Select(features, target, SelectionMethod.Cmim, 2).Features.Select(f => f.Name));
    }

    [Fact]
    public void ContinuousFeaturesUseTheNeighbourEstimatorsAndSkipAScaledCopy()
    {
        var random = new Random(7);
        int n = 400;
        double[] x1 = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];
        double[] x2 = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];
        Variable[] features =
        [
            Variable.Continuous("x1", x1),
            Variable.Continuous("twice_x1", [.. x1.Select(v => 2 * v)]),
            Variable.Continuous("x2", x2),
        ];
        // y = 4·[x2 > 0] + quartile of x1: I(x1;y) = log 4 > I(x2;y) = log 2.
        var target = Variable.Discrete("y", [.. Enumerable.Range(0, n).Select(i => (x2[i] > 0 ? 4 : 0) + (int)Math.Floor((x1[i] + 0.5) * 4))]);
        foreach (var method in new[] { SelectionMethod.Mrmr, SelectionMethod.Jmi, SelectionMethod.Cmim })
        {
            Assert.Equal(["x1", "x2"], ForwardSelection.Select(features, target, method, 2).Features.Select(f => f.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ACustomerNumberThatCarriesNothingIsNotPickedFirst(SelectionMethod method)
    {
        // The hostile review's cust.csv: 300 rows, a customer number of 100 values (3 rows each, unrelated to y) and a
        // weak signal. Its plug-in I is ~0.2 nats of pure bias, above the signal's; chance-corrected it is ~0.
        var random = new Random(11);
        int n = 300;
        int[] y = [.. Enumerable.Range(0, n).Select(_ => random.Next(2))];
        int[] signal = [.. y.Select(v => random.NextDouble() < 0.7 ? v : 1 - v)];
        int[] customer = [.. Enumerable.Range(0, n).Select(i => i % 100)];
        random.Shuffle(customer);
        Variable[] features = [Variable.Discrete("customer_id", customer), Variable.Discrete("signal", signal)];
        var target = Variable.Discrete("target", y);
        var plugIn = new Shannon.Estimators.Discrete.PlugIn();
        Assert.True(plugIn.MutualInformation(features[0], target).Value > plugIn.MutualInformation(features[1], target).Value);
        var picked = ForwardSelection.Select(features, target, method, 2);
        Assert.Equal(["signal", "customer_id"], picked.Features.Select(f => f.Name));
        var first = picked.Features[0];
        Assert.Equal(MutualInformationRanking.ChanceCorrected(plugIn, features[1], target, plugIn.MutualInformation(features[1], target).Value), first.AdjustedRelevance!.Value, 1e-15);
        Assert.Equal(first.AdjustedRelevance!.Value, first.Score, 1e-15);
        Assert.InRange(picked.Features[1].AdjustedRelevance!.Value, -0.07, 0.07); // 0 ± 0.023 (2N·I ≈ chi-square, 99 df)
    }

    [Fact]
    public void APairTheEstimatorRefusesIsNamed()
    {
        // Ross needs a label that occurs twice; a text column with one value per row has none.
        var random = new Random(2);
        Variable[] features =
        [
            Variable.Continuous("x", [.. Enumerable.Range(0, 30).Select(_ => random.NextDouble())]),
            Variable.Discrete("uuid", [.. Enumerable.Range(0, 30).Select(i => $"u{i}")]),
        ];
        var target = Variable.Discrete("y", [.. Enumerable.Range(0, 30).Select(i => i % 2)]);
        var error = Assert.Throws<ArgumentException>(() => ForwardSelection.Select(features, target, SelectionMethod.Mrmr, 2));
        Assert.Equal("features", error.ParamName);
        Assert.Contains("'uuid'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadRequestsNameTheParameter()
    {
        Variable[] discrete = [Variable.Discrete("a", [0, 1, 0, 1])];
        Variable[] continuous = [Variable.Continuous("c", [0.1, 0.4, 0.2, 0.3])];
        var classes = Variable.Discrete("y", [0, 1, 0, 1]);
        var numbers = Variable.Continuous("y", [1.0, 2.0, 3.0, 4.0]);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => ForwardSelection.Select(discrete, numbers, SelectionMethod.Jmi, 1)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => ForwardSelection.Select(continuous, classes, SelectionMethod.Disr, 1)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => ForwardSelection.Select(discrete, classes, SelectionMethod.Mrmr, 2)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => ForwardSelection.Select(discrete, classes, SelectionMethod.Mrmr, 0)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => ForwardSelection.Select([Variable.Discrete("a", [0, 1])], classes, SelectionMethod.Mrmr, 1)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => ForwardSelection.Select([discrete[0], discrete[0]], classes, SelectionMethod.Mrmr, 1)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => ForwardSelection.Select([], classes, SelectionMethod.Mrmr, 1)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() => ForwardSelection.Select(discrete, classes, (SelectionMethod)99, 1)).ParamName);
    }
}
