using System.Globalization;
using Shannon.Measures;

namespace Shannon.Cli;

/// <summary>
/// Reads a vector argument: inline comma-separated numbers (<c>0.7,0.2,0.1</c>), a path to a file of
/// numbers separated by commas, whitespace or newlines, or <c>-</c> for standard input.
/// </summary>
internal static class NumberList
{
    private static readonly char[] Separators = [',', ' ', '\t', '\r', '\n', ';'];

    /// <param name="argument">The argument as typed.</param>
    /// <param name="name">The argument's name for error messages (<c>P</c>, <c>Q</c>).</param>
    /// <param name="context">Supplies standard input.</param>
    public static double[] Read(string argument, string name, CliContext context)
    {
        string text;
        if (CliInput.IsStdin(argument) || File.Exists(argument))
        {
            text = CliInput.ReadAllText(context, argument, name);
        }
        else if (LooksInline(argument))
        {
            text = argument;
            if (argument.Contains(','))
            {
                Elements(argument, name); // '1,,2' is a typo, not the list 1,2
            }
        }
        else
        {
            throw new UsageException($"{name} '{Escape(argument)}' is neither an existing file nor a comma-separated list of numbers.");
        }

        string[] tokens = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            throw new UsageException($"{name} has no numbers.");
        }

        var values = new double[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!double.TryParse(tokens[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new UsageException($"{name} has '{Escape(tokens[i])}' at index {i}, which is not a number.");
            }
        }

        return values;
    }

    /// <summary>
    /// Splits a comma-separated option value (column names, axes, a shape, an inline list of numbers) into its trimmed
    /// elements, refusing an empty one: <c>1,,2</c> or a leading or trailing comma is a typo, not a shorter list.
    /// </summary>
    /// <param name="text">The value as typed.</param>
    /// <param name="name">The option's name for the message.</param>
    /// <returns>The elements, none empty.</returns>
    /// <exception cref="UsageException">An element is empty.</exception>
    internal static string[] Elements(string text, string name)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        int empty = Array.FindIndex(parts, p => p.Length == 0);
        return empty < 0
            ? parts
            : throw new UsageException($"{name} '{Escape(text)}' has an empty element at position {empty + 1}; separate the items with single commas.");
    }

    /// <summary>
    /// Refuses a distribution argument of finite, non-negative values that does not sum to 1, pointing at the CLI's own
    /// <c>--counts</c> (the library's message names <c>Distributions.Normalize</c>, which a command-line user cannot call).
    /// Negative or non-finite values are left to the library's check, which names the entry.
    /// </summary>
    /// <exception cref="UsageException">The values sum to something other than 1 beyond the library's tolerance.</exception>
    public static void RequireDistribution(double[] values, string name)
    {
        if (values.Length == 0 || !values.All(v => double.IsFinite(v) && v >= 0))
        {
            return;
        }

        double sum = Numerics.CompensatedSum.Of(values);
        if (!(Math.Abs(sum - 1.0) <= Numerics.Guard.SumTolerance))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{name} sums to {sum:R}, not 1 (tolerance {Numerics.Guard.SumTolerance:0e0}); use --counts to treat the values as counts."));
        }
    }

    /// <summary>The largest count the estimators take: 10¹⁸, so that a sum of a few of them stays within a long (2⁶³ − 1 ≈ 9.2·10¹⁸).</summary>
    private const double LargestCount = 1e18;

    /// <summary>Counts as whole numbers, or a usage error naming the first that is not one, by what is wrong with it.</summary>
    /// <param name="values">The numbers read.</param>
    /// <param name="option">The option that says they are counts (<c>--counts</c>), for the message.</param>
    /// <param name="input">The input that holds them (P, <c>--joint</c>), for the message.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="UsageException">A negative, fractional or too large entry, or a total past 2⁶³ − 1.</exception>
    public static long[] WholeCounts(double[] values, string option, string input)
    {
        var counts = new long[values.Length];
        long total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            string entry = $"{option} entry {i + 1} is {v.ToString("R", CultureInfo.InvariantCulture)}";
            counts[i] = !(v >= 0) || v != Math.Floor(v) ? throw new UsageException($"{entry}; an estimator needs whole, non-negative counts (weights that are not counts: divide them by their sum and give the distribution without {option}).")
                : v > LargestCount ? throw new UsageException($"{entry}, more than the largest count an estimator takes (10^18; counts are held as 64-bit integers, at most 2^63 - 1, and summed).")
                : (long)v;
            total = total > long.MaxValue - counts[i]
                ? throw new UsageException($"{option}: the counts of {input} sum past 2^63 - 1 = {long.MaxValue} at entry {i + 1}; the total must fit in a 64-bit integer.")
                : total + counts[i];
        }

        return counts;
    }

    /// <summary>
    /// A table of counts read by the plug-in (<c>info</c> and <c>pid</c> with <c>--counts</c>): whole counts
    /// (<see cref="WholeCounts"/>) divided by their total in place; returns the total n, printed beside the name.
    /// </summary>
    /// <exception cref="UsageException">An entry that is not a whole count, or a total of 0.</exception>
    public static long PlugInCounts(double[] values, string input)
    {
        long total = 0;
        foreach (long count in WholeCounts(values, "--counts", input))
        {
            total += count;
        }

        if (total == 0)
        {
            throw new UsageException($"--counts: the counts of {input} are all 0; there is nothing to estimate from.");
        }

        Distributions.Normalize(values, values);
        return total;
    }

    /// <summary>"plugin, n = 20": how a line names the estimator of <see cref="PlugInCounts"/>.</summary>
    public static string PlugInText(long n) => string.Create(CultureInfo.InvariantCulture, $"plugin, n = {n}");

    /// <summary>The JSON fields <c>estimator</c> ("plugin") and <c>n</c> of a table read by <see cref="PlugInCounts"/>; none for a distribution (n null).</summary>
    public static void AddPlugIn(List<KeyValuePair<string, object?>> fields, long? n)
    {
        if (n is long total)
        {
            fields.Add(new("estimator", "plugin"));
            fields.Add(new("n", total));
        }
    }

    private static bool LooksInline(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-' or '+' or 'e' or 'E' or ' ' or ';'
            || char.IsAsciiLetter(c));

    /// <summary>Shortens and neutralises text from the user before it goes into an error line.</summary>
    internal static string Escape(string text)
    {
        string clean = CommandOutput.Visible(text);
        return clean.Length > 60 ? clean[..57] + "..." : clean;
    }
}
