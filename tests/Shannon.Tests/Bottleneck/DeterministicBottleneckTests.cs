using Shannon.Bottleneck;

namespace Shannon.Tests.Bottleneck;

public class DeterministicBottleneckTests
{
    private static readonly double[] Joint = InformationBottleneckTests.Joint;

    [Fact]
    public void Large_beta_separates_every_x_and_keeps_all_relevant_information()
    {
        // A hard clustering cannot revive a cluster it emptied, so a random start may stop at a local optimum;
        // the best of a few seeds reaches the global one (as Strouse & Schwab restart).
        var solution = Enumerable.Range(0, 8).Select(seed => DeterministicBottleneck.Solve(Joint, 4, 3, beta: 1000, clusters: 4, seed: seed))
            .MaxBy(s => s.RelevantInformation)!;
        Assert.Equal(InformationBottleneckTests.ExactInformation(Joint, 4, 3), solution.RelevantInformation, 12);
        Assert.Equal(Math.Log(4), solution.ClusterEntropy, 12);
        Assert.True(solution.Converged);
    }

    [Fact]
    public void Small_beta_merges_everything_into_one_cluster()
    {
        var solution = DeterministicBottleneck.Solve(Joint, 4, 3, beta: 0.01, clusters: 4, seed: 2);
        Assert.Equal(0.0, solution.ClusterEntropy, 15);
        Assert.Equal(0.0, solution.RelevantInformation, 15);
    }

    [Fact]
    public void Encoder_is_hard_and_compression_equals_cluster_entropy()
    {
        foreach (var s in DeterministicBottleneck.Sweep(Joint, 4, 3, [0.5, 2, 5, 20, 100], clusters: 3, seed: 7))
        {
            Assert.All(s.Encoder, w => Assert.True(w is 0.0 or 1.0));
            Assert.Equal(s.ClusterEntropy, s.CompressionInformation, 12);
            Assert.True(s.RelevantInformation <= s.CompressionInformation + 1e-12);
        }
    }

    [Fact]
    public void Duplicate_conditionals_share_a_cluster()
    {
        // Rows 0 and 2 have the same p(y|x), as do 1 and 3: at large β the hard clustering pairs them losslessly.
        double[] joint = [0.2, 0.05, 0.05, 0.2, 0.2, 0.05, 0.05, 0.2];
        var solution = DeterministicBottleneck.Solve(joint, 4, 2, beta: 100, clusters: 2, seed: 1);
        Assert.Equal(InformationBottleneckTests.ExactInformation(joint, 4, 2), solution.RelevantInformation, 12);
        Assert.Equal(solution.Encoder[0..2], solution.Encoder[4..6]);
        Assert.Equal(solution.Encoder[2..4], solution.Encoder[6..8]);
    }

    [Fact]
    public void Bad_input_names_parameter()
    {
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => DeterministicBottleneck.Solve([0.5, double.NaN], 1, 2, 1, 2)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicBottleneck.Solve([0.5, 0.5], 1, 2, 1, 2, maxIterations: 0)).ParamName);
        Assert.Equal("betas", Assert.Throws<ArgumentException>(() => DeterministicBottleneck.Sweep([0.5, 0.5], 1, 2, [], 2)).ParamName);
    }
}
