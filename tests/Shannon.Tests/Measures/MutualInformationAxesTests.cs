using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class MutualInformationAxesTests
{
    /// <summary>X, Y uniform bits and Z = X ⊕ Y, axes (X, Y, Z).</summary>
    internal static readonly JointDistribution Xor = new([0.25, 0.0, 0.0, 0.25, 0.0, 0.25, 0.25, 0.0], [2, 2, 2]);

    [Fact]
    public void Xor_is_pairwise_independent_but_conditionally_dependent()
    {
        Assert.Equal(0.0, MutualInformation.Of(Xor, [0], [1], LogBase.Bits), 15);
        Assert.Equal(1.0, MutualInformation.Conditional(Xor, [0], [1], [2], LogBase.Bits), 15);
        Assert.Equal(1.0, MutualInformation.Of(Xor, [2], [0, 1], LogBase.Bits), 15);
        Assert.Equal(2.0, MutualInformation.JointEntropy(Xor, [0, 2], LogBase.Bits), 15);
        Assert.Equal(0.0, MutualInformation.ConditionalEntropy(Xor, [2], [0, 1], LogBase.Bits), 15); // Z is a function of (X, Y)
        Assert.Equal(1.0, MutualInformation.ConditionalEntropy(Xor, [2], [0], LogBase.Bits), 15);
        Assert.Equal(1.0, MutualInformation.ConditionalEntropy(Xor, [2], [], LogBase.Bits), 15); // H(Z|∅) = H(Z)
    }

    [Fact]
    public void Independent_variables_have_zero_conditional_mutual_information()
    {
        var joint = TestDistributions.Independent([3, 2, 4], seed: 11);
        Assert.Equal(0.0, MutualInformation.Conditional(joint, [0], [1], [2]), 15);
        Assert.Equal(0.0, MutualInformation.Of(joint, [0, 2], [1]), 15);
        Assert.Equal(MutualInformation.JointEntropy(joint, [1]), MutualInformation.ConditionalEntropy(joint, [1], [0, 2]), 14);
    }

    [Fact]
    public void Agrees_with_the_two_dimensional_functions_on_rank_two_tables() =>
        TestDistributions.Joints(2, 2).Sample(joint =>
        {
            double[] p = joint.Probabilities.ToArray();
            int[] shape = joint.Shape.ToArray();
            return Math.Abs(MutualInformation.Of(joint, [0], [1]) - MutualInformation.Of(p, shape)) <= 1e-15
                && Math.Abs(MutualInformation.ConditionalEntropy(joint, [1], [0]) - MutualInformation.ConditionalEntropy(p, shape)) <= 1e-15
                && Math.Abs(MutualInformation.JointEntropy(joint, [0, 1]) - MutualInformation.JointEntropy(p, shape)) <= 1e-15;
        });

    [Fact]
    public void Chain_rule_of_entropy_for_axis_sets() =>
        Gen.Select(TestDistributions.Joints(2, 4), Gen.Int).Sample((joint, seed) =>
        {
            var (x, y, _) = TestDistributions.AxisSets(joint.Rank, seed);
            double hxy = MutualInformation.JointEntropy(joint, [.. x, .. y]);
            double hx = MutualInformation.JointEntropy(joint, x);
            double hyGivenX = MutualInformation.ConditionalEntropy(joint, y, x);
            return Math.Abs(hxy - (hx + hyGivenX)) <= 1e-12                     // H(X,Y) = H(X) + H(Y|X)
                && hyGivenX >= 0 && hyGivenX <= MutualInformation.JointEntropy(joint, y) + 1e-12;
        });

    [Fact]
    public void Conditional_mutual_information_is_non_negative_symmetric_and_obeys_the_chain_rule() =>
        Gen.Select(TestDistributions.Joints(2, 4), Gen.Int).Sample((joint, seed) =>
        {
            var (x, y, z) = TestDistributions.AxisSets(joint.Rank, seed);
            double cmi = MutualInformation.Conditional(joint, x, y, z);
            double h(int[] axes) => axes.Length == 0 ? 0.0 : MutualInformation.JointEntropy(joint, axes);
            double fromEntropies = h([.. x, .. z]) + h([.. y, .. z]) - h([.. x, .. y, .. z]) - h(z);
            double chain = z.Length == 0 ? cmi : MutualInformation.Of(joint, x, z) + cmi; // I(X;Z) + I(X;Y|Z)
            return cmi >= 0
                && Math.Abs(cmi - MutualInformation.Conditional(joint, y, x, z)) <= 1e-13
                && Math.Abs(cmi - fromEntropies) <= 1e-12
                && Math.Abs(MutualInformation.Of(joint, x, [.. y, .. z]) - chain) <= 1e-12; // I(X;Y,Z)
        }, iter: 300);

    [Fact]
    public void Bad_axis_sets_name_the_parameter()
    {
        Assert.Throws<ArgumentNullException>(() => MutualInformation.Conditional(null!, [0], [1], [2]));
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => MutualInformation.Conditional(Xor, [], [1], [2])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => MutualInformation.Of(Xor, [0], [])).ParamName);
        var repeat = Assert.Throws<ArgumentException>(() => MutualInformation.Conditional(Xor, [0], [1], [2, 2]));
        Assert.Equal("z", repeat.ParamName);
        Assert.Contains("repeats the axis 2 at index 1", repeat.Message);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => MutualInformation.Of(Xor, [0], [3])).ParamName);
        Assert.Equal("axes", Assert.Throws<ArgumentException>(() => MutualInformation.JointEntropy(Xor, [])).ParamName);
        Assert.Equal("axes", Assert.Throws<ArgumentException>(() => MutualInformation.ConditionalEntropy(Xor, [], [0])).ParamName);
        Assert.Equal("givenAxes", Assert.Throws<ArgumentException>(() => MutualInformation.ConditionalEntropy(Xor, [0], [0, 0])).ParamName);
    }

    /// <summary>dit's test cases: overlapping variable sets compute (I([0,1];[1,2]), H(X0|X0)) instead of throwing.</summary>
    [Fact]
    public void Overlapping_axis_sets_follow_dit()
    {
        Assert.Equal(0.0, MutualInformation.ConditionalEntropy(Xor, [0], [0], LogBase.Bits));                 // H(X0|X0) = 0
        Assert.Equal(1.0, MutualInformation.ConditionalEntropy(Xor, [0, 1], [1], LogBase.Bits), 15);         // H(X0,X1|X1) = H(X0|X1)
        Assert.Equal(1.0, MutualInformation.Of(Xor, [0], [0], LogBase.Bits), 15);                            // I(X;X) = H(X)
        Assert.Equal(2.0, MutualInformation.Of(Xor, [0, 1], [1, 2], LogBase.Bits), 15);                      // I(0;2|1) + H(1) = 1 + 1
        Assert.Equal(0.0, MutualInformation.Conditional(Xor, [0], [1], [0], LogBase.Bits), 15);              // X known given X
        Assert.Equal(1.0, MutualInformation.Conditional(Xor, [0, 2], [1, 2], [2], LogBase.Bits), 15);        // = I(0;1|2)
    }

    [Fact]
    public void Overlapping_sets_equal_the_entropy_identity() =>
        Gen.Int[0, 1_000_000].Select(Gen.Int[1, 7], Gen.Int[1, 7], Gen.Int[0, 7]).Sample((seed, xMask, yMask, zMask) =>
        {
            // Axes of a 2 × 3 × 2 table as bit masks: I(X;Y|Z) = H(X∪Z) + H(Y∪Z) − H(X∪Y∪Z) − H(Z), overlaps included.
            var joint = new JointDistribution(TestDistributions.Seeded(12, seed), [2, 3, 2]);
            int[] Axes(int mask) => [.. Enumerable.Range(0, 3).Where(a => (mask & (1 << a)) != 0)];
            double H(int mask) => mask == 0 ? 0.0 : MutualInformation.JointEntropy(joint, Axes(mask));
            double expected = H(xMask | zMask) + H(yMask | zMask) - H(xMask | yMask | zMask) - H(zMask);
            double actual = MutualInformation.Conditional(joint, Axes(xMask), Axes(yMask), Axes(zMask));
            return Math.Abs(actual - Math.Max(0.0, expected)) <= 1e-12;
        }, iter: 300);
}
