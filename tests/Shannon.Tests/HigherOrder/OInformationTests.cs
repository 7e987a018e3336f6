using CsCheck;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.HigherOrder;
using Shannon.Measures;
using Shannon.Tests.Dynamics;

namespace Shannon.Tests.HigherOrder;

public class OInformationTests
{
    private static readonly JointDistribution Xor = new([0.25, 0, 0, 0.25, 0, 0.25, 0.25, 0], [2, 2, 2]);
    private static readonly JointDistribution Copies = new([0.5, 0, 0, 0, 0, 0, 0, 0.5], [2, 2, 2]);

    [Fact]
    public void Canonical_tables()
    {
        // Three copies of a bit: Ω = +1 bit (redundancy), Σ = 3 bits; XOR: Ω = −1 bit (synergy), Σ = 3 bits (Rosas et al. 2019, table I).
        Assert.Equal(1.0, Multivariate.OInformation(Copies, LogBase.Bits), 1e-15);
        Assert.Equal(3.0, Multivariate.SInformation(Copies, LogBase.Bits), 1e-15);
        Assert.Equal(-1.0, Multivariate.OInformation(Xor, LogBase.Bits), 1e-15);
        Assert.Equal(3.0, Multivariate.SInformation(Xor, LogBase.Bits), 1e-15);
        Assert.Equal(0.0, Multivariate.OInformation(new JointDistribution([0.4, 0.1, 0.1, 0.4], [2, 2])));
        double mi = Shannon.Measures.MutualInformation.Of(new JointDistribution([0.4, 0.1, 0.1, 0.4], [2, 2]), [0], [1]);
        Assert.Equal(2 * mi, Multivariate.SInformation(new JointDistribution([0.4, 0.1, 0.1, 0.4], [2, 2])), 1e-15);
        Assert.Equal(0.0, Multivariate.SInformation(new JointDistribution([0.3, 0.7], [2])));
    }

    [Fact]
    public void Tables_match_the_numpy_definition()
    {
        foreach (var c in DynamicsReference.Object("o_information_tables").EnumerateArray())
        {
            var joint = new JointDistribution(c.Doubles("p"), c.Ints("shape"));
            Assert.Equal(c.GetProperty("o_information").GetDouble(), Multivariate.OInformation(joint), 1e-12);
            Assert.Equal(c.GetProperty("s_information").GetDouble(), Multivariate.SInformation(joint), 1e-12);
        }
    }

    [Fact]
    public void Table_forms_are_tc_minus_and_plus_dtc()
    {
        Gen.Int[2, 4].SelectMany(n => Gen.Double[0.01, 1].Array[1 << n].Select(p => (n, p))).Sample(s =>
        {
            double total = s.p.Sum();
            var joint = new JointDistribution([.. s.p.Select(v => v / total)], [.. Enumerable.Repeat(2, s.n)]);
            double tc = Multivariate.TotalCorrelation(joint), dtc = Multivariate.DualTotalCorrelation(joint);
            Assert.Equal(tc - dtc, Multivariate.OInformation(joint), 1e-12);
            Assert.Equal(tc + dtc, Multivariate.SInformation(joint), 1e-12);
        });
    }

    [Fact]
    public void Gaussian_covariance_closed_form()
    {
        // Equicorrelated ρ among three unit-variance coordinates: det Σ = (1 − ρ)²(1 + 2ρ), det Σ₋ᵢ = 1 − ρ², so
        // Ω = ½ [ln det Σ − 3 ln(1 − ρ²)] and Σ = (3/2) [ln(1 − ρ²) − ln det Σ].
        double rho = 0.5;
        double[] covariance = [1, rho, rho, rho, 1, rho, rho, rho, 1];
        double det = (1 - rho) * (1 - rho) * (1 + (2 * rho));
        Assert.Equal(0.5 * (Math.Log(det) - (3 * Math.Log(1 - (rho * rho)))), OInformation.OfCovariance(covariance, 3), 1e-14);
        Assert.Equal(1.5 * (Math.Log(1 - (rho * rho)) - Math.Log(det)), SInformation.OfCovariance(covariance, 3), 1e-14);
        Assert.True(OInformation.OfCovariance(covariance, 3) > 0); // shared driver: redundancy-dominated
    }

