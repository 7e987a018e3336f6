using System.Text.Json;
using CsCheck;
using Shannon.Selection;

namespace Shannon.Tests.Selection;

public class EntropyDecisionTreeTests
{
    public static TheoryData<int> TreeCases() => [0, 1, 2];

    [Theory]
    [MemberData(nameof(TreeCases))]
    public void SplitsEqualScikitLearnsDecisionTreeClassifier(int index)
    {
        var reference = SelectionReference.Root.GetProperty("trees")[index];
        var (names, x, labels) = SelectionReference.Load(reference.GetProperty("file").GetString()!);
        int[] y = SelectionReference.Codes(labels, out int classCount);
        // scikit-learn fits on float32 copies of the features.
        double[] x32 = [.. x.Select(v => (double)(float)v)];
        int? maxDepth = reference.GetProperty("max_depth").ValueKind == JsonValueKind.Null ? null : reference.GetProperty("max_depth").GetInt32();
        var tree = EntropyDecisionTree.Fit(x32, names.Length, y, classCount, maxDepth, reference.GetProperty("min_leaf").GetInt32());

        var expected = reference.GetProperty("nodes");
        Assert.Equal(expected.GetArrayLength(), tree.Nodes.Count);
        foreach (var node in expected.EnumerateArray())
        {
            var actual = tree.Nodes[node.GetProperty("id").GetInt32()];
            Assert.Equal(node.GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()), actual.ClassCounts);
            Assert.Equal(node.GetProperty("entropy").GetDouble(), actual.Entropy, 1e-12);
            if (node.TryGetProperty("feature", out var feature))
            {
                Assert.Equal(feature.GetInt32(), actual.Feature);
                Assert.Equal(node.GetProperty("threshold").GetDouble(), actual.Threshold);
                Assert.Equal(node.GetProperty("left").GetInt32(), actual.Left);
                Assert.Equal(node.GetProperty("right").GetInt32(), actual.Right);
                Assert.Equal(node.GetProperty("gain").GetDouble(), actual.Gain, 1e-12);
            }
            else
            {
                Assert.True(actual.IsLeaf);
            }
        }
    }

    [Fact]
    public void PredictionsReproduceTheTrainingClassesOfAFullTree()
    {
        var (names, x, labels) = SelectionReference.Load("iris.csv");
        int[] y = SelectionReference.Codes(labels, out int classCount);
        var tree = EntropyDecisionTree.Fit(x, names.Length, y, classCount);
        var probabilities = new double[classCount];
        for (int r = 0; r < y.Length; r++)
        {
            var row = x.AsSpan(r * names.Length, names.Length);
            tree.PredictProbabilities(row, probabilities);
            Assert.Equal(1.0, probabilities.Sum(), 1e-15);
            // Iris has two identical rows with different species, so a full tree is not perfect everywhere.
            Assert.True(tree.Predict(row) == y[r] || probabilities[y[r]] == 0.5, $"row {r}");
        }
    }

    [Fact]
    public void DepthAndLeafSizeLimitsHold()
    {
        Gen.Double[-5, 5].Array[60].Select(Gen.Int[0, 2].Array[30]).Sample((x, y) =>
        {
            var tree = EntropyDecisionTree.Fit(x, 2, y, 3, maxDepth: 2, minSamplesLeaf: 4);
            Assert.All(tree.Nodes, n => Assert.InRange(n.Depth, 0, 2));
            Assert.All(tree.Nodes.Where(n => n.IsLeaf), n => Assert.True(n.SampleCount >= 4));
            Assert.All(tree.Nodes.Where(n => !n.IsLeaf), n => Assert.Equal(n.SampleCount, tree.Nodes[n.Left].SampleCount + tree.Nodes[n.Right].SampleCount));
            Assert.All(tree.Nodes, n => Assert.True(n.Gain >= 0));
        });
    }

    [Fact]
    public void BadInputsNameTheParameter()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => EntropyDecisionTree.Fit([], 1, [], 1)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => EntropyDecisionTree.Fit([1, 2, 3], 2, [0], 1)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => EntropyDecisionTree.Fit([double.NaN], 1, [0], 1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => EntropyDecisionTree.Fit([1], 1, [3], 2)).ParamName);
        Assert.Equal("minSamplesLeaf", Assert.Throws<ArgumentOutOfRangeException>(() => EntropyDecisionTree.Fit([1], 1, [0], 1, minSamplesLeaf: 0)).ParamName);
        Assert.Equal("maxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => EntropyDecisionTree.Fit([1], 1, [0], 1, maxDepth: -1)).ParamName);
        var tree = EntropyDecisionTree.Fit([1, 2], 1, [0, 1], 2);
        Assert.Equal("row", Assert.Throws<ArgumentException>(() => tree.Predict([1, 2])).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentException>(() => tree.Predict([double.NaN])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => tree.PredictProbabilities([1], new double[1])).ParamName);
    }
}
