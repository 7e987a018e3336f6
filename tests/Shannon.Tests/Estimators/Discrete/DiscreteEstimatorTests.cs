using CsCheck;
using Shannon.Estimators.Discrete;
using Shannon.Measures;

namespace Shannon.Tests.Estimators.Discrete;

public class DiscreteEstimatorTests
{
    public static TheoryData<DiscreteEntropyEstimator> All() =>
    [
        new PlugIn(), new MillerMadow(), new Grassberger(), new ChaoShen(), new JamesStein(),
        new Dirichlet(DirichletPrior.Jeffreys), new Dirichlet(DirichletPrior.Laplace), new Dirichlet(DirichletPrior.Perks),
        new Dirichlet(DirichletPrior.Minimax), new Dirichlet(DirichletPrior.Custom, 0.25), new Jackknife(), new Nsb(),
    ];

    [Fact]
    public void Grassberger_exceeds_the_log_of_the_observed_values_on_all_new_samples_and_is_not_clipped_there()
    {
        // n distinct values: ln n − G(1) with G(1) = ψ(1) − ½(ψ(1) − ψ(½)) = −γ − ln 2, so ln n + γ + ln 2.
        double allNew = new Grassberger().Entropy([1L, 1, 1, 1, 1, 1, 1, 1, 1, 1]).Value;
        Assert.Equal(Math.Log(10) + 0.57721566490153286 + Math.Log(2), allNew, 1e-12);
        Assert.True(allNew > Math.Log(10));
        // Ten distinct draws from 1,000 equally likely values: truth ln 1000; clipping at ln 10 would be farther from it.
        Assert.True(Math.Abs(allNew - Math.Log(1000)) < Math.Abs(Math.Log(10) - Math.Log(1000)));
        // A fully observed near-uniform support too: counts 5, 5 give ln 10 − G(5) = 0.9063 > ln 2 (Miller–Madow 0.7431).
        Assert.Equal(0.906281271788857, new Grassberger().Entropy([5L, 5]).Value, 1e-12);
        Assert.Equal(Math.Log(2) + 0.05, new MillerMadow().Entropy([5L, 5]).Value, 1e-12);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void One_observed_value_has_entropy_exactly_zero(DiscreteEntropyEstimator estimator)
    {
        // A point mass: no estimator may give it entropy (Grassberger's formula alone would: ln 3 − G(3) = 0.369 nats).
        foreach (long n in new long[] { 1, 2, 3, 10, 1000 })
        {
            Assert.Equal(0.0, estimator.Entropy([n]).RawValue);
            Assert.Equal(0.0, estimator.Entropy(Enumerable.Repeat(7, (int)n).ToArray()).RawValue);
        }
    }

    [Fact]
    public void Grassberger_conditioning_on_a_constant_changes_nothing()
    {
        // I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z): with H(Z) = 0 for a constant Z it is I(X;Y) to the last bit or so.
        int[] x = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 1, 1];
        int[] y = [0, 1, 1, 0, 1, 2, 0, 0, 2, 1, 1, 2, 1, 0];
        int[] z = new int[x.Length];
        var grassberger = new Grassberger();
        Assert.Equal(grassberger.MutualInformation(x, y).RawValue, grassberger.ConditionalMutualInformation(x, y, z).RawValue, 1e-12);
    }

    [Fact]
    public void Miller_madow_on_counts_2_1_is_0_80318_nats()
    {
        var estimate = new MillerMadow().Entropy([2L, 1L]);
        Assert.Equal(Math.Log(3) - (2.0 / 3 * Math.Log(2)) + (1.0 / 6), estimate.Value, 1e-15);
        Assert.Equal(0.80318, estimate.Value, 5);
        Assert.Equal(3, estimate.N);
        Assert.Equal(2, estimate.SupportSize);
    }

    [Fact]
    public void Plug_in_is_the_entropy_of_the_frequencies() =>
        Assert.Equal(Entropy.Of([0.5, 0.25, 0.25], LogBase.Bits), new PlugIn().Entropy([2L, 1, 1], LogBase.Bits).Value, 15);

    [Fact]
    public void Miller_madow_is_never_below_plug_in() =>
        Gen.Long[0, 50].Array[1, 20].Where(c => c.Sum() > 0).Sample(counts =>
            new MillerMadow().Entropy(counts).RawValue >= new PlugIn().Entropy(counts).RawValue);

    [Theory]
    [MemberData(nameof(All))]
    public void Estimates_depend_only_on_the_multiset_of_counts(DiscreteEntropyEstimator estimator) =>
        Gen.Long[0, 30].Array[2, 12].Where(c => c.Sum() > 0).Sample(counts =>
            estimator.Entropy(counts).RawValue == estimator.Entropy(counts.Reverse().ToArray()).RawValue, iter: 20);

