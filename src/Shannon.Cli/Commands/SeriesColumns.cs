using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Cli.Commands;

/// <summary>
/// Time-series columns for <c>te</c> and <c>ais</c>: read in one pass with every row kept (a dropped row would join its
/// neighbours in time), the trials of <c>--trial</c>, and the estimator <c>--estimator</c> names for the question.
/// </summary>
internal static class SeriesColumns
{
    /// <summary>The names <c>--estimator</c> takes on te and ais.</summary>
    public const string Names = "auto|plugin|gaussian|ksg (or any name shannon mi takes)";

    /// <summary>Reads the series (one column per entry) and the trial column; refuses a table with dropped rows.</summary>
    public static (Variable[] Series, Trials? Trials) Read(CliContext context, string path, string? trial, params (string Option, string Name)[] columns)
    {
        (string Option, string? Names)[] wanted = [.. columns.Select(c => (c.Option, (string?)c.Name))];
        if (trial is not null)
        {
            wanted = [.. wanted, ("--trial", trial)];
        }

        var variables = SampleColumns.Read(context, path, wanted);
        if (context.RowsDropped is { Dropped: > 0 } dropped)
        {
            throw new InvalidDataException(
                $"{CliInput.DisplayName(path)}: {dropped.Dropped} of {dropped.RowsRead} rows have an empty, NaN or infinite cell in the columns used; a time series needs every row (dropping one would join its neighbours in time).");
        }

        return trial is null
            ? (variables, null)
            : (variables[..^1], Trials.FromLabels(variables[^1]));
    }

    /// <summary>The estimator for a conditional mutual information (te): <c>ksg</c> is Frenzel–Pompe.</summary>
    public static IConditionalMutualInformationEstimator Conditional(string? name, int? k, int? seed) =>
        IsKsg(name)
            ? new FrenzelPompe(k ?? EstimatorDefaults.K, Rescale: true, seed ?? EstimatorDefaults.Seed)
            : EstimatorChoice.Require<IConditionalMutualInformationEstimator>(EstimatorChoice.Parse(name, k, seed, null), "transfer entropy (a conditional mutual information)");

    /// <summary>The estimator for a mutual information (ais): <c>ksg</c> is KSG algorithm 1.</summary>
    public static IMutualInformationEstimator Mutual(string? name, int? k, int? seed) =>
        EstimatorChoice.Require<IMutualInformationEstimator>(EstimatorChoice.Parse(IsKsg(name) ? "ksg1" : name, k, seed, null), "active information storage (a mutual information)");

    /// <summary>
    /// The series as the estimator needs them: a discrete estimator takes discrete columns (text, or integers of any
    /// count) and refuses real numbers; the others take the columns as read.
    /// </summary>
    public static Variable ForEstimator(IEstimator estimator, Variable series)
    {
        if (estimator is not DiscreteEntropyEstimator || series.IsDiscrete)
        {
            return series;
        }

        ReadOnlySpan<double> values = series.Values;
        foreach (double v in values)
        {
            if (v != Math.Floor(v))
            {
                throw new InvalidDataException($"--estimator {estimator.Name} needs discrete columns (integers or text), but '{series.Name}' holds the real number {CliOutput.Number(v)}; use gaussian or ksg, or bin the column first.");
            }
        }

        return Variable.DiscreteNumbers(series.Name, values);
    }

    /// <summary>The name the output shows: the rule's pick for the automatic estimator.</summary>
    public static string Shown(IEstimator estimator, Func<Automatic, IEstimator> pick) => estimator is Automatic automatic ? pick(automatic).Name : estimator.Name;

    /// <summary>", neighbours = 4" after a k-NN estimator's name on the te and ais line (the k of --k, not the history length k); empty for the others.</summary>
    public static string NeighboursText(int? neighbours) => neighbours is int k ? $", neighbours = {k}" : string.Empty;

    /// <summary>The JSON <c>neighbours</c> field of te and ais (--k of a k-NN estimator; <c>history</c> is the history length): only for k-NN estimators.</summary>
    public static void AddNeighbours(List<KeyValuePair<string, object?>> fields, int? neighbours)
    {
        if (neighbours is int k)
        {
            fields.Add(new("neighbours", k));
        }
    }

    /// <summary>Refuses a non-finite estimate (never printed with exit 0).</summary>
    public static void Finite(Estimate estimate, string label, string estimator)
    {
        if (!double.IsFinite(estimate.Value))
        {
            throw new InvalidDataException($"the {estimator} estimate of {label} is not finite: tied or collinear samples; use --estimator plugin for labels or ksg.");
        }
    }

    private static bool IsKsg(string? name) => name is not null && name.Trim().Equals("ksg", StringComparison.OrdinalIgnoreCase);
}
