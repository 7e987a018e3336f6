using CsCheck;
using Shannon.Decomposition;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Measures;
using Shannon.Tests.Dynamics;

namespace Shannon.Tests.Decomposition;

public class PartialInformationTests
{
    /// <summary>p(s₁, s₂, t) of a gate t = f(s₁, s₂) with uniform independent inputs.</summary>
    private static JointDistribution Gate(Func<int, int, int> f, int targets = 2)
    {
        var p = new double[2 * 2 * targets];
        for (int a = 0; a < 2; a++)
        {
            for (int b = 0; b < 2; b++)
            {
                p[(((a * 2) + b) * targets) + f(a, b)] += 0.25;
            }
        }

        return new JointDistribution(p, [2, 2, targets]);
    }

    [Theory]
    [InlineData("xor", 0, 0, 0, 1)]
    [InlineData("and", 0.31127812445913283, 0, 0, 0.5)]
    [InlineData("unq", 0, 1, 0, 0)]
    public void Canonical_gates_under_imin(string gate, double redundancy, double unique1, double unique2, double synergy)
    {
        var joint = gate switch
        {
            "xor" => Gate((a, b) => a ^ b),
            "and" => Gate((a, b) => a & b),
            _ => Gate((a, _) => a),
        };
        var atoms = PartialInformation.Of(joint, RedundancyMeasure.Imin, LogBase.Bits);
        Assert.Equal(redundancy, atoms.Redundancy, 1e-12);
        Assert.Equal(unique1, atoms.Unique1, 1e-12);
        Assert.Equal(unique2, atoms.Unique2, 1e-12);
        Assert.Equal(synergy, atoms.Synergy, 1e-12);
        Assert.Equal(LogBase.Bits, atoms.Unit);
    }

    [Fact]
    public void Rdn_is_one_bit_of_redundancy_and_copy_splits_into_unique_informations()
    {
        // RDN: S₁ = S₂ = T a uniform bit. COPY: T = (S₁, S₂) with 4 outcomes: I(T = t ; Sᵢ) = 1 bit for every t, so I_min
        // gives R = 1 bit, no unique information and 1 bit of synergy (the known objection to I_min, Harder, Salge &
        // Polani 2013, doi:10.1103/PhysRevE.87.012130); MMI gives the same R.
        var rdn = PartialInformation.Of(new JointDistribution([0.5, 0, 0, 0, 0, 0, 0, 0.5], [2, 2, 2]), logBase: LogBase.Bits);
        Assert.Equal((1.0, 0.0, 0.0, 0.0), (rdn.Redundancy, rdn.Unique1, rdn.Unique2, rdn.Synergy));
        var copy = PartialInformation.Of(Gate((a, b) => (2 * a) + b, targets: 4), logBase: LogBase.Bits);
        Assert.Equal(1.0, copy.Redundancy, 1e-12);
        Assert.Equal(0.0, copy.Unique1, 1e-12);
        Assert.Equal(1.0, copy.Synergy, 1e-12);
        Assert.Equal(2.0, copy.MutualInformation, 1e-12);
        var mmi = PartialInformation.Of(Gate((a, b) => (2 * a) + b, targets: 4), RedundancyMeasure.Mmi, LogBase.Bits);
        Assert.Equal(RedundancyMeasure.Mmi, mmi.Measure);
        Assert.Equal(1.0, mmi.Redundancy, 1e-12);
    }

    [Fact]
    public void Imin_matches_the_numpy_definition()
    {
        foreach (var c in DynamicsReference.Object("imin_tables").EnumerateArray())
        {
            var atoms = PartialInformation.Of(new JointDistribution(c.Doubles("p"), c.Ints("shape")));
            Assert.Equal(c.GetProperty("redundancy").GetDouble(), atoms.Redundancy, 1e-12);
            Assert.Equal(c.GetProperty("unique_1").GetDouble(), atoms.Unique1, 1e-12);
            Assert.Equal(c.GetProperty("unique_2").GetDouble(), atoms.Unique2, 1e-12);
            Assert.Equal(c.GetProperty("synergy").GetDouble(), atoms.Synergy, 1e-12);
            Assert.Equal(c.GetProperty("mutual_information").GetDouble(), atoms.MutualInformation, 1e-12);
        }
    }

