using System.Globalization;
using Shannon.Estimators;

namespace Shannon.Dynamics;

/// <summary>The variables a transfer entropy or active information storage is a (conditional) mutual information of, at the times used.</summary>
/// <param name="Times">The rows t, in order.</param>
/// <param name="Present">Y_t.</param>
/// <param name="Source">The source's past block, or null for active information storage.</param>
/// <param name="Condition">The target's past block, joined with the conditions' past blocks.</param>
/// <param name="TrialStarts">The first sample of each trial that gives samples, then the number of samples: trial i's samples are [TrialStarts[i], TrialStarts[i + 1]).</param>
/// <param name="Description">The quantity with the series and lags it was embedded from, e.g. "TE(x -> y) with history k = 2, source history l = 1, delay d = 1", for messages.</param>
internal sealed record EmbeddedSamples(int[] Times, Variable Present, Variable? Source, Variable Condition, int[] TrialStarts, string Description)
{
    /// <summary>
    /// The estimate <paramref name="estimate"/> makes of these samples; when they are too few or degenerate for
    /// <paramref name="estimator"/> (a singular covariance, no more samples than neighbours), an error that names the
    /// series, the lags and the samples they left, and what to change: the estimator's own words name only its blocks.
    /// </summary>
    public Estimate Estimate(IEstimator estimator, Func<Estimate> estimate)
    {
        try
        {
            return estimate();
        }
        catch (ArgumentException ex) when (DegenerateSamples.Is(ex))
        {
            string reason = ex.Message.Replace(" (Parameter '" + ex.ParamName + "')", string.Empty, StringComparison.Ordinal);
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{Description}: the {Times.Length} embedded samples do not suffice for the {estimator.Name} estimator: {reason} Use a longer series, {(Source is null ? "a shorter history" : "shorter histories or delays")}, or another estimator."),
                Source is null ? "series" : "source",
                ex);
        }
    }

    /// <summary>Embeds target, optional source and conditions after checking lengths, constancy and the sample count.</summary>
    public static EmbeddedSamples Of(Variable? source, Variable target, IReadOnlyList<Variable> conditions, TransferEntropyOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        NotConstant(target, nameof(target));
        if (source is not null)
        {
            Paired(source, target, nameof(source));
            NotConstant(source, nameof(source));
        }

        foreach (var series in conditions)
        {
            ArgumentNullException.ThrowIfNull(series, nameof(conditions));
            Paired(series, target, nameof(conditions));
        }

        var trials = options.Trials ?? Trials.Single(target.Rows);
        if (trials.Rows != target.Rows)
        {
            throw new ArgumentException($"the trials cover {trials.Rows} rows but '{target.Name}' has {target.Rows}.", nameof(options));
        }

        int maxLag = source is null ? options.TargetHistory : options.MaxLag(conditions.Count > 0);
        int[] times = Embedding.Times(trials, maxLag);
        if (times.Length < 2)
        {
            throw new ArgumentException(
                $"'{target.Name}' has {target.Rows} rows in {trials.Count} trial(s); lags up to {maxLag} leave {times.Length} sample(s), and an estimate needs at least 2 (shorten the history or the delay).",
                nameof(target));
        }

        var present = Embedding.Past(target, times, 1, 0);
        var past = Embedding.Past(target, times, options.TargetHistory, 1);
        var sourcePast = source is null ? null : Embedding.Past(source, times, options.SourceHistory, options.Delay);
        var condition = conditions.Count == 0
            ? past
            : Variable.Join([past, .. conditions.Select(c => Embedding.Past(c, times, options.ConditionHistory, options.ConditionDelay))]);
        var trialStarts = new List<int> { 0 };
        for (int i = 0; i < trials.Count; i++)
        {
            if (trials.Lengths[i] > maxLag)
            {
                trialStarts.Add(trialStarts[^1] + trials.Lengths[i] - maxLag);
            }
        }

        return new EmbeddedSamples(times, present, sourcePast, condition, [.. trialStarts], Describe(source, target, conditions, options));
    }

    private static string Describe(Variable? source, Variable target, IReadOnlyList<Variable> conditions, TransferEntropyOptions options)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (source is null)
        {
            return string.Create(invariant, $"AIS({target.Name}) with history k = {options.TargetHistory}");
        }

        string given = conditions.Count == 0 ? string.Empty : "|" + string.Join(",", conditions.Select(c => c.Name));
        string lags = string.Create(invariant, $"history k = {options.TargetHistory}, source history l = {options.SourceHistory}, delay d = {options.Delay}");
        return conditions.Count == 0
            ? $"TE({source.Name} -> {target.Name}) with {lags}"
            : string.Create(invariant, $"TE({source.Name} -> {target.Name}{given}) with {lags}, condition history {options.ConditionHistory}, condition delay {options.ConditionDelay}");
    }

    private static void Paired(Variable variable, Variable target, string name)
    {
        if (variable.Rows != target.Rows)
        {
            throw new ArgumentException($"'{variable.Name}' has {variable.Rows} rows but '{target.Name}' has {target.Rows}; the series must be paired in time.", name);
        }
    }

    private static void NotConstant(Variable series, string name)
    {
        bool constant;
        if (series.IsContinuous)
        {
            ReadOnlySpan<double> values = series.Values;
            constant = true;
            for (int i = series.Dimension; i < values.Length && constant; i++)
            {
                constant = values[i] == values[i % series.Dimension];
            }
        }
        else
        {
            constant = series.Categories == 1;
        }

        if (constant)
        {
            throw new ArgumentException($"'{series.Name}' is constant; a constant series stores and transfers no information (every estimate would be 0 or undefined).", name);
        }
    }
}
