using System.Runtime.InteropServices;
using CsCheck;
using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

/// <summary>
/// The temperature fit's evaluations without a pass (<see cref="TemperatureObjective{TIn}.EvaluateExpanded"/>): L, its
/// derivatives and every row's confidence at β from the raw moments a pass at β_c recorded must be what a full pass
/// at β gives, to double precision, wherever <see cref="TemperatureObjective{TIn}.WithinReach"/> accepts β.
/// </summary>
public class TemperatureExpansionTests
{
    private sealed record Comparison(bool Reached, TemperatureDerivatives Expanded, TemperatureDerivatives Pass, double[] ExpandedConfidence, double[] PassConfidence);

    /// <summary>A pass at β_c recording the raw moments, the expansion at β, and a full pass at β.</summary>
    private static Comparison Compare(double[] z, int[] y, int classes, double center, double beta)
    {
        int n = y.Length;
        var atCenter = new double[n];
        var expanded = new double[n];
        var direct = new double[n];
        var raw = new double[TemperatureObjective<double>.ExpansionOrder * n];
        var pin = GCHandle.Alloc(z, GCHandleType.Pinned);
        try
        {
            using var objective = new TemperatureObjective<double>(pin.AddrOfPinnedObject(), n, classes, y, logProbabilities: false, "logits");
            Assert.True(objective.Expands);
            var first = objective.Evaluate(center, atCenter, prepare: true, raw: raw);
            bool reached = objective.WithinReach(center, beta);
            var fromMoments = objective.EvaluateExpanded(center, first.Value, raw, beta, atCenter, expanded);
            var pass = objective.Evaluate(beta, direct);
            return new Comparison(reached, fromMoments, pass, expanded, direct);
        }
        finally
        {
            pin.Free();
        }
    }

    private static double WorstRelative(double[] got, double[] expected)
    {
        double worst = 0.0;
        for (int i = 0; i < got.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(got[i] - expected[i]) / expected[i]);
        }

