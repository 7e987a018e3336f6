using System.Globalization;
using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Measures;

namespace Shannon.Reports.Information;

/// <summary>How <see cref="FeatureScoring"/> scores features.</summary>
/// <param name="Estimator">The estimator of every pair (the automatic rule unless the user names one).</param>
/// <param name="Unit">The unit of every information.</param>
/// <param name="Seed">Seed of the half-samples and the permutations.</param>
/// <param name="Level">Interval level, or null for no intervals.</param>
/// <param name="Replicates">Half-samples behind an interval.</param>
/// <param name="Permutations">A fixed number of permutations for every tested feature (the p-value <c>shannon mi</c> prints); 0 for none; null for the adaptive schedule.</param>
/// <param name="IntervalFeatures">Intervals for at most this many of the best-ranked features (resamples spent where they are read).</param>
/// <param name="MinimumRows">Fewer rows with a target value: the table is refused; fewer rows with both values: the feature is not scored.</param>
/// <param name="Task">auto (the shared rule), classification (a numeric target read as classes) or regression (read as numbers).</param>
internal sealed record ScoringSettings(
    IMutualInformationEstimator Estimator, LogBase Unit, int Seed, double? Level, int Replicates, int? Permutations, int IntervalFeatures, int MinimumRows, string Task = "auto")
{
    /// <summary>
    /// The fewest rows with both a feature and the target that <c>features</c> and <c>report</c> score: two, the least a
    /// dependence can be seen in, as for every term of a greedy selection (<see cref="PairwiseCompleteSample.MinimumRows"/>).
    /// Beyond that each estimator applies its own rule to k (the one answer of <c>mi</c>).
    /// </summary>
    public const int LeastRows = PairwiseCompleteSample.MinimumRows;

    /// <summary>The false discovery rate at which features are called significant (BH q ≤ this).</summary>
    public const double FalseDiscoveryRate = 0.05;

    /// <summary>
    /// The adaptive schedule for <paramref name="tested"/> features: batches doubling from 10, stopping at 3 exceedances
    /// (a p-value that large is far above any Benjamini–Hochberg threshold among many features) or at
    /// max(1000, ⌈m/q⌉ − 1) permutations (at most 20,000), so that a feature beyond every permutation, p = 1/(B + 1) ≤ q/m,
    /// passes the false discovery rate whatever the other features' p-values are (<see cref="AdaptivePermutations.Decisive"/>).
    /// </summary>
    public static AdaptivePermutations Schedule(int tested) =>
        AdaptivePermutations.Decisive(Math.Max(1, tested), FalseDiscoveryRate, PermutationCeiling) with { Initial = FirstPermutations, Exceedances = StopExceedances };

    /// <summary>The adaptive schedule's first batch of permutations.</summary>
    public const int FirstPermutations = 10;

    /// <summary>The adaptive schedule stops a feature once this many permuted scores reach the observed one.</summary>
    public const int StopExceedances = 3;

    /// <summary>The most permutations the adaptive schedule spends on one feature.</summary>
    public const int PermutationCeiling = 20_000;

    /// <summary>The adaptive schedule in words, from the numbers <see cref="Schedule"/> uses (for help texts).</summary>
    public static string ScheduleDescription => string.Create(CultureInfo.InvariantCulture,
        $"batches doubling from {FirstPermutations} permutations per feature, up to max({new AdaptivePermutations().Maximum:N0}, m/q - 1) for m tested features at q = {FalseDiscoveryRate} (at most {PermutationCeiling:N0}), stopping once {StopExceedances} permuted scores reach the observed one");
}

