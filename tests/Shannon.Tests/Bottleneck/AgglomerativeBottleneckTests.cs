using Shannon.Bottleneck;

namespace Shannon.Tests.Bottleneck;

public class AgglomerativeBottleneckTests
{
    [Fact]
    public void Matches_brute_force_greedy_merging()
    {
        // Reference: every pair tried at every step, I(T;Y) recomputed from the merged joint (bottleneck_reference.py).
        var section = BottleneckReference.Section("agglomerative");
        var hierarchy = AgglomerativeBottleneck.Merge(BottleneckReference.Numbers(section.GetProperty("joint")), 6, 3);
        Assert.Equal(section.GetProperty("mutual_information").GetDouble(), hierarchy.InitialRelevantInformation, 13);
        var expected = section.GetProperty("merges").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, hierarchy.Merges.Count);
        for (int s = 0; s < expected.Length; s++)
        {
            var merge = hierarchy.Merges[s];
            Assert.Equal(expected[s].GetProperty("left").GetInt32(), Math.Min(merge.Left, merge.Right));
            Assert.Equal(expected[s].GetProperty("right").GetInt32(), Math.Max(merge.Left, merge.Right));
            Assert.Equal(expected[s].GetProperty("cost").GetDouble(), merge.Cost, 12);
            Assert.Equal(expected[s].GetProperty("relevant").GetDouble(), merge.RelevantInformation, 12);
            Assert.Equal(expected[s].GetProperty("compression").GetDouble(), merge.CompressionInformation, 12);
        }
    }

    [Fact]
    public void Identical_conditionals_merge_first_at_no_cost_and_one_cluster_keeps_nothing()
    {
        double[] joint = [0.2, 0.05, 0.1, 0.1, 0.1, 0.025, 0.05, 0.375];
        var hierarchy = AgglomerativeBottleneck.Merge(joint, 4, 2, LogBase.Bits);
        Assert.Equal(0.0, hierarchy.Merges[0].Cost, 15);
        Assert.Equal((0, 2), (hierarchy.Merges[0].Left, hierarchy.Merges[0].Right));
        Assert.Equal(0.0, hierarchy.Merges[^1].RelevantInformation, 12);
        Assert.Equal(0.0, hierarchy.Merges[^1].CompressionInformation, 12);
        Assert.Equal(1, hierarchy.Merges[^1].Clusters);
        for (int s = 1; s < hierarchy.Merges.Count; s++)
        {
            Assert.True(hierarchy.Merges[s].RelevantInformation <= hierarchy.Merges[s - 1].RelevantInformation + 1e-15);
        }

        Assert.Equal([0, 1, 0, 2], hierarchy.Assignment(3));
        Assert.Equal([0, 0, 0, 0], hierarchy.Assignment(1));
        Assert.Equal([0, 1, 2, 3], hierarchy.Assignment(4));
    }

    [Fact]
    public void Samples_give_the_same_hierarchy_as_their_empirical_joint()
    {
        int[] x = [0, 0, 1, 1, 2, 2, 2, 3, 0, 3];
        int[] y = [0, 1, 1, 1, 0, 0, 1, 1, 0, 1];
        var fromSamples = AgglomerativeBottleneck.FromSamples(x, y);
        var joint = new double[8];
        for (int i = 0; i < x.Length; i++)
        {
            joint[(x[i] * 2) + y[i]] += 0.1;
        }

        var fromJoint = AgglomerativeBottleneck.Merge(joint, 4, 2);
        Assert.Equal(fromJoint.Merges.Select(m => (m.Left, m.Right)), fromSamples.Merges.Select(m => (m.Left, m.Right)));
        Assert.Equal(fromJoint.InitialRelevantInformation, fromSamples.InitialRelevantInformation, 14);
    }

    [Fact]
    public void Bad_input_names_parameter()
    {
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => AgglomerativeBottleneck.Merge([0.5, 0.6], 1, 2)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => AgglomerativeBottleneck.FromSamples([0, 1], [0])).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => AgglomerativeBottleneck.FromSamples([0, -1], [0, 1]));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("negative label -1 at index 1", ex.Message);
        var hierarchy = AgglomerativeBottleneck.Merge([0.5, 0.5], 2, 1);
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => hierarchy.Assignment(3)).ParamName);
    }

    [Fact]
    public void Sizes_whose_cell_count_wraps_32_bits_are_refused_naming_the_parameter_before_allocating()
    {
        // Review 5: 65536 × 65536 cost cells wrapped to 0 (IndexOutOfRangeException), 46341² to a negative length
        // (OverflowException), a label of int.MaxValue made |X| = int.MinValue, and labels 65536 × 65535 a joint of
        // 2^32 + 2^16 cells wrapped to 65536 (ArgumentOutOfRangeException with no parameter name).
        var wide = new double[65536];
        Array.Fill(wide, 1.0 / 65536);
        Assert.Equal("xCount", Assert.Throws<ArgumentOutOfRangeException>(() => AgglomerativeBottleneck.Merge(wide, 65536, 1)).ParamName);
        var odd = new double[46341];
        Array.Fill(odd, 1.0 / 46341);
        Assert.Equal("xCount", Assert.Throws<ArgumentOutOfRangeException>(() => AgglomerativeBottleneck.Merge(odd, 46341, 1)).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AgglomerativeBottleneck.FromSamples([0, 65536], [0, 65535]));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("65537 × 65536", ex.Message);
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => AgglomerativeBottleneck.FromSamples([0, int.MaxValue], [0, 1])).ParamName);
    }
}
