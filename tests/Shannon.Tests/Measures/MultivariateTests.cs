using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class MultivariateTests
{
    private static JointDistribution Copies(int n)
    {
        var p = new double[1 << n];
        p[0] = 0.5;
        p[^1] = 0.5;
        return new JointDistribution(p, Enumerable.Repeat(2, n).ToArray());
    }

    [Fact] // dit: coinformation(xor) = −1, total_correlation = 1, dual_total_correlation = 2 (bits).
    public void Xor_triple_is_synergistic()
    {
        var xor = MutualInformationAxesTests.Xor;
        Assert.Equal(-1.0, Multivariate.CoInformation(xor, LogBase.Bits), 15);
        Assert.Equal(1.0, Multivariate.TotalCorrelation(xor, LogBase.Bits), 15);
        Assert.Equal(2.0, Multivariate.DualTotalCorrelation(xor, LogBase.Bits), 15);
    }

    [Theory] // n copies of a uniform bit: TC = n − 1, DTC = 1, co-information = 1 bit (redundancy is positive).
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Copies_of_a_bit_are_redundant(int n)
    {
        var copies = Copies(n);
        Assert.Equal(n - 1, Multivariate.TotalCorrelation(copies, LogBase.Bits), 14);
        Assert.Equal(1.0, Multivariate.DualTotalCorrelation(copies, LogBase.Bits), 14);
        Assert.Equal(1.0, Multivariate.CoInformation(copies, LogBase.Bits), 14);
    }

    [Fact]
    public void Independent_variables_have_no_dependence()
    {
        var joint = TestDistributions.Independent([3, 2, 4, 2], seed: 5);
        Assert.Equal(0.0, Multivariate.TotalCorrelation(joint), 14);
        Assert.Equal(0.0, Multivariate.DualTotalCorrelation(joint), 14);
        Assert.Equal(0.0, Multivariate.CoInformation(joint), 14);
    }

    [Fact]
    public void One_variable_has_no_correlation_and_its_co_information_is_its_entropy()
    {
        var joint = new JointDistribution([0.5, 0.25, 0.25], [3]);
        Assert.Equal(0.0, Multivariate.TotalCorrelation(joint));
        Assert.Equal(0.0, Multivariate.DualTotalCorrelation(joint));
        Assert.Equal(1.5, Multivariate.CoInformation(joint, LogBase.Bits), 15);
    }

    [Fact]
    public void Total_and_dual_total_correlation_bounds() =>
        TestDistributions.Joints(2, 4).Sample(joint =>
        {
            int n = joint.Rank;
            double tc = Multivariate.TotalCorrelation(joint);
            double dtc = Multivariate.DualTotalCorrelation(joint);
            double h = Entropy.Of(joint.Probabilities);
            return tc >= 0 && dtc >= 0
                && dtc <= ((n - 1) * tc) + 1e-12      // DTC ≤ (n − 1) TC
                && tc <= ((n - 1) * dtc) + 1e-12      // TC ≤ (n − 1) DTC
                && dtc <= h + 1e-12;
        });

    [Fact]
    public void Two_variables_reduce_to_mutual_information_and_three_to_its_difference_with_the_conditional() =>
        TestDistributions.Joints(2, 3).Sample(joint =>
        {
            double mi = MutualInformation.Of(joint, [0], [1]);
            if (joint.Rank == 2)
            {
                return Math.Abs(Multivariate.TotalCorrelation(joint) - mi) <= 1e-12
                    && Math.Abs(Multivariate.DualTotalCorrelation(joint) - mi) <= 1e-12
                    && Math.Abs(Multivariate.CoInformation(joint) - mi) <= 1e-12;
            }

            double expected = mi - MutualInformation.Conditional(joint, [0], [1], [2]); // I(X;Y) − I(X;Y|Z)
            return Math.Abs(Multivariate.CoInformation(joint) - expected) <= 1e-12
                && Math.Abs(Multivariate.CoInformation(joint.Marginal([2, 0, 1])) - expected) <= 1e-12; // symmetric in the variables
        });

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Multivariate.TotalCorrelation(null!));
        Assert.Throws<ArgumentNullException>(() => Multivariate.DualTotalCorrelation(null!));
        var wide = new JointDistribution([1.0], Enumerable.Repeat(1, Multivariate.MaxCoInformationVariables + 1).ToArray());
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => Multivariate.CoInformation(wide)).ParamName);
    }
}
