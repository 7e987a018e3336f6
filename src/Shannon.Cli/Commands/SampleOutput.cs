using Shannon.Estimators;

namespace Shannon.Cli.Commands;

/// <summary>Prints an <see cref="Estimate"/> from a samples command: JSON with value, unit, n and whatever uncertainty was asked for, or one human line.</summary>
internal static class SampleOutput
{
    /// <summary>
    /// Prints <paramref name="estimate"/>. With <paramref name="permutations"/> B &gt; 0 behind its p-value, a p-value of
    /// 1/(B + 1) (no permuted statistic reached the observed one) is a bound, as in <c>features</c> and <c>report</c>:
    /// <c>p_value_is_bound</c> in the JSON and "p &lt; …" in the line.
    /// </summary>
    /// <remarks>
    /// <paramref name="plugIn"/> is the plug-in value of the same quantity (scikit-learn's <c>mutual_info_score</c>,
    /// scipy's <c>entropy</c>) when the estimate came from another discrete estimator: <c>plug_in</c> in the JSON. An
    /// interval that was asked for and withheld (<see cref="Estimate.IntervalWithheld"/>) is a note on stderr, and
    /// <c>ci</c> is null with the reason under <c>ci_withheld</c>; a discrete estimate on too sparse counts carries that
    /// note and field whether or not an interval was asked for (the reason qualifies the point estimate too).
    /// <paramref name="extra"/> fields (a command's own facts about its input) follow in the JSON.
    /// </remarks>
    public static void Write(CliContext context, bool json, string label, string estimator, Estimate estimate, int permutations = 0, double? plugIn = null, IEnumerable<KeyValuePair<string, object?>>? extra = null)
    {
        if (estimator == "gaussian" && double.IsPositiveInfinity(estimate.Value))
        {
            // The Gaussian MI is +∞ exactly when the joint covariance is singular while each side's is not.
            throw new InvalidDataException(
                $"the gaussian estimate of {label} is Infinity: the joint sample covariance is singular (one side is an exact linear function of the other), so no finite number describes the data.");
        }

        if (!double.IsFinite(estimate.Value))
        {
            // A spacing estimate is −∞ when X(i+m) = X(i) (a constant column, or ties spanning m values); a k-NN or
            // Gaussian one is infinite or undefined for duplicated or collinear samples. No number describes the data.
            throw new InvalidDataException(
                $"the {estimator} estimate of {label} is {(double.IsNaN(estimate.Value) ? "undefined (NaN)" : CliOutput.Number(estimate.Value))}: tied or constant samples make a spacing "
                + "or a neighbour distance 0 (a point mass has differential entropy −∞); use --estimator binned, or a discrete estimator such as plugin for labels.");
        }

        NoteWithheld(context, estimate);
        if (json)
        {
            var fields = new List<KeyValuePair<string, object?>>
            {
                new("value", estimate.Value),
                new("unit", estimate.Unit.Unit),
                new("n", estimate.N),
                new("estimator", estimator),
                new("raw_value", estimate.RawValue),
            };
            if (plugIn is double plain)
            {
                fields.Add(new("plug_in", plain));
            }

            if (estimate.StandardError is double se)
            {
                fields.Add(new("stderr", se));
            }

            if (estimate.ConfidenceInterval is { } ci)
            {
                fields.Add(new("ci", new[] { ci.Low, ci.High }));
                fields.Add(new("ci_level", ci.Level));
            }
            else
            {
                AddWithheld(fields, estimate);
            }

            AddPValue(fields, estimate.PValue, permutations);
            fields.AddRange(extra ?? []);
            CliOutput.Json(context, fields);
            return;
        }

        string line = $"{label} = {CliOutput.Number(estimate.Value)} {estimate.Unit.Unit} ({estimator}, n = {estimate.N})";
        if (estimate.StandardError is double error)
        {
            line += $", stderr {CliOutput.Number(error)}";
        }

        if (estimate.ConfidenceInterval is { } interval)
        {
            line += $", {interval.Level * 100:0.##}% CI [{CliOutput.Number(interval.Low)}, {CliOutput.Number(interval.High)}]";
        }

        if (estimate.PValue is double pValue)
        {
            line += ", " + PValueText(pValue, permutations);
        }

        context.Out.WriteLine(line);
    }

    /// <summary>The note on stderr of an estimate whose interval is withheld (<see cref="Estimate.IntervalWithheld"/>): the one wording of mi, entropy, te, ais and info.</summary>
    public static void NoteWithheld(CliContext context, Estimate estimate)
    {
        if (estimate.IntervalWithheld is string reason)
        {
            context.Note("note: " + reason + ".");
        }
    }

    /// <summary>The JSON fields of a withheld interval: <c>ci</c> null and the reason under <c>ci_withheld</c>; none otherwise.</summary>
    public static void AddWithheld(List<KeyValuePair<string, object?>> fields, Estimate estimate)
    {
        if (estimate.IntervalWithheld is string withheld)
        {
            fields.Add(new("ci", null));
            fields.Add(new("ci_withheld", withheld));
        }
    }

    /// <summary>
    /// Whether a permutation p-value (1 + #{T_b ≥ T}) / (B + 1) is the bound 1/(B + 1): no permuted statistic reached the
    /// observed one, so the p-value is below the resolution B permutations give, not equal to it.
    /// </summary>
    public static bool IsBound(double? p, int permutations) => permutations > 0 && p is double counted && counted * (permutations + 1.0) < 1.5;

    /// <summary>"p &lt; 0.01" for a bound (<see cref="IsBound"/>), else "p = 0.37": the one wording of mi, te and ais.</summary>
    public static string PValueText(double p, int permutations) => $"p {(IsBound(p, permutations) ? "<" : "=")} {CliOutput.Number(p)}";

    /// <summary>The JSON p-value fields of mi, te and ais: <c>p_value</c> and, behind B &gt; 0 permutations, <c>p_value_is_bound</c>.</summary>
    public static void AddPValue(List<KeyValuePair<string, object?>> fields, double? p, int permutations)
    {
        if (p is double value)
        {
            fields.Add(new("p_value", value));
            if (permutations > 0)
            {
                fields.Add(new("p_value_is_bound", IsBound(value, permutations)));
            }
        }
    }
}
