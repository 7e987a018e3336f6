using Shannon.Estimators.Continuous;

namespace Shannon.Tests.Estimators.Continuous;

public class SpacingTests
{
    private static readonly Dictionary<string, SpacingMethod> Methods = new()
    {
        ["vasicek"] = SpacingMethod.Vasicek,
        ["van es"] = SpacingMethod.VanEs,
        ["ebrahimi"] = SpacingMethod.Ebrahimi,
        ["correa"] = SpacingMethod.Correa,
        ["auto"] = SpacingMethod.Auto,
    };

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, EstimatorsReference.Cases("differential_entropy").Count())];

    // scipy.stats.differential_entropy, every method, default window and windows 1, 3, 5: same formulas, 1e-12 relative.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scipy_differential_entropy(int index)
    {
        var c = EstimatorsReference.Cases("differential_entropy").ElementAt(index);
        double[] x = c.Doubles("x");
        foreach (var method in c.GetProperty("values").EnumerateObject())
        {
            double expected = method.Value.GetDouble();
            Assert.Equal(expected, new Spacing(Methods[method.Name]).DifferentialEntropy(x).Value, Math.Abs(expected) * 1e-12);
        }

        foreach (var window in c.GetProperty("windows").EnumerateObject())
        {
            foreach (var method in window.Value.EnumerateObject())
            {
                double expected = method.Value.GetDouble();
                double actual = new Spacing(Methods[method.Name], int.Parse(window.Name)).DifferentialEntropy(x).Value;
                Assert.Equal(expected, actual, Math.Abs(expected) * 1e-12);
            }
        }
    }

    [Fact]
    public void Uniform_on_0_2_has_entropy_ln_2()
    {
        // n = 10⁴ seeded uniform(0, 2): h = ln 2. Vasicek's downward bias at m = 100 is about
        // ln(2m) − ψ(2m + 1)… ≈ 0.0025 plus sampling sd ≈ 0.003; 0.02 covers it.
        var random = new Random(4);
        double[] x = Enumerable.Range(0, 10_000).Select(_ => 2 * random.NextDouble()).ToArray();
        Assert.Equal(Math.Log(2), new Spacing().DifferentialEntropy(x).Value, 0.02);
    }

    [Fact]
    public void Bad_window_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Spacing(WindowLength: 3).DifferentialEntropy([1.0, 2, 3, 4, 5, 6]));
        Assert.Equal("WindowLength", ex.ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Spacing().DifferentialEntropy([1.0, double.NaN, 3, 4, 5, 6])).ParamName);
    }
}
