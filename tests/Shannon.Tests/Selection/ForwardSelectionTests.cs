using Shannon.Estimators;
using Shannon.Estimators.Discrete;
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

    [Theory]
    [InlineData(SelectionMethod.Mrmr)]
    [InlineData(SelectionMethod.Jmi)]
    public void DiscreteTermsAreScikitLearnsPlugInLessItsNullMeanForTheAutomaticRuleAndThePlugIn(SelectionMethod method)
    {
        // References/greedy_selection_reference.py: mutual_info_score less expected_mutual_information for every pair,
        // class by class of the target for I(X;X_j|Y), and mRMR and JMI run greedily on them.
        var root = GreedyReference.Value.RootElement;
        string[] names = [.. root.GetProperty("names").EnumerateArray().Select(e => e.GetString()!)];
        Variable[] features = [.. root.GetProperty("features").EnumerateArray().Select((f, i) => Variable.Discrete(names[i], f.EnumerateArray().Select(v => v.GetInt32()).ToArray()))];
        var target = Variable.Discrete("y", root.GetProperty("target").EnumerateArray().Select(v => v.GetInt32()).ToArray());
        var expected = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("method").GetString() == ForwardSelection.Name(method));
        foreach (IMutualInformationEstimator estimator in new IMutualInformationEstimator[] { new Automatic(), new PlugIn() })
        {
            var picked = ForwardSelection.Select(features, target, method, features.Length, new SelectionOptions { Estimator = estimator });
            Assert.Equal(expected.GetProperty("picked").EnumerateArray().Select(e => e.GetString()), picked.Features.Select(f => f.Name));
            double[] scores = [.. expected.GetProperty("scores").EnumerateArray().Select(e => e.GetDouble())];
            for (int i = 0; i < scores.Length; i++)
            {
                Assert.Equal(scores[i], picked.Features[i].Score, 1e-12);
            }
        }

        foreach (var pair in root.GetProperty("pairs").EnumerateArray())
        {
            var a = features[Array.IndexOf(names, pair.GetProperty("a").GetString())];
            var b = features[Array.IndexOf(names, pair.GetProperty("b").GetString())];
            var plugIn = new PlugIn();
            Assert.Equal(pair.GetProperty("score").GetDouble(), MutualInformationRanking.ChanceCorrected(plugIn, a, b, plugIn.MutualInformation(a, b).Value), 1e-12);
            var automatic = new Automatic();
            double conditional = automatic.ConditionalMutualInformation(a, b, target).Value;
            Assert.Equal(pair.GetProperty("conditional").GetDouble(), MutualInformationRanking.ChanceCorrected(automatic, a, b, target, conditional), 1e-12);
        }
    }

    [Fact]
    public void TheRedundancyAndConditionalTermsAreTheDefaultEstimatorsAnswersForTheirPairs()
    {
        // Continuous features against classes: relevance by Ross, redundancy by KSG, I(X;X_j|Y) within each class
        // (the automatic rule's numbers, which shannon mi prints for the pair); chance correction leaves k-NN estimates as they are.
        var random = new Random(5);
        int n = 300;
        double[] x1 = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
        double[] x2 = [.. x1.Select(v => v + (0.3 * random.NextDouble()))];
        double[] x3 = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
        Variable[] features = [Variable.Continuous("x1", x1), Variable.Continuous("x2", x2), Variable.Continuous("x3", x3)];
        var target = Variable.Discrete("y", [.. Enumerable.Range(0, n).Select(i => (x1[i] > 0.5 ? 1 : 0) + (x3[i] > 0.7 ? 2 : 0))]);
        var automatic = new Automatic();
        foreach (var method in new[] { SelectionMethod.Mrmr, SelectionMethod.Jmi })
        {
            var picked = ForwardSelection.Select(features, target, method, 2);
            var (first, second) = (features[picked.Features[0].Index], features[picked.Features[1].Index]);
            Assert.Equal(automatic.MutualInformation(second, target).Value, picked.Features[1].AdjustedRelevance!.Value, 1e-12);
            double redundancy = automatic.MutualInformation(second, first).Value;
            double given = method == SelectionMethod.Jmi ? automatic.ConditionalMutualInformation(second, first, target).Value : 0.0;
            Assert.Equal(picked.Features[1].AdjustedRelevance!.Value - redundancy + given, picked.Features[1].Score, 1e-12);
        }

        // Discrete pairs: the terms are the scores shannon features gives the pair (plug-in less its null mean), from either estimator.
        int[] y = [.. Enumerable.Range(0, n).Select(_ => random.Next(3))];
        int[] a = [.. y.Select(v => random.NextDouble() < 0.6 ? v : random.Next(3))];
        int[] b = [.. a.Select(v => random.NextDouble() < 0.5 ? v : random.Next(3))];
        Variable[] labels = [Variable.Discrete("a", a), Variable.Discrete("b", b)];
        var classes = Variable.Discrete("y", y);
        var mrmr = ForwardSelection.Select(labels, classes, SelectionMethod.Mrmr, 2);
        Assert.Equal(["a", "b"], mrmr.Features.Select(f => f.Name));
        double pairScore = MutualInformationRanking.Rank([labels[1]], labels[0]).Features[0].Score;
        double expectedRedundancy = MutualInformationRanking.ChanceCorrected(automatic, labels[1], labels[0], automatic.MutualInformation(labels[1], labels[0]).Value);
        Assert.Equal(expectedRedundancy, mrmr.Features[1].AdjustedRelevance!.Value - mrmr.Features[1].Score, 1e-12);
        Assert.True(Math.Abs(pairScore - automatic.MutualInformation(labels[1], labels[0]).Value) < 0.02, "the chance-corrected and Grassberger estimates of a dense 3 x 3 pair agree to its bias");
    }

    [Fact]
    public void JmiPicksAWeakSignalOverManyValuedNoiseThatRawConditionalTermsReward()
    {
        // n = 300, a 3-class target, a 3-valued strong feature (picked first), a binary weak signal and 30 values of noise.
        // I(X;X_j|Y) has |Y| times the cells of I(X;X_j), so its upward bias, not removed by Grassberger's correction on
        // tables this sparse, gives the noise a bonus in JMI's I(X;Y) − [I(X;X_j) − I(X;X_j|Y)]. Twenty seeded data sets.
        int withCorrectedTerms = 0, withRawGrassberger = 0, withRawPlugIn = 0;
        for (int trial = 0; trial < 20; trial++)
        {
            var random = new Random(100 + trial);
            int n = 300;
            int[] y = [.. Enumerable.Range(0, n).Select(_ => random.Next(3))];
            int[] strong = [.. y.Select(v => random.NextDouble() < 0.6 ? v : random.Next(3))];
            int[] signal = [.. y.Select(v => random.NextDouble() < 0.3 ? (v == 0 ? 1 : 0) : random.Next(2))];
            int[] noise = [.. Enumerable.Range(0, n).Select(_ => random.Next(30))];
            Variable[] features = [Variable.Discrete("strong", strong), Variable.Discrete("signal", signal), Variable.Discrete("noise", noise)];
            var target = Variable.Discrete("y", y);
            var picked = ForwardSelection.Select(features, target, SelectionMethod.Jmi, 2);
            Assert.Equal("strong", picked.Features[0].Name);
            withCorrectedTerms += picked.Features[1].Name == "signal" ? 1 : 0;
            withRawGrassberger += RawJmiPrefersSignal(new Grassberger(), features, target) ? 1 : 0;
            withRawPlugIn += RawJmiPrefersSignal(new PlugIn(), features, target) ? 1 : 0;
        }

        // Measured: 17, 6 and 0 of 20 (the 100-trial run of bench/simulations/selection_terms.py: 85, 28 and 0 of 100).
        Assert.InRange(withCorrectedTerms, 15, 20);
        Assert.InRange(withRawGrassberger, 0, 10);
        Assert.InRange(withRawPlugIn, 0, 2);
    }

    [Fact]
    public void TheConditionalChanceCorrectionIsThePairsClassByClassAndChecksItsInputs()
    {
        var random = new Random(9);
        int n = 200;
        int[] z = [.. Enumerable.Range(0, n).Select(_ => random.Next(2))];
        int[] x = [.. Enumerable.Range(0, n).Select(_ => random.Next(4))];
        int[] y = [.. x.Select(v => random.NextDouble() < 0.5 ? v : random.Next(4))];
        var (vx, vy, vz) = (Variable.Discrete("x", x), Variable.Discrete("y", y), Variable.Discrete("z", z));
        var plugIn = new PlugIn();
        double expected = 0;
        for (int c = 0; c < 2; c++)
        {
            int[] rows = [.. Enumerable.Range(0, n).Where(i => z[i] == c)];
            var (sx, sy) = (vx.Subset(rows), vy.Subset(rows));
            expected += rows.Length * MutualInformationRanking.ChanceCorrected(plugIn, sx, sy, plugIn.MutualInformation(sx, sy).Value);
        }

        double cmi = plugIn.ConditionalMutualInformation(vx, vy, vz).Value;
        Assert.Equal(expected / n, MutualInformationRanking.ChanceCorrected(plugIn, vx, vy, vz, cmi), 1e-12);
        // A constant Z: the pair's rule.
        var one = Variable.Discrete("one", new int[n]);
        Assert.Equal(
            MutualInformationRanking.ChanceCorrected(plugIn, vx, vy, plugIn.MutualInformation(vx, vy).Value),
            MutualInformationRanking.ChanceCorrected(plugIn, vx, vy, one, plugIn.ConditionalMutualInformation(vx, vy, one).Value), 1e-12);
        // Continuous variables: the estimate itself.
        var c1 = Variable.Continuous("c1", [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())]);
        Assert.Equal(0.123, MutualInformationRanking.ChanceCorrected(new Automatic(), c1, vy, vz, 0.123));
        Assert.Equal("estimator", Assert.Throws<ArgumentNullException>(() => MutualInformationRanking.ChanceCorrected(null!, vx, vy, vz, cmi)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentNullException>(() => MutualInformationRanking.ChanceCorrected(plugIn, vx, vy, null!, cmi)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => MutualInformationRanking.ChanceCorrected(plugIn, vx, vy, Variable.Discrete("short", [0, 1]), cmi)).ParamName);
        Assert.Equal("conditionalMutualInformation", Assert.Throws<ArgumentOutOfRangeException>(() => MutualInformationRanking.ChanceCorrected(plugIn, vx, vy, vz, double.NaN)).ParamName);
    }

    private static readonly Lazy<System.Text.Json.JsonDocument> GreedyReference = new(() =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "greedy_selection_reference.json"))));

    /// <summary>JMI's second step from the estimator's raw terms (the rule before): does the signal beat the noise?</summary>
    private static bool RawJmiPrefersSignal(DiscreteEntropyEstimator estimator, Variable[] features, Variable target)
    {
        double Criterion(Variable candidate) =>
            MutualInformationRanking.ChanceCorrected(estimator, candidate, target, estimator.MutualInformation(candidate, target).Value)
            - (estimator.MutualInformation(candidate, features[0]).Value - estimator.ConditionalMutualInformation(candidate, features[0], target).Value);
        return Criterion(features[1]) > Criterion(features[2]);
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

    [Theory]
    [MemberData(nameof(Methods))]
    public void EveryTermIsOnTheRowsTheSampleGivesIt(SelectionMethod method)
    {
        // Each feature "misses" a different tenth of the rows; the sample hands out each term on the rows where its
        // features are present, and the selection must use exactly those: the relevance is the estimate on the
        // feature's own rows, the pair terms are asked once per candidate and pick.
        var random = new Random(11);
        int[] y = [.. Enumerable.Range(0, 300).Select(_ => random.Next(3))];
        Variable[] features =
        [
            Variable.Discrete("a", [.. y.Select(v => (v + (random.NextDouble() < 0.2 ? 1 : 0)) % 3)]),
            Variable.Discrete("b", [.. y.Select(v => v % 2)]),
            Variable.Discrete("c", [.. y.Select(_ => random.Next(4))]),
            Variable.Discrete("d", [.. y.Select(v => random.NextDouble() < 0.5 ? v : random.Next(3))]),
        ];
        var sample = new Gapped(features, Variable.Discrete("y", y), every: 10);
        var picked = ForwardSelection.Select(sample, method, 3);
        foreach (var pick in picked.Features)
        {
            var (x, target) = sample.Relevance(pick.Index);
            Assert.Equal(new Automatic().MutualInformation(x, target).Value, pick.Relevance!.Value);
            Assert.Equal(270, pick.Rows);
        }

        Assert.Equal(3 + 2, sample.PairCalls);
        var complete = ForwardSelection.Select(SelectionSample.Complete(features, Variable.Discrete("y", y)), method, 3);
        Assert.Equal(ForwardSelection.Select(features, Variable.Discrete("y", y), method, 3).Features, complete.Features);
        Assert.All(complete.Features, f => Assert.Equal(300, f.Rows));
    }

    /// <summary>Feature k is missing on the rows r with r % every = k; each term keeps the rows where its features are present.</summary>
    private sealed class Gapped(Variable[] features, Variable target, int every) : SelectionSample
    {
        private int _pairCalls;

        public int PairCalls => _pairCalls;

        public override IReadOnlyList<string> Features => [.. features.Select(f => f.Name)];

        public override Variable Target => target;

        public override (Variable Feature, Variable Target) Relevance(int feature)
        {
            int[] rows = Rows(feature);
            return (features[feature].Subset(rows), target.Subset(rows));
        }

        public override (Variable Feature, Variable Other, Variable Target) Pair(int feature, int other)
        {
            Interlocked.Increment(ref _pairCalls);
            int[] rows = Rows(feature, other);
            return (features[feature].Subset(rows), features[other].Subset(rows), target.Subset(rows));
        }

        private int[] Rows(params int[] present) => [.. Enumerable.Range(0, target.Rows).Where(r => !present.Contains(r % every))];
    }
}