    [Theory]
    [MemberData(nameof(All))]
    public void Mutual_information_is_symmetric_exactly(DiscreteEntropyEstimator estimator) =>
        Gen.Int[0, 4].Array[40].Select(Gen.Int[0, 3].Array[40]).Sample((x, y) =>
            estimator.MutualInformation(x, y).RawValue == estimator.MutualInformation(y, x).RawValue, iter: 20);

    [Theory]
    [MemberData(nameof(All))]
    public void Integer_and_float_labels_give_the_same_estimate(DiscreteEntropyEstimator estimator)
    {
        int[] x = [1, 2, 2, 3, 3, 3, 1, 2];
        double[] xf = x.Select(v => (double)v).ToArray();
        Assert.Equal(estimator.Entropy(x).RawValue, estimator.Entropy(xf).RawValue);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Entropy_of_labels_equals_entropy_of_their_counts(DiscreteEntropyEstimator estimator)
    {
        string[] labels = ["a", "b", "b", "c", "c", "c", "c"];
        Assert.Equal(estimator.Entropy([1L, 2, 4]).RawValue, estimator.Entropy(labels).RawValue);
    }

    public static TheoryData<int> ScoreCases() => [.. Enumerable.Range(0, EstimatorsReference.Cases("mutual_info_score").Count())];

    // scikit-learn's mutual_info_score sums over the contingency table; we take H(X) + H(Y) − H(X,Y): 1e-12 absolute.
    [Theory]
    [MemberData(nameof(ScoreCases))]
    public void Plug_in_mutual_information_matches_mutual_info_score(int index)
    {
        var c = EstimatorsReference.Cases("mutual_info_score").ElementAt(index);
        Assert.Equal(c.GetProperty("value").GetDouble(), new PlugIn().MutualInformation(c.Ints("x"), c.Ints("y")).Value, 1e-12);
    }

    [Fact]
    public void Conditional_mutual_information_of_independent_copies_is_plug_in_zero()
    {
        int[] z = [0, 0, 0, 0, 1, 1, 1, 1];
        int[] x = [0, 1, 0, 1, 0, 1, 0, 1];
        int[] y = [0, 0, 1, 1, 0, 0, 1, 1];
        Assert.Equal(0.0, new PlugIn().ConditionalMutualInformation(x, y, z).Value, 15);
        Assert.Equal(Math.Log(2), new PlugIn().ConditionalMutualInformation(x, x, z).Value, 15);
    }

    [Fact]
    public void Bad_input_names_parameter_index_and_value()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PlugIn().Entropy([1L, -2L]));
        Assert.Equal("counts", ex.ParamName);
        Assert.Contains("negative entry -2 at index 1", ex.Message);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => new MillerMadow().Entropy([0L, 0L])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => new MillerMadow().Entropy(ReadOnlySpan<long>.Empty)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new PlugIn().MutualInformation([1, 2], [1])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new PlugIn().Entropy(ReadOnlySpan<int>.Empty)).ParamName);
        Assert.Equal("A", Assert.Throws<ArgumentOutOfRangeException>(() => new Dirichlet(DirichletPrior.Custom, -1).Entropy([1L, 2])).ParamName);
        Assert.Equal("A", Assert.Throws<ArgumentOutOfRangeException>(() => new Dirichlet(double.NaN).Entropy([1L, 2])).ParamName);
    }

    /// <summary>R's entropy package: entropy.Dirichlet(y, a = 0) is the maximum-likelihood (plug-in) estimate, so a = 0 is accepted.</summary>
    [Fact]
    public void Dirichlet_with_a_zero_pseudocount_is_the_plug_in_estimate()
    {
        long[] counts = [4, 2, 3, 0, 1, 7];
        var zero = new Dirichlet(0.0);
        Assert.Equal("dirichlet:0", zero.Name);
        Assert.Equal(new PlugIn().Entropy(counts).Value, zero.Entropy(counts).Value, 1e-15);
        Assert.Equal(new PlugIn().Entropy(counts).SupportSize, zero.Entropy(counts).SupportSize);
    }

    [Fact]
    public void Estimator_names_are_the_command_line_names()
    {
        string[] names = [.. ((IEnumerable<object[]>)All()).Select(row => ((DiscreteEntropyEstimator)row[0]).Name)];
        Assert.Equal(["plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "jeffreys", "laplace", "perks", "minimax", "dirichlet:0.25", "jackknife", "nsb"], names);
    }
}