/// <summary>One feature scored against the target, with the data-quality facts behind it.</summary>
/// <param name="Name">Column name.</param>
/// <param name="ReadAs">How the file's cells were read (number, text, bool, date, date-time, time).</param>
/// <param name="Kind">discrete or continuous by the shared rule on the paired rows; "empty" for an empty column.</param>
/// <param name="Missing">Missing cells of the column.</param>
/// <param name="Distinct">Distinct values among its present cells.</param>
/// <param name="Rows">The rows of its score: those with both the feature and the target present, less any the estimator
/// leaves out (Ross: a row whose class occurs once), the n that <c>shannon mi</c> prints for the pair.</param>
/// <param name="Flags">id_like, constant, leakage_suspect, empty, too_few_rows, not_estimable.</param>
/// <param name="Estimator">The pair's estimator, or null when not scored.</param>
/// <param name="MutualInformation">I(feature; target) in the unit; null when not scored.</param>
/// <param name="Adjusted">The chance-corrected score used for ranking; null when not scored.</param>
/// <param name="Lower">Interval's lower end, or null.</param>
/// <param name="Upper">Interval's upper end, or null.</param>
/// <param name="PValue">p-value against independence, or null.</param>
/// <param name="PMethod">How the p-value was found: <c>permutation</c>, always counted.</param>
/// <param name="Permutations">Permutations spent on this feature.</param>
/// <param name="QValue">Benjamini–Hochberg q-value across the tested features, or null.</param>
/// <param name="Note">Why a feature was not scored, or why its counts are too sparse for a reliable estimate or an interval (<see cref="Estimate.IntervalWithheld"/>), or null.</param>
internal sealed record ScoredFeature(
    string Name, string ReadAs, string Kind, int Missing, int Distinct, long Rows, IReadOnlyList<string> Flags, string? Estimator,
    double? MutualInformation, double? Adjusted, double? Lower, double? Upper, double? PValue, string? PMethod, int Permutations, double? QValue, string? Note)
{
    /// <summary>
    /// True when no permutation reached the observed score: <see cref="PValue"/> = 1/(B + 1) is the bound p &lt; 1/(B + 1),
    /// and so is the q-value, which only a smaller p-value could lower (every bound is the smallest p-value of the run).
    /// </summary>
    public bool PValueIsBound { get; init; }

    /// <summary>What the estimate's n alone does not say (rows the estimator left out, a capped k), as <c>shannon mi</c> notes it (<see cref="EstimatorNotes"/>).</summary>
    public IReadOnlyList<string> EstimateNotes { get; init; } = [];

    /// <summary>
    /// The plug-in I(feature; target) in the unit (scikit-learn's <c>mutual_info_score</c>) when <see cref="Estimator"/> is
    /// another discrete estimator, as <c>shannon mi</c> prints it under <c>plug_in</c>; null otherwise (the plug-in itself,
    /// a k-NN estimator, or not scored).
    /// </summary>
    public double? PlugIn { get; init; }

    /// <summary>
    /// Why the pair's discrete counts are too sparse for a reliable estimate or any interval
    /// (<see cref="Estimate.IntervalWithheld"/>, fewer than 2 rows per cell), or null; the same words are the <see cref="Note"/>
    /// unless the feature is id-like by its row clock.
    /// </summary>
    public string? TooSparse { get; init; }

    /// <summary>Is the feature ranked as possible signal (scored, and neither id-like nor empty)?</summary>
    public bool Ranked => Adjusted is not null && !Flags.Contains(FeatureScoring.IdLike);
}

/// <summary>The scored features and the facts about the target they were scored against.</summary>
/// <param name="Features">Ranked: scored non-id-like features by chance-corrected score, then the rest.</param>
/// <param name="TargetRows">Rows with a target value.</param>
/// <param name="TargetMissing">Rows whose target cell is missing (left out of every pair).</param>
/// <param name="TargetEntropy">H(target) (or its differential entropy) over the rows with a target value, in the unit.</param>
/// <param name="Target">The target on its present rows.</param>
internal sealed record FeatureScores(IReadOnlyList<ScoredFeature> Features, int TargetRows, int TargetMissing, double TargetEntropy, Variable Target);

/// <summary>
/// Scores every feature against a target the one way <c>features</c> and <c>report</c> share: pairwise-complete rows,
/// the estimator's I(feature; target), a chance-corrected score for ranking, flags, intervals where they are read, and
/// p-values with Benjamini–Hochberg q-values.
/// </summary>
/// <remarks>
/// <para>The chance-corrected score (<c>mi_adjusted</c>) is I − E₀[I], E₀ the mean under the permutation null: for the
/// plug-in estimate of two discrete columns the exact expectation under the hypergeometric (fixed-margins) model of
/// Vinh, Epps &amp; Bailey (2010), JMLR 11, 2837–2854 — a column with one value per row has I = H(target) and E₀[I] =
/// H(target), so it scores 0; for the k-NN estimators (KSG, Ross) E₀ ≈ 0 by construction (Kraskov, Stögbauer &amp;
/// Grassberger 2004; Ross 2014) and the score is I itself.</para>
/// <para>Flags: <c>id_like</c> — a discrete or integer column with at least 90 % distinct values among its rows, or a
/// numeric column whose values step by one constant amount in row order however they are printed (a row index or a regular
/// clock written as <c>1700000000.5 + 37.5·row</c>, <see cref="IsRowClock"/>) (never ranked as signal); <c>constant</c> — one value in at least 99 % of its rows; <c>leakage_suspect</c> — discrete
/// target and a chance-corrected score ≥ 95 % of H(target), id-like or not: a text id scores 0 by the correction, while a
/// row number in the file's class order (I = 98 % of H(target) on iris) is flagged both id-like and a leakage suspect,
/// and warned about on every command (<see cref="LeakageWarning"/>) instead of hiding among the id-like columns.</para>
/// </remarks>
internal static class FeatureScoring
{
    public const string IdLike = "id_like";
    public const string Constant = "constant";
    public const string Leakage = "leakage_suspect";
    public const string Empty = "empty";
    public const string TooFewRows = "too_few_rows";
    public const string NotEstimable = "not_estimable";