    [Fact]
    public void Gaussian_estimate_equals_the_closed_form_of_the_sample_covariance_and_ksg_converges()
    {
        // X₃ = X₁ + X₂ + noise: a synergistic Gaussian (Ω < 0). The Gaussian estimator's Ω is the covariance formula on
        // numpy-style unbiased sample covariance exactly; KSG (k = 4, n = 20 000) agrees within 0.03 nats.
        var random = new Random(21);
        int n = 20_000;
        var rows = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            double a = Processes.Normal(random), b = Processes.Normal(random);
            rows[3 * i] = a;
            rows[(3 * i) + 1] = b;
            rows[(3 * i) + 2] = a + b + (0.5 * Processes.Normal(random));
        }

        Variable[] variables = [.. Enumerable.Range(0, 3).Select(j => Variable.Continuous($"x{j}", [.. Enumerable.Range(0, n).Select(i => rows[(3 * i) + j])]))];
        double[] sampleCovariance = Gaussian.Covariance(rows, 3);
        double expected = OInformation.OfCovariance(sampleCovariance, 3);
        Assert.True(expected < -0.3, $"Ω = {expected}");
        Assert.Equal(expected, OInformation.Estimate(new Gaussian(), variables).Value, 1e-10);
        Assert.Equal(SInformation.OfCovariance(sampleCovariance, 3), SInformation.Estimate(new Gaussian(), variables).Value, 1e-10);
        Assert.Equal(expected, OInformation.Estimate(new Ksg(4), variables).Value, 0.03);
    }

    [Fact]
    public void Plug_in_estimate_equals_the_table_form_of_the_empirical_distribution()
    {
        Gen.Int[10, 200].SelectMany(n => Gen.Int[0, 1].Array[n * 3].Select(v => (n, v))).Sample(s =>
        {
            var counts = new long[8];
            for (int i = 0; i < s.n; i++)
            {
                counts[(s.v[3 * i] * 4) + (s.v[(3 * i) + 1] * 2) + s.v[(3 * i) + 2]]++;
            }

            var joint = JointDistribution.FromCounts(counts, [2, 2, 2]);
            Variable[] variables = [.. Enumerable.Range(0, 3).Select(j => Variable.Discrete<int>($"x{j}", [.. Enumerable.Range(0, s.n).Select(i => s.v[(3 * i) + j])]))];
            Assert.Equal(Multivariate.OInformation(joint), OInformation.Estimate(new PlugIn(), variables).Value, 1e-12);
            Assert.Equal(Multivariate.SInformation(joint), SInformation.Estimate(new PlugIn(), variables).Value, 1e-12);
        });
    }

    [Fact]
    public void Discrete_estimates_on_too_sparse_a_joint_table_say_so()
    {
        // 30 rows for 6 × 6 × 4 = 144 cells of the three variables' joint table: the rule of mi's estimates.
        var random = new Random(3);
        Variable[] sparse = [.. new[] { 6, 6, 4 }.Select((m, i) => Variable.Discrete<int>($"v{i}", [.. Enumerable.Range(0, 30).Select(t => t % m)]))];
        Assert.StartsWith("too sparse: n = 30 rows for 6 × 6 × 4 = 144 cells", OInformation.Estimate(new Automatic(), sparse).IntervalWithheld, StringComparison.Ordinal);
        Assert.Equal(OInformation.Estimate(new Automatic(), sparse).IntervalWithheld, SInformation.Estimate(new Grassberger(), sparse).IntervalWithheld);
        Variable[] dense = [.. Enumerable.Range(0, 3).Select(i => Variable.Discrete<int>($"d{i}", [.. Enumerable.Range(0, 200).Select(_ => random.Next(2))]))];
        Assert.Null(OInformation.Estimate(new Automatic(), dense).IntervalWithheld);
        Variable[] continuous = [.. Enumerable.Range(0, 3).Select(i => Variable.Continuous($"c{i}", [.. Enumerable.Range(0, 30).Select(_ => random.NextDouble())]))];
        Assert.Null(SInformation.Estimate(new Gaussian(), continuous).IntervalWithheld);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => OInformation.Estimate(new Gaussian(), [Variable.Continuous("a", [1.0, 2, 3])])).ParamName);
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => SInformation.Estimate(new Gaussian(), [Variable.Continuous("a", [1.0, 2, 3]), Variable.Continuous("b", [1.0, 2])])).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => OInformation.OfCovariance([1.0, 0.5, 0.4, 1], 2)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => OInformation.OfCovariance([1.0, 2, 2, 1], 2)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => SInformation.OfCovariance([1.0, 0, 0], 2)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => SInformation.OfCovariance([1.0], 1)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Multivariate.OInformation(null!));
    }
}
