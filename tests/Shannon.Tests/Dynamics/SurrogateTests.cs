using CsCheck;
using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Tests.Dynamics;

/// <summary>Surrogates with several trials: swapping whole trials of the source, or shuffling within each trial.</summary>
public class SurrogateTests
{
    [Fact]
    public void Swapped_trials_give_the_smallest_p_value_to_a_coupled_pair_and_not_to_an_independent_one()
    {
        // 12 trials of 150 steps: 12 trials have far more than 49 derangements, so the automatic scheme swaps trials.
        var (x, y, trials) = TrialsOfVar1(12, 150, seed: 20);
        var (other, _, _) = TrialsOfVar1(12, 150, seed: 1000); // independent of y: p is uniform over seeds (20 seeds gave 0.02–0.94); 0.80 with this one
        var options = new TransferEntropyOptions { Trials = trials };
        Assert.Equal(SurrogateScheme.SwapTrials, options.SurrogatesFor(conditioned: false, permutations: 49));
        var uncertainty = new UncertaintyOptions { Permutations = 49, Seed = 5 };
        var coupled = TransferEntropy.Of(new Gaussian(), x, y, options, uncertainty);
        Assert.Equal(1.0 / 50, coupled.PValue!.Value, 1e-12);
        var independent = TransferEntropy.Of(new Gaussian(), other, y, options, uncertainty);
        Assert.True(independent.PValue > 0.1, $"p = {independent.PValue}");
        Assert.Equal(independent.PValue, TransferEntropy.Of(new Gaussian(), other, y, options, uncertainty).PValue);
    }

    [Fact]
    public void Within_trial_surrogates_serve_trials_of_different_lengths()
    {
        var (x, y, _) = TrialsOfVar1(4, 200, seed: 21);
        var trials = TransferEntropyTests.TrialsOf([150, 250, 180, 220]);
        var (other, _, _) = TrialsOfVar1(4, 200, seed: 41);
        var options = new TransferEntropyOptions { Trials = trials };
        Assert.Equal(SurrogateScheme.WithinTrials, options.SurrogatesFor(conditioned: false, permutations: 99));
        var uncertainty = new UncertaintyOptions { Permutations = 99, Seed = 6 };
        Assert.Equal(0.01, TransferEntropy.Of(new Gaussian(), x, y, options, uncertainty).PValue!.Value, 1e-12);
        var independent = TransferEntropy.Of(new Gaussian(), other, y, options, uncertainty);
        Assert.True(independent.PValue > 0.1, $"p = {independent.PValue}");
    }

    [Fact]
    public void Swapping_trials_keeps_a_time_locked_common_drive_that_shuffling_destroys()
    {
        // No coupling: x and y share only a stimulus s(t) locked to each trial's start. A source taken from another trial
        // carries the same s(t), so swapped-trial surrogates reproduce the TE that s(t) alone gives (p not small); pooled
        // shuffles destroy the time-locking and call the common drive a coupling (p = 1/(B + 1)). Over 20 seeds the swapped
        // p-values spread over 0.08–1 and the pooled ones were 1/(B + 1) every time; 0.38 with this seed.
        int trialCount = 10;
        int length = 200;
        var random = new Random(0);
        var x = new double[trialCount * length];
        var y = new double[trialCount * length];
        for (int trial = 0; trial < trialCount; trial++)
        {
            double previous = 0;
            for (int t = 0; t < length; t++)
            {
                double stimulus = 2 * Math.Sin(2 * Math.PI * t / 50.0);
                int row = (trial * length) + t;
                x[row] = stimulus + Processes.Normal(random);
                y[row] = (0.3 * previous) + stimulus + Processes.Normal(random);
                previous = y[row];
            }
        }

        var trials = TransferEntropyTests.TrialsOf([.. Enumerable.Repeat(length, trialCount)]);
        var uncertainty = new UncertaintyOptions { Permutations = 49, Seed = 2 };
        Variable vx = Variable.Continuous("x", x), vy = Variable.Continuous("y", y);
        var swapped = TransferEntropy.Of(new Gaussian(), vx, vy, new TransferEntropyOptions { Trials = trials, Surrogates = SurrogateScheme.SwapTrials }, uncertainty);
        var pooled = TransferEntropy.Of(new Gaussian(), vx, vy, new TransferEntropyOptions { Trials = trials, Surrogates = SurrogateScheme.Pooled }, uncertainty);
        Assert.Equal(1.0 / 50, pooled.PValue!.Value, 1e-12);
        Assert.True(swapped.PValue > 0.1, $"p = {swapped.PValue}");
    }

