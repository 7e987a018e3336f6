namespace Shannon.Reports.Information;

/// <summary>Everything an information report shows, computed by <see cref="InformationReportBuilder"/>; units are bits.</summary>
/// <param name="Source">Where the data came from (a path, or the demo data set's provenance).</param>
/// <param name="Rows">Rows in the data (after dropping rows with missing values).</param>
/// <param name="Target">The target column's name.</param>
/// <param name="Columns">Per-column type, distinct values and entropy.</param>
/// <param name="Relevance">I(feature; target) with its interval and permutation p-value, highest first.</param>
/// <param name="Selection">mRMR order of the features.</param>
/// <param name="FeatureNames">Names of the features, in the order of <paramref name="Redundancy"/>'s rows and columns.</param>
/// <param name="Redundancy">Normalised mutual information between features, row-major, <c>FeatureNames.Count</c> squared.</param>
/// <param name="Classes">The target's classes with their counts.</param>
/// <param name="TargetEntropy">H(target) in bits, plug-in from the class counts.</param>
/// <param name="Warnings">Constant columns, leakage-like features, too few samples for k.</param>
/// <param name="Settings">How the numbers were estimated.</param>
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
    ReportSettings Settings);

/// <summary>One column: its type, its number of distinct values and its entropy in bits.</summary>
/// <param name="Name">Column name as in the data.</param>
/// <param name="Kind">numeric or categorical.</param>
/// <param name="Distinct">Distinct values.</param>
/// <param name="Entropy">Entropy in bits (numeric columns: of their quantile bins).</param>
/// <param name="Method">How the entropy was estimated.</param>
internal sealed record ColumnProfile(string Name, string Kind, int Distinct, double Entropy, string Method);

/// <summary>I(feature; target) in bits with a bootstrap interval and a permutation p-value.</summary>
/// <param name="Name">Feature name.</param>
/// <param name="MutualInformation">Point estimate in bits.</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="PValue">Permutation p-value against independence.</param>
internal sealed record FeatureRelevance(string Name, double MutualInformation, double Lower, double Upper, double PValue);

/// <summary>One mRMR pick: rank, relevance and mean redundancy with the features chosen before it.</summary>
/// <param name="Rank">1-based order of selection.</param>
/// <param name="Name">Feature name.</param>
/// <param name="Relevance">I(feature; target) in bits.</param>
/// <param name="Redundancy">Mean I(feature; chosen) in bits.</param>
/// <param name="Score">The mRMR criterion at the time of the pick.</param>
internal sealed record SelectedFeature(int Rank, string Name, double Relevance, double Redundancy, double Score);

/// <summary>A class of the target and how many rows have it.</summary>
/// <param name="Label">Class label as in the data.</param>
/// <param name="Count">Rows with that label.</param>
internal sealed record ClassShare(string Label, long Count);

/// <summary>The estimation settings, printed in the report so it can be reproduced.</summary>
/// <param name="Estimator">MI estimator between a numeric feature and the target.</param>
/// <param name="K">Neighbours for the k-NN estimator.</param>
/// <param name="Bins">Quantile bins used for column entropies and redundancy.</param>
/// <param name="Permutations">Permutations for the p-values.</param>
/// <param name="Bootstrap">Bootstrap resamples for the intervals.</param>
/// <param name="Confidence">Interval level.</param>
/// <param name="Seed">Seed for resampling, permutations and jitter.</param>
/// <param name="MaxRows">Larger tables are analysed on a seeded sample of this many rows.</param>
internal sealed record ReportSettings(string Estimator, int K, int Bins, int Permutations, int Bootstrap, double Confidence, int Seed, int MaxRows = ReportSettings.DefaultMaxRows)
{
    /// <summary>Default row cap: k-NN estimates on 50,000 rows take seconds and their sampling error is far below the differences a report shows.</summary>
    public const int DefaultMaxRows = 50_000;
}