        return worst;
    }

    /// <summary>Value, slope, curvature and third derivative within 10⁻¹³ of the pass's (relative to their scale: |L|, L″, L″ and |L‴| + L″).</summary>
    private static bool Agree(TemperatureDerivatives a, TemperatureDerivatives b, out string detail)
    {
        double scale = Math.Abs(b.Curvature);
        detail = $"expanded {a}, pass {b}";
        return Math.Abs(a.Value - b.Value) <= 1e-13 * Math.Abs(b.Value)
            && Math.Abs(a.Slope - b.Slope) <= 1e-13 * scale
            && Math.Abs(a.Curvature - b.Curvature) <= 1e-13 * scale
            && Math.Abs(a.Third - b.Third) <= 1e-11 * (Math.Abs(b.Third) + scale);
    }

    [Theory]
    [InlineData(32, 0.7, 1e-3)]
    [InlineData(40, 0.7, -2e-3)]
    [InlineData(70, 1.0, 4e-3)]
    [InlineData(300, 0.6, -1e-3)]
    [InlineData(1000, 0.67, 2e-3)]
    public void The_expansion_gives_what_a_full_pass_gives(int classes, double center, double relativeStep)
    {
        var (z, y) = CalibrationLargeInputTests.OverConfident(1003, classes, classes); // 1003: a scalar tail after the vectors of rows
        var c = Compare(z, y, classes, center, center * (1.0 + relativeStep));
        Assert.True(c.Reached);
        Assert.True(Agree(c.Expanded, c.Pass, out string detail), detail);
        Assert.True(WorstRelative(c.ExpandedConfidence, c.PassConfidence) <= 1e-14, $"worst {WorstRelative(c.ExpandedConfidence, c.PassConfidence)}");
    }

    [Fact]
    public void At_its_centre_the_expansion_is_the_pass()
    {
        var (z, y) = CalibrationLargeInputTests.OverConfident(501, 64, 3);
        var c = Compare(z, y, 64, 0.8, 0.8);
        Assert.True(c.Reached);
        Assert.True(Agree(c.Expanded, c.Pass, out string detail), detail);
        Assert.True(WorstRelative(c.ExpandedConfidence, c.PassConfidence) <= 1e-15);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.3)]
    [InlineData(0.05)]
    public void A_step_beyond_the_reach_is_refused(double relativeStep)
    {
        // Spread about 3·(2·3.2) + 4 ≈ 23 on 1000 classes: a step of 5 % of β = 0.7 gives |t|·w ≈ 0.8, beyond the series' reach.
        var (z, y) = CalibrationLargeInputTests.OverConfident(200, 1000, 5);
        var c = Compare(z, y, 1000, 0.7, 0.7 * (1.0 + relativeStep));
        Assert.False(c.Reached);
    }

    [Fact]
    public void Whenever_the_reach_is_accepted_the_expansion_agrees_with_a_full_pass() =>
        Gen.Select(Gen.Int[32, 200], Gen.Int[0, 1000], Gen.Double[0.2, 3.0], Gen.Double[-0.02, 0.02]).Sample((classes, seed, center, relativeStep) =>
        {
            var (z, y) = CalibrationLargeInputTests.OverConfident(97, classes, seed);
            var c = Compare(z, y, classes, center, center * (1.0 + relativeStep));
            return !c.Reached || (Agree(c.Expanded, c.Pass, out _) && WorstRelative(c.ExpandedConfidence, c.PassConfidence) <= 1e-14);
        }, iter: 60);

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void Over_every_s_th_row_the_expansion_gives_what_a_pass_over_those_rows_gives(int stride)
    {
        // The warm start's subsample: a strided pass records the raw moments of the rows it reads, in its own order.
        const int classes = 50;
        var (z, y) = CalibrationLargeInputTests.OverConfident(2001, classes, stride);
        int rows = (2001 + stride - 1) / stride;
        var raw = new double[TemperatureObjective<double>.ExpansionOrder * rows];
        var pin = GCHandle.Alloc(z, GCHandleType.Pinned);
        try
        {
            using var objective = new TemperatureObjective<double>(pin.AddrOfPinnedObject(), y.Length, classes, y, logProbabilities: false, "logits");
            objective.Evaluate(1.0, default, stride, prepare: true);
            var atCenter = objective.Evaluate(0.7, default, stride, raw: raw);
            Assert.True(objective.WithinReach(0.7, 0.7015));
            var expanded = objective.EvaluateExpanded(0.7, atCenter.Value, raw, 0.7015, stride: stride);
            var pass = objective.Evaluate(0.7015, default, stride);
            Assert.True(Agree(expanded, pass, out string detail), detail);
            Assert.Throws<InvalidOperationException>(() => objective.Evaluate(0.7, default, stride, raw: raw.AsSpan(0, raw.Length - 1)));
        }
        finally
        {
            pin.Free();
        }
    }

    [Fact]
    public void Short_rows_record_no_moments()
    {
        var (z, y) = CalibrationLargeInputTests.OverConfident(64, 10, 1);
        var pin = GCHandle.Alloc(z, GCHandleType.Pinned);
        try
        {
            using var objective = new TemperatureObjective<double>(pin.AddrOfPinnedObject(), y.Length, 10, y, logProbabilities: false, "logits");
            Assert.False(objective.Expands);
            var raw = new double[TemperatureObjective<double>.ExpansionOrder * y.Length];
            Assert.Throws<InvalidOperationException>(() => objective.Evaluate(1.0, default, prepare: true, raw: raw));
        }
        finally
        {
            pin.Free();
        }
    }

    [Fact]
    public void A_warm_started_fit_on_rows_read_one_by_one_takes_one_pass_and_lands_on_the_root()
    {
        const int classes = 40;
        // Warm-started (4·2¹⁶ rows): the first full pass is the only one; its raw moments carry the iteration to the root.
        var (z, y) = CalibrationLargeInputTests.OverConfident(4 << 16, classes, 7);
        var fit = TemperatureScaling.FromLogits(z, classes, y);
        Assert.Equal(1, fit.Passes);

        // The root is where L′ = 0 by a full pass there.
        var pin = GCHandle.Alloc(z, GCHandleType.Pinned);
        try
        {
            using var objective = new TemperatureObjective<double>(pin.AddrOfPinnedObject(), y.Length, classes, y, logProbabilities: false, "logits");
            var at = objective.Evaluate(1.0 / fit.Temperature, default, prepare: true);
            Assert.True(Math.Abs(at.Slope) <= 1e-13 * at.Curvature, $"L′(β*) = {at.Slope}, L″ = {at.Curvature}");
            Assert.Equal(at.Value, fit.NllAfter, 1e-14 * at.Value);
        }
        finally
        {
            pin.Free();
        }
    }
}
