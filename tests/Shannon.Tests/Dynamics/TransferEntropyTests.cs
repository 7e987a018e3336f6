using CsCheck;
using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Tests.Dynamics;

public class TransferEntropyTests
{
    [Fact]
    public void Gaussian_te_of_a_var1_process_matches_the_residual_variance_ratio()
    {
        // TE = ½ ln(Var(Y_t | Y_{t−1}) / Var(η)) from the stationary covariance. n = 10⁵: the estimate's sd is about
        // √(1/n) ≈ 0.003 nats; tolerance 0.01.
        var (x, y) = Processes.Var1(100_000, 0.5, 0.3, 0.6, seed: 1);
        double expected = Processes.Var1TransferEntropy(0.5, 0.3, 0.6);
        var te = TransferEntropy.Of(new Gaussian(), Variable.Continuous("x", x), Variable.Continuous("y", y));
        Assert.Equal(expected, te.Value, 0.01);
        Assert.Equal(99_999, te.N);
        var reverse = TransferEntropy.Of(new Gaussian(), Variable.Continuous("y", y), Variable.Continuous("x", x));
        Assert.True(reverse.Value < 0.001, $"Y does not drive X, but TE_Y→X = {reverse.Value}");
    }

    [Fact]
    public void Gaussian_te_is_half_the_granger_causality_in_sample()
    {
        // Granger: ln(RSS of Y_t on Y_{t−1} / RSS of Y_t on Y_{t−1}, X_{t−1}), OLS with intercepts. The log-determinant
        // CMI is the same ratio of Schur complements, so the identity holds to rounding.
        var (x, y) = Processes.Var1(5_000, 0.2, 0.5, 0.4, seed: 2);
        int n = x.Length - 1;
        double restricted = Residual(n, t => y[t + 1], [t => y[t]]);
        double full = Residual(n, t => y[t + 1], [t => y[t], t => x[t]]);
        double granger = Math.Log(restricted / full);
        var te = TransferEntropy.Of(new Gaussian(), Variable.Continuous("x", x), Variable.Continuous("y", y));
        Assert.Equal(granger / 2, te.Value, 1e-10);
    }

    [Fact]
    public void Ksg_te_converges_to_the_analytic_value()
    {
        // Frenzel–Pompe with k = 4 on the VAR(1): its bias and sd shrink with n; at n = 20 000 both are below 0.01 nats.
        double expected = Processes.Var1TransferEntropy(0.5, 0.3, 0.6);
        double Error(int n)
        {
            var (x, y) = Processes.Var1(n, 0.5, 0.3, 0.6, seed: 3);
            return Math.Abs(TransferEntropy.Of(new FrenzelPompe(4), Variable.Continuous("x", x), Variable.Continuous("y", y)).Value - expected);
        }

        double large = Error(20_000);
        Assert.True(large < 0.02, $"error {large} at n = 20 000");
        Assert.True(large < Error(500) + 0.005, "the error does not shrink with n");
    }

    [Fact]
    public void Plug_in_te_of_coupled_binary_chains_matches_the_transition_table()
    {
        // Exact TE from the table and the stationary law of Y; n = 4·10⁵ gives a plug-in bias of about 4/(2n) nats and
        // sd about 0.001: tolerance 0.004.
        double[,] table = { { 0.1, 0.7 }, { 0.8, 0.3 } };
        var (x, y) = Processes.CoupledBinary(400_000, table, seed: 4);
        double expected = Processes.CoupledBinaryTransferEntropy(table);
        var te = TransferEntropy.Of(new PlugIn(), Variable.Discrete<int>("x", x), Variable.Discrete<int>("y", y), logBase: LogBase.Bits);
        Assert.Equal(LogBase.Bits.FromNats(expected), te.Value, 0.004);
        Assert.Equal(LogBase.Bits, te.Unit);
    }

