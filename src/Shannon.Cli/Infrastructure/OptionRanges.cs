using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace Shannon.Cli;

/// <summary>
/// The allowed range of every bounded numeric option, declared in one place: a value outside it is a usage error
/// (exit 2, one line naming the option and the range) found while parsing, before anything is read or allocated,
/// and <c>--help</c> shows the range after the description.
/// </summary>
/// <remarks>
/// Ranges protect memory and time as much as meaning: a bin count, an n-gram order or a sweep length drives an
/// allocation, so its ceiling is set where the work stays within a desktop machine's memory. Options shared by
/// several commands use the same constant here, so <c>--k</c> means the same thing everywhere.
/// </remarks>
internal static class OptionRanges
{
    /// <summary><c>--k</c>: neighbours of the k-NN estimators.</summary>
    public static readonly (int Min, int Max) Neighbours = (1, 1_000);

    /// <summary><c>--bins</c> as a count: equal-width or equal-frequency bins.</summary>
    public static readonly (int Min, int Max) Bins = (1, 1_000_000);

    /// <summary><c>--bins</c> of <c>shannon calibration</c>: reliability bins, also per class in the classwise ECE (classes × bins cells per worker).</summary>
    public static readonly (int Min, int Max) ReliabilityBins = (1, 10_000);

    /// <summary><c>--permutations</c>: permutations for a p-value.</summary>
    public static readonly (int Min, int Max) Permutations = (1, 1_000_000);

    /// <summary><c>--bootstrap</c> and other resample counts.</summary>
    public static readonly (int Min, int Max) Resamples = (1, 100_000);

    /// <summary>Points of a sweep or curve (<c>--points</c>, the N of <c>--sweep B0:B1:N</c>).</summary>
    public static readonly (int Min, int Max) SweepPoints = (1, 10_000);

    /// <summary><c>--order</c> of an n-gram model; the model file format stores orders up to this.</summary>
    public static readonly (int Min, int Max) NgramOrder = (1, Language.NGrams.KneserNeyModel.MaxOrder);

    /// <summary><c>--max-length</c> of <c>shannon code</c>: the longest codeword of a length-limited Huffman code, in bits.</summary>
    public static readonly (int Min, int Max) CodewordLength = (1, 64);

    /// <summary><c>--seed</c>: any non-negative 32-bit integer.</summary>
    public static readonly (int Min, int Max) Seed = (0, int.MaxValue);

    /// <summary><c>--ignore-index</c>: any 32-bit class index (PyTorch's default is −100).</summary>
    public static readonly (int Min, int Max) ClassIndex = (int.MinValue, int.MaxValue);

    /// <summary><c>--gamma</c> of the focal loss: the exponent of (1 − p_t).</summary>
    public static readonly (int Min, int Max) FocalGamma = (0, 1_000);

    /// <summary><c>--temperature</c> of a softmax or a similarity: T &gt; 0, within twelve orders of magnitude of 1.</summary>
    public static readonly (double Min, double Max) Temperature = (1e-6, 1e6);

    /// <summary>Adds the range check to <paramref name="option"/> and the range to its help text.</summary>
    /// <typeparam name="T">The option's numeric type (int, long, double, or a nullable of one).</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="range">Its inclusive bounds.</param>
    /// <returns>The same option, for chaining in a declaration.</returns>
    public static Option<T> Within<T>(this Option<T> option, (int Min, int Max) range) =>
        option.Within(range.Min, range.Max);

    /// <summary>Adds a named range with fractional bounds to <paramref name="option"/> and its help text.</summary>
    /// <typeparam name="T">The option's numeric type (double, or a nullable one).</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="range">Its inclusive bounds.</param>
    /// <returns>The same option, for chaining in a declaration.</returns>
    public static Option<T> Within<T>(this Option<T> option, (double Min, double Max) range) =>
        option.Within(range.Min, range.Max);

    /// <summary>Adds an inclusive range check to <paramref name="option"/> and the range to its help text.</summary>
    /// <typeparam name="T">The option's numeric type (int, long, double, or a nullable of one).</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <returns>The same option.</returns>
    public static Option<T> Within<T>(this Option<T> option, double min, double max)
    {
        string text = $"{Format(min)}–{Format(max)}";
        option.Description = $"{option.Description} [range {text}]".TrimStart();
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is not { } value)
            {
                return;
            }

            double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (double.IsNaN(number) || number < min || number > max)
            {
                result.AddError($"{option.Name} must be in {text}; got {Convert.ToString(value, CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    /// <summary>Checks a number that is part of a compound option value (the N of <c>--sweep B0:B1:N</c>, a count inside <c>--bins quantile:N</c>).</summary>
    /// <typeparam name="T">A numeric type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="range">Its inclusive bounds.</param>
    /// <param name="what">How the message names it, e.g. "--sweep's N".</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="UsageException">The value lies outside the range.</exception>
    public static T Check<T>(T value, (int Min, int Max) range, string what)
        where T : INumber<T>
    {
        double number = double.CreateChecked(value);
        return number >= range.Min && number <= range.Max
            ? value
            : throw new UsageException($"{what} must be in {Format(range.Min)}–{Format(range.Max)}; got {value}.");
    }

    private static string Format(double value) =>
        value == int.MaxValue ? "2147483647" : value == int.MinValue ? "-2147483648" : value.ToString("G", CultureInfo.InvariantCulture);
}
