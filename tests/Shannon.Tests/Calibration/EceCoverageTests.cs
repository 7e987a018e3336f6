using Shannon.Calibration;
using Shannon.Estimators.Uncertainty;
using Shannon.Numerics;

namespace Shannon.Tests.Calibration;

/// <summary>
/// An interval is a claim: the 95 % interval of <c>calibration --ci</c> must cover the true top-label ECE, at 0 (a
/// perfectly calibrated model, where the plug-in ECE is always above the truth) and away from it, in at least 90 % of
/// 200 seeded samples (the floor leaves room for the Monte Carlo error of 200 trials). The long run with more models and
/// sizes is bench/simulations/EceCoverage.cs; its figures are in README.md (Calibration).
/// </summary>
public class EceCoverageTests
{
    private const int Trials = 200;
    private const double Floor = 0.90;

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void The_ece_interval_covers_the_true_ece(int model)
    {
        var simulation = EceCoverageSimulation.All[model];
        double truth = simulation.TrueEce();
        var (coverage, _, holds) = simulation.Coverage(truth, n: 500, Trials);
        Assert.True(holds, "every interval contains its ECE");
        Assert.True(coverage >= Floor, $"{simulation.Name}: the 95 % interval covered ECE = {truth:F4} in {coverage:P1} of {Trials} samples of 500 rows");
    }

    [Fact]
    public void The_true_ece_of_a_calibrated_model_is_zero_and_of_an_over_confident_one_positive()
    {
        Assert.Equal(0.0, EceCoverageSimulation.All[0].TrueEce());
        Assert.InRange(EceCoverageSimulation.All[4].TrueEce(), 0.1, 0.25);
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void The_critical_value_runs_from_the_two_sided_to_the_one_sided_quantile(double level)
    {
        Assert.Equal(IncompleteGamma.NormalQuantile((1 + level) / 2), BiasAwareInterval.CriticalValue(0.0, level), 1e-9);
        Assert.Equal(IncompleteGamma.NormalQuantile(level), BiasAwareInterval.CriticalValue(double.PositiveInfinity, level), 1e-12);
        double previous = double.PositiveInfinity;
        foreach (double t in new[] { 0.0, 0.1, 0.5, 1.0, 2.0, 5.0, 40.0 })
        {
            double k = BiasAwareInterval.CriticalValue(t, level);
            Assert.Equal(level, IncompleteGamma.NormalCdf(k + t) - IncompleteGamma.NormalCdf(-k), 1e-9);
            Assert.True(k <= previous, $"k falls as t = β/se grows: k({t}) = {k} after {previous}");
            previous = k;
        }
    }

    [Fact]
    public void The_interval_is_widened_below_by_the_bias_bound_and_holds_its_estimate()
    {
        var ci = BiasAwareInterval.Of(0.05, 0.01, 0.02, 0.95, 0.0, nonNegative: true);
        double k = BiasAwareInterval.CriticalValue(2.0, 0.95);
        Assert.Equal(0.05 - 0.02 - (k * 0.01), ci.Low, 1e-15);
        Assert.Equal(0.05 + (k * 0.01), ci.High, 1e-15);
        Assert.Equal(0.0, BiasAwareInterval.Of(0.01, 0.01, 0.02, 0.95, 0.0, nonNegative: true).Low);
        Assert.Equal(0.01 - 0.02 - (k * 0.01), BiasAwareInterval.Of(0.01, 0.01, 0.02, 0.95, 0.0, nonNegative: false).Low, 1e-15);
        var exact = BiasAwareInterval.Of(0.05, 0.0, 0.02, 0.95, 0.0, nonNegative: true);
        Assert.Equal(0.03, exact.Low, 1e-15);
        Assert.Equal(0.05, exact.High);
    }

    [Fact]
    public void A_perfectly_calibrated_report_has_an_interval_reaching_zero()
    {
        var (p, labels) = EceCoverageSimulation.All[2].Sample(1000, seed: 3);
        var report = CalibrationReport.FromProbabilities(p, 10, labels, new CalibrationOptions { IntervalReplicates = 200 });
        var ci = report.EceInterval!.Value;
        Assert.True(report.Ece > 0.02, $"the plug-in ECE of a calibrated model is still above 0: {report.Ece}");
        Assert.Equal(0.0, ci.Low);
        Assert.InRange(report.Ece, ci.Low, ci.High);
    }
}