    [Fact]
    public void Plug_in_te_matches_the_numpy_definition()
    {
        var reference = DynamicsReference.Object("plugin_te");
        var x = Variable.Discrete<int>("x", reference.Ints("x"));
        var y = Variable.Discrete<int>("y", reference.Ints("y"));
        var z = Variable.Discrete<int>("z", reference.Ints("z"));
        foreach (var c in reference.GetProperty("cases").EnumerateArray())
        {
            int[] lengths = c.Ints("trials");
            var options = new TransferEntropyOptions
            {
                TargetHistory = c.GetProperty("k").GetInt32(),
                SourceHistory = c.GetProperty("l").GetInt32(),
                Delay = c.GetProperty("d").GetInt32(),
                ConditionHistory = c.GetProperty("condition_history").GetInt32(),
                ConditionDelay = c.GetProperty("condition_delay").GetInt32(),
                Trials = TrialsOf(lengths),
            };
            Variable[] conditions = c.GetProperty("conditioned").GetBoolean() ? [z] : [];
            var te = TransferEntropy.Conditional(new PlugIn(), x, y, conditions, options);
            Assert.Equal(c.GetProperty("te").GetDouble(), te.RawValue, 1e-12);
            Assert.Equal(c.GetProperty("n").GetInt32(), te.N);
        }
    }

    [Fact]
    public void Gaussian_te_matches_numpy_log_determinants()
    {
        var reference = DynamicsReference.Object("gaussian_te");
        var x = Variable.Continuous("x", reference.Doubles("x"));
        var y = Variable.Continuous("y", reference.Doubles("y"));
        foreach (var c in reference.GetProperty("cases").EnumerateArray())
        {
            var options = new TransferEntropyOptions { TargetHistory = c.GetProperty("k").GetInt32(), SourceHistory = c.GetProperty("l").GetInt32(), Delay = c.GetProperty("d").GetInt32() };
            double expected = c.GetProperty("te").GetDouble();
            Assert.Equal(expected, TransferEntropy.Of(new Gaussian(), x, y, options).RawValue, 1e-12 * Math.Max(1, expected) + 1e-13);
        }
    }

    [Fact]
    public void Local_values_average_to_the_estimate()
    {
        var (x, y) = Processes.Var1(2_000, 0.5, 0.3, 0.6, seed: 5);
        var (sx, sy) = (Variable.Continuous("x", x), Variable.Continuous("y", y));
        var options = new TransferEntropyOptions { TargetHistory = 2 };
        foreach (IConditionalMutualInformationEstimator estimator in new IConditionalMutualInformationEstimator[] { new Gaussian(), new FrenzelPompe(4), new Automatic() })
        {
            var local = TransferEntropy.Local(estimator, sx, sy, options: options);
            Assert.Equal(TransferEntropy.Of(estimator, sx, sy, options).RawValue, local.Mean, 1e-10);
            Assert.Equal(Enumerable.Range(2, 1_998), local.Times);
        }

        double[,] table = { { 0.1, 0.7 }, { 0.8, 0.3 } };
        var (bx, by) = Processes.CoupledBinary(3_000, table, seed: 6);
        var (dx, dy) = (Variable.Discrete<int>("x", bx), Variable.Discrete<int>("y", by));
        var bits = TransferEntropy.Local(new PlugIn(), dx, dy, logBase: LogBase.Bits);
        Assert.Equal(TransferEntropy.Of(new PlugIn(), dx, dy, logBase: LogBase.Bits).RawValue, bits.Mean, 1e-12);
        Assert.Contains(bits.Values, v => v < 0); // misinformative steps exist: local TE takes both signs

        // The automatic rule's discrete estimator is bias-corrected and has no pointwise form: its local values are the
        // plug-in's, whose mean lies above the rule's own (corrected) estimate.
        var automatic = TransferEntropy.Local(new Automatic(), dx, dy);
        Assert.Equal(TransferEntropy.Local(new PlugIn(), dx, dy).Values, automatic.Values);
        Assert.True(automatic.Mean > TransferEntropy.Of(new Automatic(), dx, dy).RawValue);
    }

