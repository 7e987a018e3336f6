using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Dynamics;

public class ActiveInformationStorageTests
{
    [Fact]
    public void Gaussian_ais_of_an_ar1_process_is_minus_half_log_one_minus_phi_squared()
    {
        // AR(1) Y_t = φ Y_{t−1} + η: corr(Y_t, Y_{t−1}) = φ, so AIS(1) = −½ ln(1 − φ²); a longer history adds nothing.
        // n = 10⁵: sd about 0.003 nats; tolerance 0.01.
        var (_, y) = Processes.Var1(100_000, 0, 0.8, 0, seed: 11);
        double expected = -0.5 * Math.Log(1 - 0.64);
        var series = Variable.Continuous("y", y);
        Assert.Equal(expected, ActiveInformationStorage.Of(new Gaussian(), series).Value, 0.01);
        Assert.Equal(expected, ActiveInformationStorage.Of(new Gaussian(), series, new TransferEntropyOptions { TargetHistory = 3 }).Value, 0.01);
        Assert.Equal(expected, ActiveInformationStorage.Of(new Ksg(4), series).Value, 0.02);
    }

    [Fact]
    public void Plug_in_ais_matches_the_numpy_definition()
    {
        var reference = DynamicsReference.Object("plugin_ais");
        var y = Variable.Discrete<int>("y", reference.Ints("y"));
        foreach (var c in reference.GetProperty("cases").EnumerateArray())
        {
            var options = new TransferEntropyOptions { TargetHistory = c.GetProperty("k").GetInt32(), Trials = TransferEntropyTests.TrialsOf(c.Ints("trials")) };
            var ais = ActiveInformationStorage.Of(new PlugIn(), y, options);
            Assert.Equal(c.GetProperty("ais").GetDouble(), ais.RawValue, 1e-12);
            Assert.Equal(c.GetProperty("n").GetInt32(), ais.N);
        }
    }

    [Fact]
    public void Local_ais_averages_to_the_estimate()
    {
        var (_, y) = Processes.Var1(3_000, 0, 0.8, 0, seed: 12);
        var series = Variable.Continuous("y", y);
        foreach (IMutualInformationEstimator estimator in new IMutualInformationEstimator[] { new Gaussian(), new Ksg(4), new Ksg(4, 2), new Automatic() })
        {
            Assert.Equal(ActiveInformationStorage.Of(estimator, series).RawValue, ActiveInformationStorage.Local(estimator, series).Mean, 1e-10);
        }

        var labels = Variable.Discrete<int>("y", DynamicsReference.Object("plugin_ais").Ints("y"));
        var options = new TransferEntropyOptions { TargetHistory = 2 };
        Assert.Equal(ActiveInformationStorage.Of(new PlugIn(), labels, options).RawValue, ActiveInformationStorage.Local(new PlugIn(), labels, options).Mean, 1e-12);
        Assert.Equal(ActiveInformationStorage.Local(new PlugIn(), labels, options).Values, ActiveInformationStorage.Local(new Automatic(), labels, options).Values);
    }

    [Fact]
    public void Period_two_series_stores_one_bit()
    {
        // 0,1,0,1,…: the past determines the next value, which is a fair bit: AIS = H = 1 bit exactly.
        int[] y = [.. Enumerable.Range(0, 101).Select(t => t % 2)];
        Assert.Equal(1.0, ActiveInformationStorage.Of(new PlugIn(), Variable.Discrete<int>("y", y), logBase: LogBase.Bits).Value, 1e-12);
    }

    [Fact]
    public void A_discrete_ais_on_too_sparse_a_table_says_so()
    {
        // 28 samples of y[t] × y[t-1..t-2]: 6 values × 11 observed pairs = 66 cells, fewer than 2 per cell.
        var y = Variable.Discrete<int>("y", [.. Enumerable.Range(0, 30).Select(t => t / 5 % 6)]);
        var ais = ActiveInformationStorage.Of(new Automatic(), y, new TransferEntropyOptions { TargetHistory = 2 });
        Assert.StartsWith("too sparse: n = 28 rows for 6 × 11 = 66 cells", ais.IntervalWithheld, StringComparison.Ordinal);
        var period = Variable.Discrete<int>("p", [.. Enumerable.Range(0, 101).Select(t => t % 2)]);
        Assert.Null(ActiveInformationStorage.Of(new Automatic(), period).IntervalWithheld);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        var y = Variable.Continuous("y", [1.0, 3, 2, 5, 4]);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => ActiveInformationStorage.Of(new Gaussian(), y, new TransferEntropyOptions { TargetHistory = 4 })).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => ActiveInformationStorage.Of(new Gaussian(), Variable.Continuous("c", [2.0, 2, 2, 2]))).ParamName);
        var neighbours = Assert.Throws<ArgumentException>(() => ActiveInformationStorage.Of(new Ksg(4), y));
        Assert.Equal("series", neighbours.ParamName);
        Assert.StartsWith("AIS(y) with history k = 1: the 4 embedded samples do not suffice for the ksg1 estimator: 4 samples are too few: k = 4 neighbours need at least 5. Use a longer series, a shorter history, or another estimator.", neighbours.Message, StringComparison.Ordinal);
        var covariance = Assert.Throws<ArgumentException>(() => ActiveInformationStorage.Of(new Gaussian(), y, new TransferEntropyOptions { TargetHistory = 3 }));
        Assert.StartsWith("AIS(y) with history k = 3: the 2 embedded samples do not suffice for the gaussian estimator: 'y[t]' and 'y[t-1..t-3]': 2 samples for 4 columns;", covariance.Message, StringComparison.Ordinal);
        Assert.Equal("TargetHistory", Assert.Throws<ArgumentOutOfRangeException>(() => ActiveInformationStorage.Of(new Gaussian(), y, new TransferEntropyOptions { TargetHistory = 0 })).ParamName);
        Assert.Equal("estimator", Assert.Throws<ArgumentException>(() => ActiveInformationStorage.Local(new Binning(), y)).ParamName);
    }
}
