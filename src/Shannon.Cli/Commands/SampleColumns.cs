using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;

namespace Shannon.Cli.Commands;

/// <summary>
/// Columns of a data file read as the estimators' <see cref="Variable"/>s, their kinds decided by the shared rule
/// (<see cref="TableColumn.ToVariable"/>); several columns named by one option (<c>--x a,b</c>) form one block.
/// </summary>
internal static class SampleColumns
{
    /// <summary>Reads the named columns of one or more variables from a data file in one pass.</summary>
    /// <param name="context">The command's streams (stdin for <c>-</c>).</param>
    /// <param name="path">The data file, or <c>-</c> for stdin.</param>
    /// <param name="variables">Per variable: the option that names it (for messages) and its comma-separated columns.</param>
    /// <returns>One variable per entry, in order.</returns>
    /// <exception cref="UsageException">An option names no column.</exception>
    public static Variable[] Read(CliContext context, string path, params (string Option, string? Names)[] variables)
    {
        var names = variables.Select(v => Split(v.Names, v.Option)).ToArray();
        string file = CliInput.FilePath(context, path, "DATA", InputFormat.Table);
        ColumnTable table;
        try
        {
            table = CliTables.Read(context, file, new TableReadOptions { Columns = names.SelectMany(n => n).Distinct().ToArray() });
        }
        catch (ArgumentException ex) when (ex.ParamName == "options")
        {
            // The reader names its own parameter; say which option named the missing column, and what there is.
            var known = TableReader.ColumnKinds(file).Keys.ToList();
            for (int v = 0; v < variables.Length; v++)
            {
                if (names[v].FirstOrDefault(name => !known.Contains(name)) is { } missing)
                {
                    const int Shown = 20;
                    string list = string.Join(", ", known.Take(Shown)) + (known.Count > Shown ? $" and {known.Count - Shown} more" : string.Empty);
                    throw new UsageException($"{variables[v].Option} '{NumberList.Escape(missing)}' is not a column of {CliInput.DisplayName(path)}; it has: {list}.");
                }
            }

            throw;
        }

        return [.. names.Select(block => Variable.Join([.. block.Select(name => table[name].ToVariable())]))];
    }

    /// <summary>The file's only column, or a usage error listing the columns to choose from.</summary>
    /// <param name="context">The command's streams (stdin for <c>-</c>).</param>
    /// <param name="path">The data file, or <c>-</c> for stdin.</param>
    /// <param name="option">The option that chooses a column, for the message.</param>
    /// <returns>The column as a variable.</returns>
    /// <exception cref="UsageException">The file has more than one column.</exception>
    public static Variable Only(CliContext context, string path, string option)
    {
        var columns = CliTables.Read(context, CliInput.FilePath(context, path, "DATA", InputFormat.Table)).Columns;
        return columns.Count == 1
            ? columns[0].ToVariable()
            : throw new UsageException($"{CliInput.DisplayName(path)} has {columns.Count} columns ({string.Join(", ", columns.Select(c => c.Name))}); choose one with {option}.");
    }

    /// <summary>Refuses <c>--ci</c> on fewer rows than a half-sampling interval takes, naming the option, the file and the row count.</summary>
    /// <param name="ci">The <c>--ci</c> level, or null when no interval is asked for.</param>
    /// <param name="rows">The rows with values (after the missing-value policy).</param>
    /// <param name="path">The data file as the user gave it, or <c>-</c>.</param>
    /// <exception cref="UsageException">An interval is asked for on fewer than <see cref="Estimators.Uncertainty.HalfSampling.MinimumRows"/> rows.</exception>
    public static void RequireIntervalRows(double? ci, int rows, string path)
    {
        if (ci is double level && rows < Estimators.Uncertainty.HalfSampling.MinimumRows)
        {
            throw new UsageException(
                $"--ci {CliOutput.Number(level)} needs at least {Estimators.Uncertainty.HalfSampling.MinimumRows} rows with values (the interval recomputes the estimate on halves of them); {CliInput.DisplayName(path)} has {rows}.");
        }
    }

    /// <summary>
    /// Refuses a k-nearest-neighbour estimator asked for more neighbours than the columns have other rows, naming
    /// <c>--k</c> and the columns (the library's message names only its own parameter, <c>x</c>).
    /// </summary>
    /// <exception cref="UsageException">k ≥ the rows with values.</exception>
    public static void RequireNeighbours(IEstimator used, int rows, string path, params Variable[] columns)
    {
        if (Neighbours(used) is int neighbours && rows <= neighbours)
        {
            string[] quoted = [.. columns.Select(c => $"'{c.Name}'")];
            string names = quoted.Length == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} and {quoted[^1]}";
            throw new UsageException(
                $"--k {neighbours}: {names} {(columns.Length == 1 ? "has" : "have")} {rows} rows with values in {CliInput.DisplayName(path)}; k = {neighbours} neighbours need at least {neighbours + 1} ({used.Name}).");
        }
    }

    /// <summary>The neighbour count k of a k-nearest-neighbour estimator (KSG, Frenzel–Pompe, Kozachenko–Leonenko); null for the others.</summary>
    public static int? Neighbours(IEstimator used) => used switch
    {
        Ksg ksg => ksg.K,
        FrenzelPompe frenzelPompe => frenzelPompe.K,
        KozachenkoLeonenko kozachenkoLeonenko => kozachenkoLeonenko.K,
        _ => null,
    };

    private static string[] Split(string? names, string option)
    {
        return string.IsNullOrWhiteSpace(names) ? throw new UsageException($"{option} needs at least one column name.") : NumberList.Elements(names, option);
    }
}
