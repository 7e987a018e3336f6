using System.Runtime.InteropServices;
using CsCheck;
using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

/// <summary>
/// The temperature fit's last step without a pass (<see cref="CalibrationEngine.TaylorFinish"/>): the NLL and every
/// row's confidence at β + δ from the pass at β must be what a full pass at β + δ gives, to double precision.
/// </summary>
public class TaylorFinishTests
{
    /// <summary>A pass at β recording the moments, the finish to β + δ, and a full pass at β + δ.</summary>
    private static (bool Taken, double FinishValue, double PassValue, double[] Finish, double[] Pass) Compare(double[] z, int[] y, int classes, double beta, double delta)
    {
        int n = y.Length;
        var confidence = new double[n];
        var direct = new double[n];
        var meanAt = new double[n];
        var secondAt = new double[n];
        var pin = GCHandle.Alloc(z, GCHandleType.Pinned);
        try
        {
            var objective = new TemperatureObjective<double>(pin.AddrOfPinnedObject(), n, classes, y, logProbabilities: false, "logits");
            objective.Evaluate(beta, confidence, prepare: true);
            var at = objective.Evaluate(beta, confidence, meanAt: meanAt, secondAt: secondAt);
            bool taken = CalibrationEngine.TaylorFinish(beta, delta, at, objective.Spread, confidence, meanAt, secondAt, out var finished);
            var exact = objective.Evaluate(beta + delta, direct);
            return (taken, finished.Value, exact.Value, confidence, direct);
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

    [Theory]
    [InlineData(3, 1e-9)]
    [InlineData(10, -3e-9)]
    [InlineData(40, 2e-8)]
    [InlineData(70, -1e-8)]
    public void The_finish_gives_what_a_full_pass_gives(int classes, double relativeStep)
    {
        var (z, y) = CalibrationLargeInputTests.OverConfident(3001, classes, classes);
        double beta = 0.7;
        var (taken, finishValue, passValue, finish, pass) = Compare(z, y, classes, beta, relativeStep * beta);
        Assert.True(taken);
        Assert.Equal(passValue, finishValue, 1e-14 * passValue);
        Assert.True(WorstRelative(finish, pass) <= 1e-14, $"worst {WorstRelative(finish, pass)}");
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(-1e-4)]
    public void A_step_too_long_for_the_bounds_is_refused_and_writes_nothing(double relativeStep)
    {
        var (z, y) = CalibrationLargeInputTests.OverConfident(500, 10, 1);
        int n = y.Length;
        var (taken, _, _, finish, _) = Compare(z, y, 10, 0.7, relativeStep * 0.7);
        Assert.False(taken);
        var (_, _, _, atBeta, _) = Compare(z, y, 10, 0.7, 0.0);
        Assert.Equal(atBeta.Length, n);
        Assert.Equal(atBeta, finish); // the confidences of the pass at β, untouched
    }

    [Fact]
    public void Whenever_the_finish_is_taken_it_agrees_with_a_full_pass() =>
        Gen.Select(Gen.Int[2, 80], Gen.Int[0, 1000], Gen.Double[0.2, 3.0], Gen.Double[-1e-7, 1e-7]).Sample((classes, seed, beta, relativeStep) =>
        {
            var (z, y) = CalibrationLargeInputTests.OverConfident(200, classes, seed);
            var (taken, finishValue, passValue, finish, pass) = Compare(z, y, classes, beta, relativeStep * beta);
            return !taken || (Math.Abs(finishValue - passValue) <= 1e-14 * passValue && WorstRelative(finish, pass) <= 1e-14);
        }, iter: 60);
}
