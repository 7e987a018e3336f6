using CsCheck;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Tests.Estimators;

/// <summary>
/// The constant-pair rule of the estimator model: a variable with one value in every row shares no information, so
/// every estimator returns I = 0 exactly (KSG's jitter used to turn a constant column against a tied one into 0.7 nats,
/// and Grassberger's entropy of a point mass is not 0).
/// </summary>
public class ConstantPairTests
{
    private const int N = 200;

    private static Variable ConstantNumbers() => Variable.Continuous("a", [.. Enumerable.Repeat(1.5, N)]);

    // Continuous with ties: 20 values, each 10 times (non-integers, so the shared rule reads them as continuous).
    private static Variable TiedNumbers() => Variable.Continuous("b", [.. Enumerable.Range(0, N).Select(i => (i % 20) * 0.37)]);

    private static Variable Labels() => Variable.Discrete("c", [.. Enumerable.Range(0, N).Select(i => i % 3)]);

    public static TheoryData<string> MutualEstimators => ["auto", "ksg1", "ksg2", "ross", "gaussian", "binned", "plugin", "miller-madow", "grassberger", "chao-shen", "nsb"];

    private static IMutualInformationEstimator Named(string name) => name switch
    {
        "auto" => new Automatic(),
        "ksg1" => new Ksg(),
        "ksg2" => new Ksg(Algorithm: 2),
        "ross" => new Ross(),
        "gaussian" => new Gaussian(),
        "binned" => new Binning(),
        "plugin" => new PlugIn(),
        "miller-madow" => new MillerMadow(),
        "grassberger" => new Grassberger(),
        "chao-shen" => new ChaoShen(),
        "nsb" => new Nsb(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Fact]
    public void Is_constant_compares_every_row()
    {
        Assert.True(ConstantNumbers().IsConstant);
        Assert.False(TiedNumbers().IsConstant);
        Assert.True(Variable.Continuous("one row", [3.0]).IsConstant);
        Assert.True(Variable.Continuous("signed zeros", [0.0, -0.0, 0.0]).IsConstant);
        Assert.False(Variable.Continuous("last differs", [2.0, 2.0, 2.0, 2.0 + 1e-15]).IsConstant);
        Assert.True(Variable.Continuous("rows", [1, 2, 1, 2, 1, 2], dimension: 2).IsConstant);
        Assert.False(Variable.Continuous("rows", [1, 2, 1, 2, 2, 1], dimension: 2).IsConstant);
        Assert.True(Variable.Discrete("labels", ["x", "x", "x"]).IsConstant);
        Assert.False(Labels().IsConstant);
    }

    [Theory]
    [MemberData(nameof(MutualEstimators))]
    public void A_constant_side_has_zero_information_from_every_estimator(string name)
    {
        var estimator = Named(name);
        foreach (var (x, y) in new[] { (ConstantNumbers(), TiedNumbers()), (TiedNumbers(), ConstantNumbers()) })
        {
            var estimate = estimator.MutualInformation(x, y, LogBase.Bits);
            Assert.Equal(0.0, estimate.Value);
            Assert.Equal(0.0, estimate.RawValue);
            Assert.Equal(N, estimate.N);
            Assert.Equal(LogBase.Bits, estimate.Unit);
        }

        Assert.Equal(0.0, estimator.MutualInformation(Labels(), Variable.Discrete("k", [.. Enumerable.Repeat("same", N)])).RawValue);
    }

    /// <summary>Property: any sample of Y against any constant X, any k and any jitter seed, gives exactly 0 from KSG and Ross.</summary>
    [Fact]
    public void Any_sample_against_a_constant_gives_zero() =>
        Gen.Select(Gen.Double[-5, 5].Array[1, 60], Gen.Double[-1e6, 1e6], Gen.Int[1, 5], Gen.Int[0, 1000]).Sample((y, c, k, seed) =>
        {
            var x = Variable.Continuous("x", [.. Enumerable.Repeat(c, y.Length)]);
            var yv = Variable.Continuous("y", y);
            return new Ksg(K: k, JitterSeed: seed).MutualInformation(x, yv).RawValue == 0.0
                && new Ksg(K: k, JitterSeed: seed).MutualInformation(yv, x).RawValue == 0.0
                && new Ross(K: k, JitterSeed: seed).MutualInformation(yv, x).RawValue == 0.0;
        });

    /// <summary>The rule applies before the sample-size checks: with 2 rows KSG (k = 3) would refuse, but I = 0 is exact.</summary>
    [Fact]
    public void A_constant_side_needs_no_neighbours()
    {
        var estimate = new Ksg().MutualInformation(Variable.Continuous("a", [1.0, 1.0]), Variable.Continuous("b", [0.1, 0.2]));
        Assert.Equal(0.0, estimate.Value);
        Assert.Throws<ArgumentException>(() => new Ksg().MutualInformation(Variable.Continuous("a", [1.0, 2.0]), Variable.Continuous("b", [0.1, 0.2])));
    }

    [Fact]
    public void Conditional_information_with_a_constant_x_or_y_is_zero()
    {
        var z = Variable.Continuous("z", [.. Enumerable.Range(0, N).Select(i => Math.Sin(i))]);
        var labels = Labels();
        foreach (var estimator in new IConditionalMutualInformationEstimator[] { new FrenzelPompe(), new Gaussian(), new Binning(), new Automatic() })
        {
            Assert.Equal(0.0, estimator.ConditionalMutualInformation(ConstantNumbers(), TiedNumbers(), z).RawValue);
            Assert.Equal(0.0, estimator.ConditionalMutualInformation(TiedNumbers(), ConstantNumbers(), z).RawValue);
        }

        Assert.Equal(0.0, new Grassberger().ConditionalMutualInformation(Variable.Discrete("k", [.. Enumerable.Repeat(1, N)]), labels, labels).RawValue);
        Assert.Equal(0.0, new ConditionedOnLabels(new Ksg(), 4).ConditionalMutualInformation(ConstantNumbers(), TiedNumbers(), labels).RawValue);
    }

    /// <summary>The one uncertainty policy on an exact 0: every half-sample is constant too, so the interval is [0, 0]; every permutation ties, so p = 1.</summary>
    [Fact]
    public void The_interval_is_a_point_and_the_p_value_one()
    {
        var options = new UncertaintyOptions { Level = 0.95, Replicates = 20, Permutations = 19 };
        var estimate = WithUncertainty.MutualInformation(new Automatic(), ConstantNumbers(), TiedNumbers(), options);
        Assert.Equal(0.0, estimate.Value);
        Assert.Equal(new ConfidenceInterval(0.0, 0.0, 0.95), estimate.ConfidenceInterval);
        Assert.Equal(0.0, estimate.StandardError);
        Assert.Equal(1.0, estimate.PValue);
    }

    [Fact]
    public void Mismatched_rows_are_still_refused_with_the_parameter_name() =>
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new Ksg().MutualInformation(ConstantNumbers(), Variable.Continuous("b", [1.0, 2.0]))).ParamName);
}