    [Fact]
    public void Surrogate_p_value_separates_coupling_from_independence()
    {
        // 99 permutations of the source's past: the smallest attainable p is 0.01. A coupled pair gives it; an
        // independent pair (two separate seeds) gives a p-value far from 0 (its distribution is uniform: with this seed 0.4 < p).
        var (x, y) = Processes.Var1(1_000, 0.5, 0.3, 0.6, seed: 7);
        var uncertainty = new UncertaintyOptions { Permutations = 99, Seed = 3 };
        var coupled = TransferEntropy.Of(new Gaussian(), Variable.Continuous("x", x), Variable.Continuous("y", y), uncertainty: uncertainty);
        Assert.Equal(0.01, coupled.PValue!.Value, 1e-12);
        var (other, _) = Processes.Var1(1_000, 0.5, 0.3, 0.6, seed: 8);
        var independent = TransferEntropy.Of(new Gaussian(), Variable.Continuous("x", other), Variable.Continuous("y", y), uncertainty: uncertainty);
        Assert.True(independent.PValue > 0.05, $"p = {independent.PValue}");
        var again = TransferEntropy.Of(new Gaussian(), Variable.Continuous("x", other), Variable.Continuous("y", y), uncertainty: uncertainty);
        Assert.Equal(independent.PValue, again.PValue);
    }

    [Fact]
    public void Plug_in_te_is_never_negative()
    {
        Gen.Int[20, 200].SelectMany(n => Gen.Int[0, 3].Array[n].Select(Gen.Int[0, 2].Array[n], Gen.Int[1, 3], Gen.Int[1, 2], (x, y, k, d) => (x, y, k, d)))
            .Where(s => s.y.Distinct().Count() > 1 && s.x.Distinct().Count() > 1)
            .Sample(s =>
            {
                var options = new TransferEntropyOptions { TargetHistory = s.k, Delay = s.d };
                var te = TransferEntropy.Of(new PlugIn(), Variable.Discrete<int>("x", s.x), Variable.Discrete<int>("y", s.y), options);
                Assert.True(te.RawValue >= -1e-12, $"TE = {te.RawValue}");
            });
    }

