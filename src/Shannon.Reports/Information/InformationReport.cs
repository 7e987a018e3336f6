namespace Shannon.Reports.Information;

/// <summary>Everything an information report shows, computed by <see cref="InformationReportBuilder"/>; every information is in <see cref="ReportSettings.Unit"/>.</summary>
/// <param name="Source">Where the data came from (a path, or the demo data set's provenance).</param>
/// <param name="Rows">Rows in the data (after dropping rows with missing values).</param>
/// <param name="Target">The target column's name.</param>
/// <param name="Columns">Per-column type, distinct values and entropy.</param>
/// <param name="Relevance">I(feature; target) with its interval and permutation p-value, highest first.</param>
/// <param name="Selection">mRMR order of the features.</param>
/// <param name="FeatureNames">Names of the features, in the order of <paramref name="Redundancy"/>'s rows and columns.</param>
/// <param name="Redundancy">Normalised mutual information between features, row-major, <c>FeatureNames.Count</c> squared.</param>
/// <param name="Classes">The target's classes with their counts.</param>
/// <param name="TargetEntropy">H(target) in the report's unit: the automatic estimator's entropy of the target (plug-in for classes).</param>
/// <param name="Warnings">Constant columns, leakage-like features, too few samples for k.</param>
/// <param name="Settings">How the numbers were estimated.</param>
/// <param name="Histograms">Class-conditional distributions of the top-ranked features (the small multiples); none when null.</param>
internal sealed record InformationReport(
    string Source,
    int Rows,
    string Target,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<FeatureRelevance> Relevance,
    IReadOnlyList<SelectedFeature> Selection,
    IReadOnlyList<string> FeatureNames,
    double[] Redundancy,
    IReadOnlyList<ClassShare> Classes,
    double TargetEntropy,
    IReadOnlyList<string> Warnings,
    ReportSettings Settings,
    IReadOnlyList<FeatureHistogram>? Histograms = null)
{
    /// <summary>Per column: type as read, kind, missing cells, distinct values and flags (the data-quality section).</summary>
    public IReadOnlyList<ColumnQuality> Quality { get; init; } = [];

    /// <summary>
    /// Rows the estimates use: those with a target value among the rows analysed (<see cref="Rows"/>, or the seeded
    /// sample of <see cref="ReportSettings.MaxRows"/> of them when the data has more); with the <see cref="RowsDropped"/>
    /// left out of every score they make up the rows analysed. Each feature's score uses those of them where it has a value.
    /// </summary>
    public int RowsUsed { get; init; }

    /// <summary>Rows left out of every score: dropped by the reader, or without a target value.</summary>
    public long RowsDropped { get; init; }

    /// <summary>Why rows were left out, one line per reason.</summary>
    public IReadOnlyList<string> DroppedReasons { get; init; } = [];

    /// <summary>Features without a score, with the reason.</summary>
    public IReadOnlyList<(string Name, string Reason)> NotScored { get; init; } = [];

    /// <summary>
    /// Whether the target is discrete. Only then is H(target) a Shannon entropy (at least 0, the same in any unit of the
    /// target) and I / H(target) a share; a continuous target's differential entropy can be negative and moves with its unit.
    /// </summary>
    public bool TargetIsDiscrete { get; init; } = true;

    /// <summary>The summary at the top of the page, in plain words.</summary>
    public IReadOnlyList<string> Insights { get; init; } = [];
}

/// <summary>One column's data-quality facts.</summary>
/// <param name="Name">Column name.</param>
/// <param name="ReadAs">How its cells were read: number, text, bool, date, date-time, time.</param>
/// <param name="Kind">discrete, continuous or empty; "(target)" on the target.</param>
/// <param name="Missing">Missing cells.</param>
/// <param name="Distinct">Distinct values among the present cells.</param>
/// <param name="Flags">id_like, constant, leakage_suspect, empty, too_few_rows, not_estimable.</param>
internal sealed record ColumnQuality(string Name, string ReadAs, string Kind, int Missing, int Distinct, IReadOnlyList<string> Flags);

/// <summary>One column: its kind, its number of distinct values and its entropy by the automatic estimator.</summary>
/// <param name="Name">Column name as in the data.</param>
/// <param name="Kind">discrete or continuous, as the shared rule reads the column.</param>
/// <param name="Distinct">Distinct values.</param>
/// <param name="Entropy">H (discrete) or the differential entropy h (continuous) in the report's unit, as <c>shannon entropy --samples</c> gives it; NaN when it cannot be estimated (see <paramref name="Method"/>).</param>
/// <param name="Method">The estimator's name, or why there is no estimate.</param>
internal sealed record ColumnProfile(string Name, string Kind, int Distinct, double Entropy, string Method);