    [Fact]
    public void Lattice_identities_hold_and_imin_atoms_are_non_negative()
    {
        Gen.Int[2, 3].SelectMany(a => Gen.Int[2, 3].SelectMany(b => Gen.Int[2, 4].SelectMany(t => Gen.Double[0, 1].Array[a * b * t].Select(p => (a, b, t, p))))).Sample(s =>
        {
            double total = s.p.Sum();
            if (total <= 0)
            {
                return;
            }

            var joint = new JointDistribution([.. s.p.Select(v => v / total)], [s.a, s.b, s.t]);
            double i1 = Shannon.Measures.MutualInformation.Of(joint, [0], [2]), i2 = Shannon.Measures.MutualInformation.Of(joint, [1], [2]), i12 = Shannon.Measures.MutualInformation.Of(joint, [0, 1], [2]);
            foreach (var measure in new[] { RedundancyMeasure.Imin, RedundancyMeasure.Mmi })
            {
                var atoms = PartialInformation.Of(joint, measure);
                Assert.Equal(i1, atoms.Redundancy + atoms.Unique1, 1e-14);
                Assert.Equal(i2, atoms.Redundancy + atoms.Unique2, 1e-14);
                Assert.Equal(i12, atoms.Redundancy + atoms.Unique1 + atoms.Unique2 + atoms.Synergy, 1e-14);
                Assert.True(atoms.Redundancy >= -1e-14 && atoms.Unique1 >= -1e-14 && atoms.Unique2 >= -1e-14, $"{measure}: {atoms}");
                if (measure == RedundancyMeasure.Imin)
                {
                    Assert.True(atoms.Synergy >= -1e-14, $"I_min synergy {atoms.Synergy}");
                }
            }
        });
    }

    [Fact]
    public void Gaussian_mmi_from_covariance_and_from_samples()
    {
        // T = S₁ + S₂ + noise with independent unit sources and noise variance σ²: I(Sᵢ;T) = ½ ln((2 + σ²)/(1 + σ²)),
        // I(S₁,S₂;T) = ½ ln((2 + σ²)/σ²); MMI: R = I(S₁;T), U = 0.
        double noise = 0.5;
        double[] covariance = [1, 0, 1, 0, 1, 1, 1, 1, 2 + noise];
        var atoms = PartialInformation.OfCovariance(covariance, 1, 1);
        double single = 0.5 * Math.Log((2 + noise) / (1 + noise));
        Assert.Equal(single, atoms.Redundancy, 1e-14);
        Assert.Equal(0.0, atoms.Unique1, 1e-14);
        Assert.Equal(0.5 * Math.Log((2 + noise) / noise), atoms.MutualInformation, 1e-14);
        Assert.Equal(atoms.MutualInformation - single, atoms.Synergy, 1e-14);

        var random = new Random(31);
        int n = 50_000;
        double[] a = [.. Enumerable.Range(0, n).Select(_ => Processes.Normal(random))];
        double[] b = [.. Enumerable.Range(0, n).Select(_ => Processes.Normal(random))];
        double[] t = [.. Enumerable.Range(0, n).Select(i => a[i] + b[i] + (Math.Sqrt(noise) * Processes.Normal(random)))];
        var estimated = PartialInformation.Estimate(new Gaussian(), Variable.Continuous("a", a), Variable.Continuous("b", b), Variable.Continuous("t", t));
        Assert.Equal(atoms.Redundancy, estimated.Redundancy, 0.01); // sd of each Gaussian MI at n = 5·10⁴ is about 0.005 nats
        Assert.Equal(atoms.Synergy, estimated.Synergy, 0.02);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => PartialInformation.Of(new JointDistribution([0.25, 0.25, 0.25, 0.25], [2, 2]))).ParamName);
        Assert.Equal("measure", Assert.Throws<ArgumentOutOfRangeException>(() => PartialInformation.Of(Gate((x, y) => x ^ y), (RedundancyMeasure)7)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => PartialInformation.OfCovariance([1.0, 0, 0, 1], 1, 1)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => PartialInformation.OfCovariance([1.0, 1, 1, 1, 1, 1, 1, 1, 1], 1, 1)).ParamName);
        Assert.Equal("source2Dimension", Assert.Throws<ArgumentOutOfRangeException>(() => PartialInformation.OfCovariance([1.0], 1, 0, 0)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => PartialInformation.Estimate(new Gaussian(), Variable.Continuous("a", [1.0, 2, 3]), Variable.Continuous("b", [3.0, 1, 2]), Variable.Continuous("t", [1.0, 2]))).ParamName);
    }
}
