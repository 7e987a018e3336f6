using System.Globalization;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// The <c>shannon mi --joint FILE</c> handler: I(X;Y) of a CSV matrix p(x, y), one row of X per line
/// (<c>-</c> reads standard input), exact; or, with <c>--counts</c>, a table of whole counts, from which I(X;Y) is
/// estimated as from two discrete columns of DATA (the automatic rule's estimator unless <c>--estimator</c> names another
/// discrete one), the estimator named in the output.
/// </summary>
internal static class MiJoint
{
    public static int Run(MiRequest request, CliContext context)
    {
        RejectOtherForms(request);
        var (table, rows, columns) = ReadMatrix(request.Joint!, context);
        if (request.Counts)
        {
            // Counts are observations: estimated as two discrete columns of DATA are, by the automatic rule unless --estimator names another.
            var discrete = EstimatorChoice.ForCounts(request.Estimator, request.Bins, "counts");
            var counts = ContingencyTable.FromCounts(NumberList.WholeCounts(table, "--counts", "--joint"), rows, columns);
            double? plugIn = discrete is PlugIn ? null : new PlugIn().MutualInformation(counts, request.Base).Value;
            SampleOutput.Write(context, request.Json, "I(X;Y)", discrete.Name, WithUncertainty.MutualInformation(discrete, counts, request.Base), plugIn: plugIn);
            return ExitCodes.Success;
        }

        NumberList.RequireDistribution(table, "--joint");
        double mi = MutualInformation.Of(table, [rows, columns], request.Base);
        if (request.Json)
        {
            CliOutput.Json(context, [new("value", mi), new("unit", request.Base.Unit), new("rows", rows), new("columns", columns)]);
        }
        else
        {
            context.Out.WriteLine($"I(X;Y) = {CliOutput.Number(mi)} {request.Base.Unit}");
        }

        return ExitCodes.Success;
    }

    /// <summary>A table is a distribution, not samples: there is nothing to resample or permute; counts take an estimator, a distribution none.</summary>
    private static void RejectOtherForms(MiRequest request)
    {
        string? stray = request.Counts ? request.SamplesOptionBesides("--estimator", "--bins") : request.SamplesOption;
        if (stray is not null)
        {
            throw new UsageException(stray is "--estimator" or "--bins"
                ? $"{stray} does not apply to mi --joint without --counts: the I(X;Y) of a table of probabilities is exact; an estimator needs counts (--counts) or DATA with --x and --y."
                : $"{stray} does not apply to mi --joint: a table holds no rows to resample or permute (intervals and p-values need DATA with --x and --y).");
        }

        string? labelsOnly = request.Normalized is not null ? "--normalized" : request.Adjusted ? "--adjusted" : null;
        if (labelsOnly is not null)
        {
            throw new UsageException($"{labelsOnly} does not apply to mi --joint; it goes with --labels.");
        }
    }

    private static (double[] Table, int Rows, int Columns) ReadMatrix(string path, CliContext context)
    {
        string text = CliInput.ReadAllText(context, path, "--joint");
        var values = new List<double>();
        int rows = 0, columns = 0, lineNumber = 0;
        foreach (string line in text.Split('\n'))
        {
            lineNumber++;
            string[] cells = line.Split([',', ' ', '\t', '\r', ';'], StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length == 0)
            {
                continue;
            }

            if (rows > 0 && cells.Length != columns)
            {
                throw new InvalidDataException($"--joint line {lineNumber} has {cells.Length} columns but the first row has {columns}.");
            }

            columns = cells.Length;
            rows++;
            for (int j = 0; j < cells.Length; j++)
            {
                if (!double.TryParse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    throw new InvalidDataException($"--joint line {lineNumber} column {j + 1} has '{NumberList.Escape(cells[j])}', which is not a number.");
                }

                values.Add(v);
            }
        }

        if (rows == 0)
        {
            throw new InvalidDataException("--joint has no numbers.");
        }

        return (values.ToArray(), rows, columns);
    }
}