/// <summary>I(feature; target) with the one policy's interval and p-value: the numbers <c>shannon mi</c> prints for the pair.</summary>
/// <param name="Name">Feature name.</param>
/// <param name="Kind">discrete or continuous.</param>
/// <param name="Estimator">The estimator the automatic rule picked for the pair.</param>
/// <param name="MutualInformation">Point estimate in the report's unit.</param>
/// <param name="Lower">Lower end of the half-sampling interval; NaN without one.</param>
/// <param name="Upper">Upper end of the interval; NaN without one.</param>
/// <param name="PValue">Counted permutation p-value against independence, (1 + b)/(1 + B); NaN without permutations.</param>
internal sealed record FeatureRelevance(string Name, string Kind, string Estimator, double MutualInformation, double Lower, double Upper, double PValue)
{
    /// <summary>The chance-corrected score used for ranking (<see cref="FeatureScoring"/>), in the report's unit.</summary>
    public double Adjusted { get; init; } = MutualInformation;

    /// <summary>The plug-in I beside another discrete estimator (<see cref="ScoredFeature.PlugIn"/>), in the report's unit; null otherwise.</summary>
    public double? PlugIn { get; init; }

    /// <summary>Benjamini–Hochberg q-value across the tested features; NaN without a p-value.</summary>
    public double QValue { get; init; } = double.NaN;

    /// <summary>id_like, constant, leakage_suspect.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>How the p-value was found; null without one.</summary>
    public string? PMethod { get; init; }

    /// <summary>Permutations spent on the p-value.</summary>
    public int Permutations { get; init; }

    /// <summary>
    /// True when no permutation reached the observed score: <see cref="PValue"/> = 1/(permutations + 1) is shown as the
    /// bound p &lt; 1/(permutations + 1), and the q-value as q ≤ its value.
    /// </summary>
    public bool PValueIsBound { get; init; }
}

/// <summary>One mRMR pick: rank, relevance and mean redundancy with the features chosen before it.</summary>
/// <param name="Rank">1-based order of selection.</param>
/// <param name="Name">Feature name.</param>
/// <param name="Relevance">I(feature; target) in the report's unit.</param>
/// <param name="Redundancy">Mean I(feature; chosen) in the report's unit.</param>
/// <param name="Score">The mRMR criterion at the time of the pick.</param>
internal sealed record SelectedFeature(int Rank, string Name, double Relevance, double Redundancy, double Score);

/// <summary>A class of the target and how many rows have it.</summary>
/// <param name="Label">Class label as in the data.</param>
/// <param name="Count">Rows with that label.</param>
internal sealed record ClassShare(string Label, long Count);

/// <summary>The estimation settings, printed in the report so it can be reproduced.</summary>
/// <param name="K">Neighbours for the k-NN estimators (the automatic rule's k).</param>
/// <param name="Bins">Quantile bins for the redundancy heatmap.</param>
/// <param name="Permutations">Permutations for every p-value; 0 for none; null for the adaptive schedule (<see cref="Estimators.Uncertainty.PermutationTest.Adaptive"/>).</param>
/// <param name="Replicates">Half-samples for the intervals; 0 for none.</param>
/// <param name="Confidence">Interval level.</param>
/// <param name="Seed">Seed for half-samples, permutations and the k-NN jitter.</param>
/// <param name="Unit">The unit of every information in the report; nats by default, as every command.</param>
/// <param name="MaxRows">Larger tables are analysed on a seeded sample of this many rows.</param>
internal sealed record ReportSettings(int K, int Bins, int? Permutations, int Replicates, double Confidence, int Seed, LogBase Unit, int MaxRows = ReportSettings.DefaultMaxRows)
{
    /// <summary>Default row cap: k-NN estimates on 50,000 rows take seconds and their sampling error is far below the differences a report shows.</summary>
    public const int DefaultMaxRows = 50_000;

    /// <summary>The estimator of every pair: the automatic rule with the report's k and seed, as every command uses it.</summary>
    public Estimators.Automatic Estimator => new(K, Seed);

    /// <summary>
    /// How the features are scored: the settings <c>shannon features</c> uses for the same options, the same least
    /// number of rows included (<see cref="ScoringSettings.LeastRows"/>), so that a large k is the estimator's one rule
    /// on every command (Ross uses a class's size − 1 neighbours where the class has no more than k rows; KSG refuses
    /// k ≥ n and the feature is left unscored with the estimator's reason) instead of a refusal of the whole table.
    /// </summary>
    public ScoringSettings Scoring => new(
        Estimator, Unit, Seed, Replicates >= 2 ? Confidence : null, Math.Max(2, Replicates), Permutations, InformationReportBuilder.IntervalFeatures, ScoringSettings.LeastRows);
}