    [Fact]
    public void Surrogate_orders_keep_the_structure_they_promise()
    {
        Gen.Select(Gen.Int[1, 6].Array[2, 6], Gen.Int, Gen.Int[0, 50]).Sample((lengths, seed, b) =>
        {
            int[] starts = [0, .. lengths.Select((_, i) => lengths[..(i + 1)].Sum())];
            int[] within = SurrogateOrders.For(SurrogateScheme.WithinTrials, starts, seed)(b);
            Assert.Equal(Enumerable.Range(0, starts[^1]), within.Order());
            for (int i = 0; i < within.Length; i++)
            {
                Assert.Equal(TrialOf(starts, i), TrialOf(starts, within[i]));
            }

            int[] equal = [.. Enumerable.Range(0, lengths.Length + 1).Select(i => i * lengths[0])];
            int[] swapped = SurrogateOrders.For(SurrogateScheme.SwapTrials, equal, seed)(b);
            Assert.Equal(Enumerable.Range(0, equal[^1]), swapped.Order());
            for (int i = 0; i < swapped.Length; i++)
            {
                Assert.NotEqual(TrialOf(equal, i), TrialOf(equal, swapped[i]));
                Assert.Equal(i - equal[TrialOf(equal, i)], swapped[i] - equal[TrialOf(equal, swapped[i])]);
            }

            Assert.Equal(swapped, SurrogateOrders.For(SurrogateScheme.SwapTrials, equal, seed)(b));
            Assert.Equal(PermutationTest.Shuffle(starts[^1], seed, b), SurrogateOrders.For(SurrogateScheme.Pooled, starts, seed)(b));
        });
    }

    [Fact]
    public void The_automatic_scheme_follows_the_trials()
    {
        Assert.Equal(SurrogateScheme.Pooled, new TransferEntropyOptions().SurrogatesFor(false, 99));
        Assert.Equal(SurrogateScheme.Pooled, new TransferEntropyOptions { Trials = TransferEntropyTests.TrialsOf([1, 40]) }.SurrogatesFor(false, 99)); // one trial gives samples
        Assert.Equal(SurrogateScheme.WithinTrials, new TransferEntropyOptions { Trials = TransferEntropyTests.TrialsOf([40, 40, 40]) }.SurrogatesFor(false, 99)); // D(3) = 2
        Assert.Equal(SurrogateScheme.SwapTrials, new TransferEntropyOptions { Trials = TransferEntropyTests.TrialsOf([40, 40, 40]) }.SurrogatesFor(false, 2));
        Assert.Equal(SurrogateScheme.WithinTrials, new TransferEntropyOptions { Trials = TransferEntropyTests.TrialsOf([40, 40, 40, 40, 40]) }.SurrogatesFor(false, 99)); // D(5) = 44
        Assert.Equal(SurrogateScheme.SwapTrials, new TransferEntropyOptions { Trials = TransferEntropyTests.TrialsOf([40, 40, 40, 40, 40, 40]) }.SurrogatesFor(false, 99)); // D(6) = 265
        Assert.Equal(SurrogateScheme.WithinTrials, new TransferEntropyOptions { Trials = TransferEntropyTests.TrialsOf([40, 41, 40, 40, 40, 40]) }.SurrogatesFor(false, 99));

        // A trial no longer than the largest lag gives no samples and takes no part in the swap.
        var options = new TransferEntropyOptions { Trials = TransferEntropyTests.TrialsOf([40, 2, 40]), Delay = 2, Surrogates = SurrogateScheme.SwapTrials };
        Assert.Equal(SurrogateScheme.SwapTrials, options.SurrogatesFor(false, 99));
        Assert.Equal(SurrogateScheme.Pooled, (options with { Surrogates = SurrogateScheme.Pooled }).SurrogatesFor(false, 99));
    }

    [Fact]
    public void Bad_schemes_name_the_parameter()
    {
        var (x, y, _) = TrialsOfVar1(3, 30, seed: 1);
        var uncertainty = new UncertaintyOptions { Permutations = 9 };
        var unequal = new TransferEntropyOptions { Trials = TransferEntropyTests.TrialsOf([20, 30, 40]), Surrogates = SurrogateScheme.SwapTrials };
        var error = Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new Gaussian(), x, y, unequal, uncertainty));
        Assert.Equal("Surrogates", error.ParamName);
        Assert.Contains("same number of samples", error.Message, StringComparison.Ordinal);
        var single = new TransferEntropyOptions { Surrogates = SurrogateScheme.SwapTrials };
        Assert.Equal("Surrogates", Assert.Throws<ArgumentException>(() => TransferEntropy.Of(new Gaussian(), x, y, single, uncertainty)).ParamName);
        Assert.Equal("Surrogates", Assert.Throws<ArgumentOutOfRangeException>(() => new TransferEntropyOptions { Surrogates = (SurrogateScheme)9 }.SurrogatesFor(false, 9)).ParamName);
        Assert.Equal("permutations", Assert.Throws<ArgumentOutOfRangeException>(() => new TransferEntropyOptions().SurrogatesFor(false, 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => PermutationTest.PValue(Estimate.NonNegative(0.1, default, 10), null!, _ => 0.0, 9));
    }

    private static int TrialOf(int[] starts, int sample)
    {
        int trial = 0;
        while (starts[trial + 1] <= sample)
        {
            trial++;
        }

        return trial;
    }

    /// <summary>Trials of the VAR(1) x_t = 0.5 x_{t−1} + e, y_t = 0.3 y_{t−1} + 0.6 x_{t−1} + u, each its own realisation, stacked.</summary>
    private static (Variable X, Variable Y, Trials Trials) TrialsOfVar1(int count, int length, int seed)
    {
        var x = new List<double>();
        var y = new List<double>();
        for (int trial = 0; trial < count; trial++)
        {
            var (tx, ty) = Processes.Var1(length, 0.5, 0.3, 0.6, seed: seed + trial);
            x.AddRange(tx);
            y.AddRange(ty);
        }

        return (Variable.Continuous("x", [.. x]), Variable.Continuous("y", [.. y]), TransferEntropyTests.TrialsOf([.. Enumerable.Repeat(length, count)]));
    }
}