    [Fact]
    public void Samples_never_straddle_trials()
    {
        // Pooled over trials, the estimate is the plug-in CMI of the tuples built inside each trial: replacing the rows
        // before each trial's first usable time with anything (or changing where other trials' rows are) cannot change
        // a tuple, so TE equals the value on the concatenation of each trial's own embedded tuples.
        Gen.Int[1, 4].Array[2, 5].SelectMany(parts => Gen.Int[0, 2].Array[parts.Length * 12].Select(Gen.Int[0, 1].Array[parts.Length * 12], Gen.Int[1, 3], (x, y, k) => (parts, x, y, k)))
            .Where(s => s.y.Distinct().Count() > 1 && s.x.Distinct().Count() > 1)
            .Sample(s =>
            {
                int[] lengths = [.. s.parts.Select(p => p * 3)];
                int rows = lengths.Sum();
                int[] x = s.x[..rows], y = s.y[..rows];
                if (x.Distinct().Count() < 2 || y.Distinct().Count() < 2)
                {
                    return;
                }

                var trials = TrialsOf(lengths);
                int[] times = Embedding.Times(trials, s.k);
                int start = 0;
                var within = new List<int>();
                foreach (int length in lengths)
                {
                    within.AddRange(Enumerable.Range(start + s.k, Math.Max(0, length - s.k)));
                    start += length;
                }

                Assert.Equal(within, times);
                if (times.Length < 2)
                {
                    return;
                }

                var options = new TransferEntropyOptions { TargetHistory = s.k, Trials = trials };
                var te = TransferEntropy.Of(new PlugIn(), Variable.Discrete<int>("x", x), Variable.Discrete<int>("y", y), options);
                var present = times.Select(t => y[t]).ToArray();
                var source = times.Select(t => x[t - 1]).ToArray();
                var past = times.Select(t => string.Join(",", Enumerable.Range(1, s.k).Select(j => y[t - j]))).ToArray();
                var direct = new PlugIn().ConditionalMutualInformation<int, int, string>(present, source, past);
                Assert.Equal(direct.RawValue, te.RawValue, 1e-12);
            });
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        var x = Variable.Continuous("x", [1.0, 2, 3, 4, 5, 6]);
        var y = Variable.Continuous("y", [2.0, 1, 4, 3, 6, 5]);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new Gaussian(), x, y, new TransferEntropyOptions { TargetHistory = 5 })).ParamName);
        Assert.Equal("TargetHistory", Assert.Throws<ArgumentOutOfRangeException>(() => TransferEntropy.Of(new Gaussian(), x, y, new TransferEntropyOptions { TargetHistory = 0 })).ParamName);
        Assert.Equal("Delay", Assert.Throws<ArgumentOutOfRangeException>(() => TransferEntropy.Of(new Gaussian(), x, y, new TransferEntropyOptions { Delay = 0 })).ParamName);
        Assert.Equal("SourceHistory", Assert.Throws<ArgumentOutOfRangeException>(() => TransferEntropy.Of(new Gaussian(), x, y, new TransferEntropyOptions { SourceHistory = -1 })).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new Gaussian(), Variable.Continuous("c", [3.0, 3, 3, 3, 3, 3]), y)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new PlugIn(), x, Variable.Discrete<int>("c", [1, 1, 1, 1, 1, 1]))).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new Gaussian(), Variable.Continuous("short", [1.0, 2, 3]), y)).ParamName);
        Assert.Equal("conditions", Assert.Throws<ArgumentException>(() => TransferEntropy.Conditional(new Gaussian(), x, y, [Variable.Continuous("z", [1.0, 2])])).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new FrenzelPompe(5), x, y)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Trials.FromLabels(Variable.Discrete<string>("trial", ["a", "a", "b", "a"]))).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new Gaussian(), x, y, new TransferEntropyOptions { Trials = Trials.Single(5) })).ParamName);
        Assert.Equal("estimator", Assert.Throws<ArgumentException>(() => TransferEntropy.Local(new MillerMadow(), x, y)).ParamName);
        Assert.Throws<ArgumentNullException>(() => TransferEntropy.Of(null!, x, y));
    }

    [Fact]
    public void Too_few_embedded_samples_are_named_by_the_series_and_lags_given()
    {
        // Before: "z has a singular sample covariance" (z is the estimator's parameter, the target's past here). Six rows
        // with k = 3, l = 2 leave 3 samples of 1 + 2 + 3 columns: every Gaussian covariance of them is singular.
        var x = Variable.Continuous("x", [0.3, -1.2, 0.8, 1.9, -0.4, 0.1]);
        var y = Variable.Continuous("y", [1.1, 0.2, -0.7, 0.5, 1.6, -1.3]);
        var options = new TransferEntropyOptions { TargetHistory = 3, SourceHistory = 2 };
        var error = Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new Gaussian(), x, y, options));
        Assert.Equal("source", error.ParamName);
        Assert.StartsWith(
            "TE(x -> y) with history k = 3, source history l = 2, delay d = 1: the 3 embedded samples do not suffice for the gaussian estimator: 'y[t]', 'x[t-1..t-2]' and 'y[t-1..t-3]': 3 samples for 6 columns; a Gaussian estimate needs more samples than columns (at least 7)",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("Use a longer series, shorter histories or delays, or another estimator.", error.Message, StringComparison.Ordinal);
        var conditioned = Assert.Throws<ArgumentException>(() => TransferEntropy.Conditional(new FrenzelPompe(5), x, y, [Variable.Continuous("c", [1.0, 4, 2, 8, 5, 7])]));
        Assert.StartsWith("TE(x -> y|c) with history k = 1, source history l = 1, delay d = 1, condition history 1, condition delay 1: the 5 embedded samples do not suffice for the frenzel-pompe estimator: 5 samples are too few: k = 5 neighbours need at least 6.", conditioned.Message, StringComparison.Ordinal);

        // With enough samples, a source that is a linear function of the target's past is named by its lagged block.
        var random = new Random(5);
        double[] series = [.. Enumerable.Range(0, 40).Select(_ => random.NextDouble())];
        var lagged = Variable.Continuous("lagged", [.. series.Select(v => (2 * v) + 1)]);
        var collinear = Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new Gaussian(), lagged, Variable.Continuous("s", series)));
        Assert.Contains("the 39 embedded samples do not suffice for the gaussian estimator: 'lagged[t-1]' is constant or a linear function of 's[t-1]'", collinear.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discrete_te_on_too_sparse_a_table_says_so_and_gets_no_interval()
    {
        // 29 embedded samples for y[t] × x[t-1] × y[t-1] = 6 × 6 × 6 cells: the rule of mi's I(X;Y|Z), on the embedded blocks.
        var x = Variable.Discrete<int>("x", [.. Enumerable.Range(0, 30).Select(t => t % 6)]);
        var y = Variable.Discrete<int>("y", [.. Enumerable.Range(0, 30).Select(t => t / 5 % 6)]);
        var te = TransferEntropy.Of(new Automatic(), x, y, uncertainty: new UncertaintyOptions { Level = 0.95 });
        Assert.Null(te.ConfidenceInterval);
        Assert.StartsWith("too sparse: n = 29 rows for 6 × 6 × 6 = 216 cells", te.IntervalWithheld, StringComparison.Ordinal);
        int[] times = [.. Enumerable.Range(1, 29)];
        var direct = WithUncertainty.ConditionalMutualInformation(new Automatic(), y.Subset(times), Embedding.Past(x, times, 1, 1), Embedding.Past(y, times, 1, 1), UncertaintyOptions.None);
        Assert.Equal(direct.IntervalWithheld, te.IntervalWithheld);
        Assert.Equal(direct.Value, te.Value, 1e-15);
        Assert.Equal(te.IntervalWithheld, TransferEntropy.Of(new PlugIn(), x, y).IntervalWithheld);

        // Enough samples per cell: an interval and no reason; a continuous estimator is never judged by cells.
        var random = new Random(8);
        var bx = Variable.Discrete<int>("x", [.. Enumerable.Range(0, 400).Select(_ => random.Next(2))]);
        var by = Variable.Discrete<int>("y", [.. Enumerable.Range(0, 400).Select(_ => random.Next(2))]);
        var dense = TransferEntropy.Of(new Automatic(), bx, by, uncertainty: new UncertaintyOptions { Level = 0.95 });
        Assert.Null(dense.IntervalWithheld);
        Assert.NotNull(dense.ConfidenceInterval);
        var cx = Variable.Continuous("x", [.. Enumerable.Range(0, 30).Select(_ => random.NextDouble())]);
        var cy = Variable.Continuous("y", [.. Enumerable.Range(0, 30).Select(_ => random.NextDouble())]);
        Assert.Null(TransferEntropy.Of(new Gaussian(), cx, cy).IntervalWithheld);
    }

    [Fact]
    public void Embedded_blocks_are_named_by_their_lags()
    {
        var x = Variable.Continuous("x", [1.0, 2, 3, 4, 5, 6]);
        Assert.Equal("x[t]", Embedding.Past(x, [4, 5], 1, 0).Name);
        Assert.Equal("x[t-1]", Embedding.Past(x, [4, 5], 1, 1).Name);
        Assert.Equal("x[t-2..t-4]", Embedding.Past(x, [4, 5], 3, 2).Name);
        Assert.Equal([4.0, 3, 2, 5, 4, 3], Embedding.Past(x, [4, 5], 3, 1).Values.ToArray());
    }

    internal static Trials TrialsOf(int[] lengths) =>
        Trials.FromLabels(Variable.Discrete<int>("trial", [.. lengths.SelectMany((length, i) => Enumerable.Repeat(i, length))]));

    private static double Residual(int n, Func<int, double> target, Func<int, double>[] regressors)
    {
        // OLS with an intercept by the normal equations (at most 3 unknowns): the residual sum of squares.
        int p = regressors.Length + 1;
        var xtx = new double[p, p];
        var xty = new double[p];
        for (int t = 0; t < n; t++)
        {
            double[] row = [1.0, .. regressors.Select(r => r(t))];
            for (int i = 0; i < p; i++)
            {
                xty[i] += row[i] * target(t);
                for (int j = 0; j < p; j++)
                {
                    xtx[i, j] += row[i] * row[j];
                }
            }
        }

        double[] beta = Solve(xtx, xty);
        double rss = 0;
        for (int t = 0; t < n; t++)
        {
            double fit = beta[0] + regressors.Select((r, i) => beta[i + 1] * r(t)).Sum();
            rss += (target(t) - fit) * (target(t) - fit);
        }

        return rss;
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        int p = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (int c = 0; c < p; c++)
        {
            for (int r = c + 1; r < p; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int j = c; j < p; j++)
                {
                    m[r, j] -= f * m[c, j];
                }

                v[r] -= f * v[c];
            }
        }

        var xs = new double[p];
        for (int r = p - 1; r >= 0; r--)
        {
            double s = v[r];
            for (int j = r + 1; j < p; j++)
            {
                s -= m[r, j] * xs[j];
            }

            xs[r] = s / m[r, r];
        }

        return xs;
    }
}
