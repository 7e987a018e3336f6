using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Estimators.Discrete;

/// <summary>Every discrete estimator against the R-package-entropy formulas written out in estimators_reference.py.</summary>
public class REntropyReferenceTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        int count = EstimatorsReference.Cases("discrete").Count();
        foreach (string name in Estimators.Keys)
        {
            for (int i = 0; i < count; i++)
            {
                data.Add(i, name);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, DiscreteEntropyEstimator> Estimators = new()
    {
        ["plugin"] = new PlugIn(),
        ["miller_madow"] = new MillerMadow(),
        ["chao_shen"] = new ChaoShen(),
        ["james_stein"] = new JamesStein(),
        ["grassberger"] = new Grassberger(),
        ["jackknife"] = new Jackknife(),
        ["jeffreys"] = new Dirichlet(DirichletPrior.Jeffreys),
        ["laplace"] = new Dirichlet(DirichletPrior.Laplace),
        ["perks"] = new Dirichlet(DirichletPrior.Perks),
        ["minimax"] = new Dirichlet(DirichletPrior.Minimax),
    };

    // Same formulas, different summation order: 1e-12 relative.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_formula(int index, string name)
    {
        var c = EstimatorsReference.Cases("discrete").ElementAt(index);
        long[] counts = c.Ints("counts").Select(v => (long)v).ToArray();
        double expected = c.GetProperty("values").GetProperty(name).GetDouble();
        Assert.Equal(expected, Estimators[name].Entropy(counts).RawValue, Math.Abs(expected) * 1e-12);
    }

    [Fact]
    public void Nsb_lies_between_plug_in_and_log_m_on_undersampled_data()
    {
        long[] counts = [3, 1, 0, 0, 1, 0, 2, 0, 0, 1, 0, 0, 0, 1, 0, 0];
        double nsb = new Nsb().Entropy(counts).Value;
        Assert.InRange(nsb, new PlugIn().Entropy(counts).Value, Math.Log(counts.Length));
    }

    [Fact]
    public void Nsb_approaches_plug_in_when_well_sampled()
    {
        // 10⁵ samples on 4 outcomes: the posterior is concentrated; NSB and plug-in differ by O(m/N).
        long[] counts = [40_000, 30_000, 20_000, 10_000];
        Assert.Equal(new PlugIn().Entropy(counts).Value, new Nsb().Entropy(counts).Value, 1e-4);
    }

    [Fact]
    public void Nsb_of_one_outcome_is_zero() => Assert.Equal(0.0, new Nsb().Entropy([5L]).Value);
}
