using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class ClusteringTests
{
    private static readonly EntropyAverage[] Averages =
        [EntropyAverage.Arithmetic, EntropyAverage.Geometric, EntropyAverage.Minimum, EntropyAverage.Maximum];

    private static readonly string[] SklearnMethods = ["arithmetic", "geometric", "min", "max"];

    // ---- closed forms --------------------------------------------------------------------------------

    [Fact]
    public void Identical_labellings_have_mi_equal_to_entropy_and_unit_scores()
    {
        int[] u = [0, 0, 1, 1, 2, 2, 2, 3];
        int[] renamed = [9, 9, -4, -4, 100, 100, 100, 7];
        var table = ContingencyTable.FromLabels(u, renamed);
        double h = Clustering.RowEntropy(table);
        Assert.Equal(-((2 * 0.25 * Math.Log(0.25)) + (0.375 * Math.Log(0.375)) + (0.125 * Math.Log(0.125))), h, 1e-15);
        Assert.Equal(h, Clustering.MutualInformation(table), 1e-15);
        foreach (var average in Averages)
        {
            Assert.Equal(1.0, Clustering.NormalizedMutualInformation(table, average), 1e-15);
            Assert.Equal(1.0, Clustering.AdjustedMutualInformation(table, average), 1e-14);
        }

        Assert.Equal(new VMeasureScores(1.0, 1.0, 1.0), Clustering.VMeasure(table));
    }

    /// <summary>scikit-learn's test suite: AMI of a labelling with itself is exactly 1, a single cluster included — never 1 − ε, −0.0 or NaN.</summary>
    [Theory]
    [InlineData(new[] { 0, 0, 0, 0 })]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { 0, 0, 1, 1, 2, 2, 2, 3 })]
    [InlineData(new[] { 5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9 })]
    public void Adjusted_mutual_information_of_identical_labellings_is_exactly_one(int[] labels)
    {
        int[] renamed = [.. labels.Select(l => (l * 7) - 100)];
        foreach (var average in Averages)
        {
            double ami = Clustering.AdjustedMutualInformation(labels, renamed, average);
            Assert.Equal(1.0, ami);
            Assert.False(double.IsNegative(ami));
        }
    }

    [Fact]
    public void Independent_table_has_zero_information()
    {
        // nᵢⱼ = aᵢ bⱼ / N exactly: the empirical joint is the product of its marginals.
        var table = ContingencyTable.FromCounts([2, 4, 6, 3, 6, 9], 2, 3);
        Assert.Equal(0.0, Clustering.MutualInformation(table), 1e-15);
        Assert.Equal(0.0, Clustering.NormalizedMutualInformation(table), 1e-14);
        Assert.True(Clustering.AdjustedMutualInformation(table) < 0, "no agreement is below the chance level E[I] > 0");
    }

    [Fact]
    public void Units_convert_once_from_nats()
    {
        int[] u = [0, 1, 0, 1, 1, 1];
        int[] v = [0, 1, 1, 1, 0, 1];
        double nats = Clustering.MutualInformation(u, v);
        Assert.Equal(nats / Math.Log(2), Clustering.MutualInformation(u, v, LogBase.Bits), 1e-15);
        var table = ContingencyTable.FromLabels(u, v);
        Assert.Equal(Clustering.ExpectedMutualInformation(table) / Math.Log(10), Clustering.ExpectedMutualInformation(table, LogBase.Hartleys), 1e-15);
        Assert.Equal(Math.Log2(3) - (2.0 / 3), Clustering.RowEntropy(table, LogBase.Bits), 1e-15);
        Assert.Equal(Clustering.RowEntropy(table), Clustering.ColumnEntropy(table), 1e-15);
    }

    [Fact]
    public void Single_cluster_edge_cases_follow_scikit_learn()
    {
        var both = ContingencyTable.FromLabels([1, 1, 1], [7, 7, 7]);
        Assert.Equal(1.0, Clustering.NormalizedMutualInformation(both));
        Assert.Equal(1.0, Clustering.AdjustedMutualInformation(both));
        Assert.Equal(new VMeasureScores(1.0, 1.0, 1.0), Clustering.VMeasure(both));

        var one = ContingencyTable.FromLabels([0, 0, 0, 0], [0, 1, 2, 3]);
        Assert.Equal(0.0, Clustering.MutualInformation(one));
        Assert.Equal(0.0, Clustering.NormalizedMutualInformation(one));
        Assert.Equal(0.0, Clustering.AdjustedMutualInformation(one));
        Assert.Equal(new VMeasureScores(1.0, 0.0, 0.0), Clustering.VMeasure(one));
    }

    [Theory]
    [InlineData(EntropyAverage.Arithmetic)]
    [InlineData(EntropyAverage.Geometric)]
    [InlineData(EntropyAverage.Minimum)]
    [InlineData(EntropyAverage.Maximum)]
    public void One_labelling_a_single_cluster_has_expected_information_exactly_0_and_ami_0_for_every_average(EntropyAverage average)
    {
        // Every table with a single column has I = 0, so E[I] = 0 and AMI = 0, as scikit-learn's
        // adjusted_mutual_info_score gives for these labels with every average_method. Review 5: E[I] came out as
        // 2.2e-17 from rounding, and with the geometric or minimum average (normalizer 0) the denominator was clamped to
        // −2.2e-16, so AMI was 0.1; the arithmetic and maximum averages gave −1.7e-17 and −8.4e-18.
        int[] classes = [16, 11, 1, 22, 9, 21, 23, 18, 23, 5, 20, 20, 23, 20, 4, 5, 11, 28, 29, 20, 14, 3, 3, 29, 17, 4, 29, 10, 20, 23];
        var table = ContingencyTable.FromLabels(classes, new int[classes.Length]);
        Assert.Equal(0.0, Clustering.ExpectedMutualInformation(table));
        Assert.Equal(0.0, Clustering.AdjustedMutualInformation(table, average));
        var transposed = ContingencyTable.FromLabels(new int[classes.Length], classes);
        Assert.Equal(0.0, Clustering.AdjustedMutualInformation(transposed, average));
    }

    [Fact]
    public void Expected_mutual_information_of_singletons_is_log_n()
    {
        // aᵢ = bⱼ = 1: each of the N² cells holds 1 with probability 1/N, contributing (1/N²) log N.
        int[] u = Enumerable.Range(0, 40).ToArray();
        var table = ContingencyTable.FromLabels(u, u);
        Assert.Equal(Math.Log(40), Clustering.ExpectedMutualInformation(table), 1e-14);
    }

    [Fact]
    public void Counts_beyond_int32_keep_their_information()
    {
        // The same table scaled by 10⁹ (total 2.5e10 > 2³¹): plug-in MI and entropies are scale-invariant.
        long[] small = [3, 1, 2, 4, 0, 5, 6, 2, 2];
        long[] large = small.Select(c => c * 1_000_000_000L).ToArray();
        var a = ContingencyTable.FromCounts(small, 3, 3);
        var b = ContingencyTable.FromCounts(large, 3, 3);
        Assert.Equal(25_000_000_000L, b.Total);
        Assert.Equal(Clustering.MutualInformation(a), Clustering.MutualInformation(b), 1e-14);
        Assert.Equal(Clustering.NormalizedMutualInformation(a), Clustering.NormalizedMutualInformation(b), 1e-14);
        // With N = 2.5e10 items chance agreement vanishes: E[I] ≈ (R−1)(C−1)/(2N) and AMI → NMI-like ratio.
        double emi = Clustering.ExpectedMutualInformation(b);
        Assert.InRange(emi, 0.5 * 4 / (2 * 2.5e10), 2.0 * 4 / (2 * 2.5e10));
        double mi = Clustering.MutualInformation(b);
        double h = (Clustering.RowEntropy(b) + Clustering.ColumnEntropy(b)) / 2;
        Assert.Equal((mi - emi) / (h - emi), Clustering.AdjustedMutualInformation(b), 1e-14);
    }

    [Fact]
    public void V_measure_with_beta_weights_completeness()
    {
        var table = ContingencyTable.FromLabels([0, 0, 1, 1, 2, 2], [0, 0, 0, 1, 1, 1]);
        var scores = Clustering.VMeasure(table, beta: 2.0);
        double h = scores.Homogeneity;
        double c = scores.Completeness;
        Assert.Equal(3 * h * c / ((2 * h) + c), scores.VMeasure, 1e-15);
        Assert.Equal(h, Clustering.VMeasure(table, beta: 0.0).VMeasure, 1e-15);
    }

    // ---- scikit-learn references ------------------------------------------------------------------------

    public static TheoryData<string> ReferenceNames => ClusteringReference.Names();

    [Theory]
    [MemberData(nameof(ReferenceNames))]
    public void Matches_scikit_learn(string name)
    {
        var reference = ClusteringReference.Named(name);
        var table = reference.Table();
        Assert.Equal(reference.ClustersTrue, table.Rows);
        Assert.Equal(reference.ClustersPredicted, table.Columns);
        AssertRelative(reference.Value("mutual_info"), Clustering.MutualInformation(table), 1e-12);
        AssertRelative(reference.Value("entropy_true"), Clustering.RowEntropy(table), 1e-12);
        AssertRelative(reference.Value("entropy_pred"), Clustering.ColumnEntropy(table), 1e-12);
        for (int m = 0; m < Averages.Length; m++)
        {
            AssertRelative(reference.Value("nmi", SklearnMethods[m]), Clustering.NormalizedMutualInformation(table, Averages[m]), 1e-12);
        }

        var scores = Clustering.VMeasure(table);
        AssertRelative(reference.Value("homogeneity"), scores.Homogeneity, 1e-12);
        AssertRelative(reference.Value("completeness"), scores.Completeness, 1e-12);
        AssertRelative(reference.Value("v_measure"), scores.VMeasure, 1e-12);
        AssertRelative(reference.Value("v_measure_beta_half"), Clustering.VMeasure(table, 0.5).VMeasure, 1e-12);
    }

    [Theory]
    [MemberData(nameof(ReferenceNames))]
    public void Expected_mutual_information_is_exact_and_ami_matches_scikit_learn(string name)
    {
        var reference = ClusteringReference.Named(name);
        var table = reference.Table();
        double emi = Clustering.ExpectedMutualInformation(table);
        // Against exact integer hypergeometric probabilities: 1e-12 relative.
        AssertRelative(reference.Value("emi_exact"), emi, 1e-12);
        // scikit-learn sums log-gamma values of size N ln N that cancel to O(1): its own error reaches
        // 1.3e-11 relative at N = 20000 (emi_sklearn vs emi_exact in the JSON), so it is matched to 1e-10.
        AssertRelative(reference.Value("emi_sklearn"), emi, 1e-10);
        for (int m = 0; m < Averages.Length; m++)
        {
            // AMI of independent labellings is ≈ 0 (a difference of nearly equal I and E[I]): compare absolutely,
            // scaled by the entropies that bound the numerator; the EMI difference above propagates to ~1e-11.
            double expected = reference.Value("ami", SklearnMethods[m]);
            Assert.Equal(expected, Clustering.AdjustedMutualInformation(table, Averages[m]), 1e-10);
        }
    }

    [Fact]
    public void Scikit_learn_documentation_example() =>
        Assert.Equal(0.5714285714285715, Clustering.AdjustedMutualInformation([0, 0, 1, 1], [0, 0, 1, 2]), 1e-15);

    // ---- properties --------------------------------------------------------------------------------------

    private static readonly Gen<(int[] U, int[] V)> Labellings =
        Gen.Int[1, 60].SelectMany(n => Gen.Int[0, 6].Array[n].Select(Gen.Int[0, 9].Array[n], (u, v) => (u, v)));

    [Fact]
    public void Symmetric_and_bounded() =>
        Labellings.Sample(l =>
        {
            var uv = ContingencyTable.FromLabels(l.U, l.V);
            var vu = ContingencyTable.FromLabels(l.V, l.U);
            double mi = Clustering.MutualInformation(uv);
            double nmi = Clustering.NormalizedMutualInformation(uv, EntropyAverage.Geometric);
            return Math.Abs(mi - Clustering.MutualInformation(vu)) < 1e-13
                && mi <= Math.Min(Clustering.RowEntropy(uv), Clustering.ColumnEntropy(uv)) + 1e-13
                && nmi >= 0 && nmi <= 1 + 1e-13
                && Math.Abs(nmi - Clustering.NormalizedMutualInformation(vu, EntropyAverage.Geometric)) < 1e-13
                && Math.Abs(Clustering.AdjustedMutualInformation(uv, EntropyAverage.Maximum) - Clustering.AdjustedMutualInformation(vu, EntropyAverage.Maximum)) < 1e-11
                && Clustering.ExpectedMutualInformation(uv) >= 0;
        });

    [Fact]
    public void Renaming_labels_and_reordering_items_change_nothing() =>
        Labellings.SelectMany(l => Gen.Int.Select(seed => (l.U, l.V, seed))).Sample(t =>
        {
            var random = new Random(t.seed);
            int[] rename = Enumerable.Range(0, 10).Select(x => (x * 37) - 200).OrderBy(_ => random.Next()).ToArray();
            int[] renamed = t.V.Select(v => rename[v]).ToArray();
            int[] order = Enumerable.Range(0, t.U.Length).OrderBy(_ => random.Next()).ToArray();
            int[] u2 = order.Select(i => t.U[i]).ToArray();
            int[] v2 = order.Select(i => renamed[i]).ToArray();
            var a = ContingencyTable.FromLabels(t.U, t.V);
            var b = ContingencyTable.FromLabels(u2, v2);
            return Math.Abs(Clustering.MutualInformation(a) - Clustering.MutualInformation(b)) < 1e-13
                && Math.Abs(Clustering.NormalizedMutualInformation(a) - Clustering.NormalizedMutualInformation(b)) < 1e-13
                && Math.Abs(Clustering.AdjustedMutualInformation(a) - Clustering.AdjustedMutualInformation(b)) < 1e-11;
        });

    [Fact]
    public void V_measure_with_beta_one_is_arithmetic_nmi() =>
        Labellings.Sample(l =>
        {
            var table = ContingencyTable.FromLabels(l.U, l.V);
            return Math.Abs(Clustering.VMeasure(table).VMeasure - Clustering.NormalizedMutualInformation(table)) < 1e-13;
        });

    // ---- bad input -------------------------------------------------------------------------------------------

    [Fact]
    public void Bad_arguments_name_their_parameter()
    {
        var table = ContingencyTable.FromLabels([0, 1], [0, 1]);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Clustering.VMeasure(table, -1)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Clustering.VMeasure(table, double.NaN)).ParamName);
        Assert.Equal("average", Assert.Throws<ArgumentOutOfRangeException>(() => Clustering.NormalizedMutualInformation(table, (EntropyAverage)7)).ParamName);
        Assert.Equal("average", Assert.Throws<ArgumentOutOfRangeException>(() => Clustering.AdjustedMutualInformation(table, (EntropyAverage)(-1))).ParamName);
        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => Clustering.MutualInformation(null!)).ParamName);
        var mismatch = Assert.Throws<ArgumentException>(() => Clustering.MutualInformation([0, 1, 2], [0, 1]));
        Assert.Equal("labelsPredicted", mismatch.ParamName);
        Assert.Contains("3 entries", mismatch.Message);
        Assert.Equal("labelsTrue", Assert.Throws<ArgumentException>(() => Clustering.AdjustedMutualInformation([], [])).ParamName);
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(
            Math.Abs(expected - actual) <= tolerance * Math.Abs(expected) + 1e-300,
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2} > {tolerance:E0})");
}
