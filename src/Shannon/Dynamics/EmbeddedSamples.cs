using Shannon.Estimators;

namespace Shannon.Dynamics;

/// <summary>The variables a transfer entropy or active information storage is a (conditional) mutual information of, at the times used.</summary>
/// <param name="Times">The rows t, in order.</param>
/// <param name="Present">Y_t.</param>
/// <param name="Source">The source's past block, or null for active information storage.</param>
/// <param name="Condition">The target's past block, joined with the conditions' past blocks.</param>
/// <param name="TrialStarts">The first sample of each trial that gives samples, then the number of samples: trial i's samples are [TrialStarts[i], TrialStarts[i + 1]).</param>
internal sealed record EmbeddedSamples(int[] Times, Variable Present, Variable? Source, Variable Condition, int[] TrialStarts)
{
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

        var present = target.Subset(times);
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

        return new EmbeddedSamples(times, present, sourcePast, condition, [.. trialStarts]);
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
