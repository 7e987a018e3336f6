using System.CommandLine;
using Shannon.Data.Counts;
using Shannon.Data.Tables;

namespace Shannon.Cli;

/// <summary>
/// The one way commands read tables: the <c>--types</c> a user asked for are applied, and what the missing-value
/// policy dropped is recorded on the context, so every command that reads a table prints one stderr note when rows
/// were dropped and a <c>rows_dropped</c> field in its JSON.
/// </summary>
internal static class CliTables
{
    /// <summary>The types <c>--types</c> accepts.</summary>
    private static readonly string[] TypeNames = ["text", "number", "bool"];

    /// <summary><c>--types COL=TYPE[,COL=TYPE…]</c>: read a column as text, number or bool instead of what sniffing infers.</summary>
    public static Option<string[]> TypesOption() => new("--types")
    {
        HelpName = "COL=TYPE",
        Description = "Read columns as text, number or bool (true/false, yes/no, t/f, y/n, 1/0), e.g. --types smoker=bool,zip=text; text stays text unless asked.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Parses <c>--types</c> into kind overrides and remembers them for the command's table reads.</summary>
    /// <exception cref="UsageException">An item is not COL=text|number|bool.</exception>
    public static void UseTypes(CliContext context, string[]? values)
    {
        var text = new List<string>();
        var numbers = new List<string>();
        var booleans = new List<string>();
        foreach (string item in Items(values ?? []))
        {
            int equals = item.LastIndexOf('=');
            string name = equals > 0 ? item[..equals].Trim() : string.Empty;
            string type = equals > 0 ? item[(equals + 1)..].Trim().ToLowerInvariant() : string.Empty;
            var list = type switch
            {
                "text" or "string" or "category" => text,
                "number" or "numeric" or "double" => numbers,
                "bool" or "boolean" => booleans,
                _ => null,
            };
            if (name.Length == 0 || list is null)
            {
                throw new UsageException($"--types '{NumberList.Escape(item)}' is not COL=TYPE with TYPE one of {string.Join(", ", TypeNames)}.");
            }

            if (text.Contains(name) || numbers.Contains(name) || booleans.Contains(name))
            {
                throw new UsageException($"--types names column '{NumberList.Escape(name)}' twice.");
            }

            list.Add(name);
        }

        context.TableTypes = new TableReadOptions { Categorical = text, Numeric = numbers, Boolean = booleans };
    }

    /// <summary>
    /// Reads a table with the command's <c>--types</c> (added to <paramref name="options"/>' overrides) and records its
    /// drops; ISO dates, date-times and times of day are read as seconds (<see cref="TableReadOptions.Times"/>) by every command.
    /// </summary>
    public static ColumnTable Read(CliContext context, string path, TableReadOptions? options = null)
    {
        RequireTypedColumns(context, path);
        var table = TableReader.Read(path, WithTypes(context, options ?? new TableReadOptions()));
        context.RowsDropped = table.Dropped;
        return table;
    }

    /// <summary>
    /// Numeric feature columns as a row-major n × f matrix and a class column, for the classifiers (tree, logistic):
    /// read like every table, so dropped rows are counted and <c>--types</c> applies. The target is read as labels: a null
    /// token (<c>NA</c>) in a column of numbers is a missing cell whose row is dropped, as on mi, entropy and features, not a class.
    /// </summary>
    /// <exception cref="InvalidDataException">The target has fewer than two classes (the message ends with <paramref name="why"/>).</exception>
    public static (double[] X, TableColumn Classes) ReadClassification(CliContext context, string path, string[] features, string target, string why)
    {
        var table = Read(context, path, new TableReadOptions { Columns = [.. features, target], Labels = [target] });
        var classes = table[target];
        if (classes.CategoryCount < 2)
        {
            throw new InvalidDataException($"The target '{target}' has only one class{why}.");
        }

        int n = table.RowCount;
        var x = new double[n * features.Length];
        for (int f = 0; f < features.Length; f++)
        {
            var values = table[features[f]].Values;
            for (int r = 0; r < n; r++)
            {
                x[(r * features.Length) + f] = values[r];
            }
        }

        return (x, classes);
    }

    /// <summary>
    /// The numeric columns other than <paramref name="target"/>: the features of a model fitted on numbers (tree,
    /// logistic). The columns left out for not being numeric are named in one warning, so none is ignored silently.
    /// </summary>
    /// <param name="context">Where the warning goes.</param>
    /// <param name="kinds">The file's columns and the kinds they are read as.</param>
    /// <param name="target">The class column, never a feature.</param>
    /// <param name="file">The file as the messages name it.</param>
    /// <param name="model">The model as the messages name it, e.g. "the tree".</param>
    /// <exception cref="ArgumentException">No column qualifies: the message says whether the file has only the target or which columns are not numeric.</exception>
    public static string[] NumericFeatures(CliContext context, OrderedDictionary<string, ColumnKind> kinds, string target, string file, string model)
    {
        string[] features = [.. kinds.Where(p => p.Key != target && p.Value == ColumnKind.Numeric).Select(p => p.Key)];
        string[] skipped = [.. kinds.Where(p => p.Key != target && p.Value != ColumnKind.Numeric).Select(p => p.Key)];
        string list = string.Join(", ", skipped.Select(s => $"'{s}'"));
        string verb = skipped.Length == 1 ? "is" : "are";
        if (features.Length == 0)
        {
            throw new ArgumentException(skipped.Length == 0
                ? $"'{file}' has no feature columns: its only column is the target '{target}'."
                : $"'{file}' has no numeric feature columns ({model} uses numbers; {list} {verb} not numeric).");
        }

        if (skipped.Length > 0)
        {
            context.Note($"warning: {model} ignores {skipped.Length} column{(skipped.Length == 1 ? string.Empty : "s")} that {verb} not numeric: {list}.");
        }

        return features;
    }

    /// <summary>The kinds each column would be read as, <c>--types</c> applied.</summary>
    public static OrderedDictionary<string, ColumnKind> ColumnKinds(CliContext context, string path, TableReadOptions? options = null)
    {
        RequireTypedColumns(context, path);
        return TableReader.ColumnKinds(path, WithTypes(context, options ?? new TableReadOptions()));
    }

    /// <summary>
    /// Refuses a <c>--types</c> item that names no column of the file, naming the option, the column and the file's
    /// columns (the reader would name its own option list, which the user never typed). Reads the header only when
    /// <c>--types</c> was given.
    /// </summary>
    /// <exception cref="UsageException">A <c>--types</c> column is not in the file.</exception>
    private static void RequireTypedColumns(CliContext context, string path)
    {
        var types = context.TableTypes;
        var typed = types.Categorical.Concat(types.Numeric).Concat(types.Boolean).ToArray();
        if (typed.Length == 0)
        {
            return;
        }

        var columns = TableReader.ColumnKinds(path).Keys;
        foreach (string name in typed)
        {
            if (!columns.Contains(name))
            {
                throw new UsageException($"--types names column '{NumberList.Escape(name)}', which '{CliInput.DisplayName(path)}' does not have; its columns are: {string.Join(", ", columns)}.");
            }
        }
    }

    /// <summary>Counts features against the target inside DuckDB and records the rows the listwise filter drops.</summary>
    public static TargetContingencies Count(CliContext context, string path, string target, IReadOnlyList<string> features)
    {
        var tables = ContingencyQuery.Count(path, target, features);
        context.RowsDropped = tables.Dropped;
        return tables;
    }

    /// <summary>Reads a counts table and records the counts rows dropped for an empty value or class.</summary>
    public static TargetContingencies ReadCountsFile(CliContext context, string path, string target)
    {
        var tables = ContingencyQuery.ReadCountsFile(path, target);
        context.RowsDropped = tables.Dropped;
        return tables;
    }

    private static TableReadOptions WithTypes(CliContext context, TableReadOptions options)
    {
        var types = context.TableTypes;
        return options with
        {
            Times = true,
            Categorical = [.. options.Categorical.Union(types.Categorical)],
            Numeric = [.. options.Numeric.Union(types.Numeric)],
            Boolean = [.. options.Boolean.Union(types.Boolean)],
        };
    }

    /// <summary>The COL=TYPE items of every --types value: split at commas, a piece without '=' rejoined to the one before (a column name may hold a comma).</summary>
    private static IEnumerable<string> Items(string[] values)
    {
        foreach (string value in values)
        {
            string? pending = null;
            foreach (string piece in value.Split(','))
            {
                pending = pending is null ? piece : pending + "," + piece;
                if (piece.Contains('=', StringComparison.Ordinal))
                {
                    yield return pending;
                    pending = null;
                }
            }

            if (pending is not null)
            {
                yield return pending;
            }
        }
    }
}
