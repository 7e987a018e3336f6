using Shannon.Measures;

namespace Shannon.Tests.Measures;

/// <summary>Entropy, cross-entropy, KL and Jensen–Shannon against scipy and 50-digit values (References/measures_reference.py).</summary>
public class MeasuresReferenceTests
{
    /// <summary>Relative agreement required: both sides are double computations of well-conditioned sums.</summary>
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Cases() => MeasuresReference.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_scipy_in_every_base(string name)
    {
        var c = MeasuresReference.Named(name);
        int compared = 0;
        foreach (var basis in c.Scipy.EnumerateObject())
        {
            var logBase = basis.Name == "e" ? LogBase.Nats : LogBase.Of(double.Parse(basis.Name, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (measure, expected) in MeasuresReference.Present(basis.Value))
            {
                AssertClose(expected, Compute(measure, c.P, c.Q, logBase), $"{name} {measure} base {basis.Name}");
                compared++;
            }
        }

        Assert.True(compared >= 4 * 2, $"{name}: only {compared} scipy values compared.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_fifty_digit_values(string name)
    {
        var c = MeasuresReference.Named(name);
        foreach (var (measure, expected) in MeasuresReference.Present(c.Exact))
        {
            AssertClose(expected, Compute(measure, c.P, c.Q, LogBase.Nats), $"{name} {measure} exact");
        }
    }

    private static double Compute(string measure, double[] p, double[] q, LogBase logBase) => measure switch
    {
        "entropy" => Entropy.Of(p, logBase),
        "cross_entropy" => CrossEntropy.Of(p, q, logBase),
        "kl" => Divergence.KullbackLeibler(p, q, logBase),
        "js" => Divergence.JensenShannon(p, q, logBase),
        "js_distance" => Divergence.JensenShannonDistance(p, q, logBase),
        _ => throw new ArgumentException($"unknown measure {measure}"),
    };

    private static void AssertClose(double expected, double actual, string what)
    {
        if (double.IsInfinity(expected) || expected == 0.0)
        {
            Assert.True(actual == expected, $"{what}: expected {expected:R}, got {actual:R}");
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R} (relative {Math.Abs(actual - expected) / Math.Abs(expected):E2})");
    }
}