    /// <summary>Why a numeric column that is not integer-valued is id-like: the note beside it.</summary>
    public const string ClockNote = "id-like: its values step by one constant amount from row to row (a row index or a regular clock)";

    /// <summary>Share of distinct values among a column's rows from which it is id-like.</summary>
    public const double IdLikeShare = 0.9;

    /// <summary>Share of rows holding one value from which a column is (near-)constant.</summary>
    public const double ConstantShare = 0.99;

    /// <summary>Share of H(target) from which a feature is a leakage suspect.</summary>
    public const double LeakageShare = 0.95;

    /// <summary>The one wording of a leakage suspect's warning, shared by <c>features</c> and <c>report</c>.</summary>
    public static string LeakageWarning(ScoredFeature feature, double targetEntropy, string unit) => string.Create(CultureInfo.InvariantCulture,
        $"Feature '{feature.Name}' has a chance-corrected I = {feature.Adjusted!.Value:F3} {unit}, at least {LeakageShare:P0} of H(target) = {targetEntropy:F3} {unit}: it nearly determines the target (leakage?){(feature.Flags.Contains(IdLike) ? "; it is also id-like (a distinct value in nearly every row), e.g. a row number in the order of the classes" : string.Empty)}.");

    /// <summary>Scores <paramref name="features"/> against <paramref name="target"/>; <paramref name="progress"/> gets (done, features) twice over: point estimates, then uncertainty.</summary>
    /// <exception cref="InvalidDataException">Fewer rows with a target value than the estimators need, or a constant target.</exception>
    public static FeatureScores Score(IReadOnlyList<TableColumn> features, TableColumn target, ScoringSettings settings, Action<int, int>? progress = null)
    {
        int[] targetRows = Enumerable.Range(0, target.Length).Where(r => !target.IsMissing(r)).ToArray();
        if (targetRows.Length < settings.MinimumRows)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"The table has {targetRows.Length} row(s) with a value of the target '{target.Name}'; the estimators need at least {settings.MinimumRows}."));
        }

        var y = TargetVariable(target, targetRows, settings.Task);
        if (y.Categories < 2)
        {
            throw new InvalidDataException($"The target '{target.Name}' has one value in every row with a value: no feature can carry information about it.");
        }

        double targetEntropy = new Automatic().For(y).Entropy(y, settings.Unit).Value;
        var scored = new ScoredFeature[features.Count];
        var pairs = new (Variable X, Variable Y)?[features.Count];
        int done = 0;
        Parallel.For(0, features.Count, f =>
        {
            (scored[f], pairs[f]) = Point(features[f], target, y.IsDiscrete, targetEntropy, settings);
            progress?.Invoke(Interlocked.Increment(ref done), features.Count);
        });

        var ranked = scored.Select((s, i) => (Score: s, Index: i))
            .OrderBy(p => p.Score.Ranked ? 0 : p.Score.Adjusted is null ? 2 : 1)
            .ThenByDescending(p => p.Score.Adjusted ?? double.NegativeInfinity)
            .ToArray();
        int tested = ranked.Count(p => p.Score.Ranked);
        var schedule = ScoringSettings.Schedule(tested);
        bool uncertainty = settings.Level is not null || settings.Permutations != 0;
        done = 0;
        Parallel.For(0, ranked.Length, position =>
        {
            var (score, index) = ranked[position];
            if (uncertainty && pairs[index] is { } pair && score.Adjusted is not null && !score.Flags.Contains(IdLike))
            {
                ranked[position].Score = Uncertainty(score, pair.X, pair.Y, settings, schedule, withInterval: position < settings.IntervalFeatures);
            }

            progress?.Invoke(features.Count + Interlocked.Increment(ref done), features.Count);
        });

        var withP = ranked.Where(p => p.Score.PValue is not null).ToArray();
        if (withP.Length > 0)
        {
            double[] q = BenjaminiHochberg.QValues([.. withP.Select(p => p.Score.PValue!.Value)]);
            var qByName = withP.Select((p, i) => (p.Index, Q: q[i])).ToDictionary(p => p.Index, p => p.Q);
            for (int i = 0; i < ranked.Length; i++)
            {
                if (qByName.TryGetValue(ranked[i].Index, out double value))
                {
                    ranked[i].Score = ranked[i].Score with { QValue = value };
                }
            }
        }

        return new FeatureScores([.. ranked.Select(p => p.Score)], targetRows.Length, target.Length - targetRows.Length, targetEntropy, y);
    }

    /// <summary>The point estimate, the chance-corrected score and the flags of one feature.</summary>
    private static (ScoredFeature Score, (Variable, Variable)? Pair) Point(TableColumn column, TableColumn target, bool discreteTarget, double targetEntropy, ScoringSettings settings)
    {
        int missing = column.MissingCount();
        var flags = new List<string>();
        var blank = new ScoredFeature(column.Name, column.ReadAs, "empty", missing, 0, 0, flags, null, null, null, null, null, null, null, 0, null, null);
        if (missing == column.Length)
        {
            flags.Add(Empty);
            return (blank with { Note = "every cell is missing; left out" }, null);
        }

        int[] rows = PairwiseComplete.Rows(column, target);
        var present = Enumerable.Range(0, column.Length).Where(r => !column.IsMissing(r)).ToArray();
        var whole = PairwiseComplete.Variable(column, present);
        long[] counts = whole.Counts();
        int distinct = whole.Categories;
        string kind = whole.IsContinuous ? "continuous" : "discrete";
        if (counts.Max() >= ConstantShare * present.Length)
        {
            flags.Add(Constant);
        }

        bool clock = false;
        if (present.Length >= 10 && distinct >= IdLikeShare * present.Length && (column.Kind == ColumnKind.Categorical || IsIntegerSequence(whole) || (clock = IsRowClock(whole))))
        {
            flags.Add(IdLike);
        }

        blank = blank with { Kind = kind, Distinct = distinct, Rows = rows.Length };
        if (rows.Length < settings.MinimumRows)
        {
            flags.Add(TooFewRows);
            return (blank with { Note = string.Create(CultureInfo.InvariantCulture, $"only {rows.Length} row(s) with both this column and the target; the estimators need {settings.MinimumRows}") }, null);
        }

        var x = PairwiseComplete.Variable(column, rows);
        var y = TargetVariable(target, rows, settings.Task);
        kind = x.IsContinuous ? "continuous" : "discrete";
        var estimator = settings.Estimator is Automatic automatic ? automatic.For(x, y) : settings.Estimator;
        try
        {
            // Through the one policy without resampling: a discrete pair's estimate says when its counts are too sparse.
            var estimate = WithUncertainty.MutualInformation(estimator, x, y, UncertaintyOptions.None, settings.Unit);
            if (!double.IsFinite(estimate.Value))
            {
                throw new ArgumentException("the estimate is not finite (tied values)");
            }

            double adjusted = Selection.MutualInformationRanking.ChanceCorrected(estimator, x, y, estimate.Value, settings.Unit);

            if (discreteTarget && targetEntropy > 0 && adjusted >= LeakageShare * targetEntropy)
            {
                flags.Add(Leakage);
            }

            return (blank with
            {
                Kind = kind,
                Rows = estimate.N,
                Estimator = estimator.Name,
                MutualInformation = estimate.Value,
                Adjusted = adjusted,
                EstimateNotes = EstimatorNotes.Of(estimator, x, y, estimate),
                TooSparse = estimate.IntervalWithheld,
                PlugIn = estimator is DiscreteEntropyEstimator and not PlugIn ? new PlugIn().MutualInformation(x, y, settings.Unit).Value : null,
                Note = clock ? ClockNote : estimate.IntervalWithheld,
            }, (x, y));
        }
        catch (ArgumentException ex)
        {
            flags.Add(NotEstimable);
            return (blank with { Kind = kind, Estimator = estimator.Name, Note = $"{estimator.Name}: {ex.Message}" }, null);
        }
    }

    /// <summary>The interval (where read) and the p-value of one scored feature, by the one uncertainty policy.</summary>
    private static ScoredFeature Uncertainty(ScoredFeature score, Variable x, Variable y, ScoringSettings settings, AdaptivePermutations schedule, bool withInterval)
    {
        var estimator = settings.Estimator is Automatic automatic ? automatic.For(x, y) : settings.Estimator;
        int fixedPermutations = settings.Permutations ?? 0;
        var options = new UncertaintyOptions
        {
            Level = withInterval ? settings.Level : null,
            Replicates = settings.Replicates,
            Permutations = fixedPermutations,
            Seed = settings.Seed,
        };
        try
        {
            var estimate = WithUncertainty.MutualInformation(estimator, x, y, options, settings.Unit);
            score = score with
            {
                Lower = estimate.ConfidenceInterval?.Low,
                Upper = estimate.ConfidenceInterval?.High,
                PValue = estimate.PValue,
                PMethod = estimate.PValue is null ? null : "permutation",
                Permutations = fixedPermutations,
                PValueIsBound = estimate.PValue is double p && p * (fixedPermutations + 1.0) < 1.5, // (1 + 0) / (1 + B): no exceedance
            };
            if (settings.Permutations is null)
            {
                var outcome = PermutationTest.Adaptive(estimate, x.Rows, order => estimator.MutualInformation(x, y.Subset(order), settings.Unit).RawValue, schedule, settings.Seed);
                score = score with { PValue = outcome.PValue, PMethod = outcome.Method, Permutations = outcome.Permutations, PValueIsBound = outcome.IsBound };
            }

            return score;
        }
        catch (ArgumentException ex)
        {
            // The first line only, without .NET's "(Parameter 'rows')" and "Actual value was …" lines: the note is one line of the table.
            string reason = ex.Message.Split('\n')[0].Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal).Trim();
            return score with { Note = $"no interval or p-value: {reason}" };
        }
    }

    /// <summary>The target at <paramref name="rows"/>: by the shared rule, or forced to classes or numbers by the task.</summary>
    internal static Variable TargetVariable(TableColumn target, int[] rows, string task)
    {
        if (task == "regression" && target.Kind != ColumnKind.Numeric)
        {
            throw new ArgumentException($"The regression target '{target.Name}' is not numeric.", nameof(task));
        }

        var variable = PairwiseComplete.Variable(target, rows);
        return target.Kind != ColumnKind.Numeric || task == "auto" ? variable
            : task == "classification" ? Variable.DiscreteNumbers(target.Name, variable.Values)
            : Variable.Continuous(target.Name, variable.Values);
    }

    /// <summary>
    /// Numbers that step by one constant amount from row to row, within the rounding of their printed digits: a row index
    /// or a regular clock however it is written (<c>1700000000.5 + 37.5·row</c>, <c>0.1, 0.2, …</c>), not only as integers.
    /// </summary>
    /// <remarks>
    /// A value printed with <c>m</c> decimals is off by at most half a unit of its last digit, so two neighbours' step is
    /// within <c>10^−m</c> of the true one (and the mean step within <c>10^−m / (n − 1)</c>); the tolerance is
    /// <c>1.2 · 10^−m</c> plus double rounding, and must stay under half the step, so the values are distinct and
    /// strictly monotone. A column that is merely monotone (a table sorted by a real feature) has uneven steps and is not
    /// flagged.
    /// </remarks>
    internal static bool IsRowClock(Variable variable)
    {
        if (!variable.HasValues || variable.Rows < 10)
        {
            return false;
        }

        var values = variable.Values;
        int n = values.Length;
        double step = (values[n - 1] - values[0]) / (n - 1);
        double scale = 0;
        foreach (double v in values)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        if (!(Math.Abs(step) > 0) || !double.IsFinite(step) || !double.IsFinite(scale))
        {
            return false;
        }

        // Cheap pass first: almost every real column has a step off by half the mean somewhere.
        for (int i = 1; i < n; i++)
        {
            if (Math.Abs(values[i] - values[i - 1] - step) > 0.5 * Math.Abs(step))
            {
                return false;
            }
        }

        int decimals = 0;
        foreach (double v in values)
        {
            decimals = Math.Max(decimals, Decimals(v));
        }

        double tolerance = 1.2 * Math.Pow(10, -decimals) + 1e-12 * scale;
        if (tolerance >= 0.5 * Math.Abs(step))
        {
            return false;
        }

        for (int i = 1; i < n; i++)
        {
            if (Math.Abs(values[i] - values[i - 1] - step) > tolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The decimals of a number's shortest round-trip text (<c>1700000038.5</c> → 1, <c>1E-05</c> → 5, <c>2E+20</c> → 0).</summary>
    private static int Decimals(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? text : text[..e];
        int exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        int fraction = dot < 0 ? 0 : mantissa.Length - dot - 1;
        return Math.Max(0, fraction - exponent);
    }

    /// <summary>Integers, all distinct, filling most of their range (a row number or a counter).</summary>
    private static bool IsIntegerSequence(Variable variable)
    {
        if (!variable.HasValues)
        {
            return false;
        }

        var values = variable.Values;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (v != Math.Floor(v))
            {
                return false;
            }

            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return max - min + 1 <= 2.0 * values.Length;
    }
}
