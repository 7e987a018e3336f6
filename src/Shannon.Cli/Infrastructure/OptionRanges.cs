using System.CommandLine;
using System.CommandLine.Parsing;
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
/// several commands use the same constant here, so <c>--k</c> means the same thing everywhere. A range that admits
/// 0 uses it for "off" (no permutations, no bootstrap). The README's "Guarantees" section lists these limits.
/// </remarks>
internal static class OptionRanges
{
    /// <summary><c>--k</c>/<c>--neighbors</c>: neighbours of the k-NN estimators.</summary>
    public static readonly (int Min, int Max) Neighbours = (1, 1_000);

    /// <summary><c>--bins</c> as a count: equal-width or equal-frequency bins.</summary>
    public static readonly (int Min, int Max) Bins = (1, 1_000_000);

    /// <summary><c>--bins</c> where a single bin says nothing (the report's quantile bins, the information plane's bins per neuron).</summary>
    public static readonly (int Min, int Max) TwoOrMoreBins = (2, 1_000_000);

    /// <summary><c>--bins</c> of <c>shannon calibration</c>: reliability bins, also per class in the classwise ECE (classes × bins cells per worker).</summary>
    public static readonly (int Min, int Max) ReliabilityBins = (1, 10_000);

    /// <summary><c>--permutations</c>: permutations for a p-value.</summary>
    public static readonly (int Min, int Max) Permutations = (1, 1_000_000);

    /// <summary><c>--permutations</c> where 0 turns the p-values off.</summary>
    public static readonly (int Min, int Max) PermutationsOrNone = (0, 1_000_000);

    /// <summary><c>--bootstrap</c> and other resample counts.</summary>
    public static readonly (int Min, int Max) Resamples = (1, 100_000);

    /// <summary><c>--bootstrap</c> where 0 turns the intervals off.</summary>
    public static readonly (int Min, int Max) ResamplesOrNone = (0, 100_000);

    /// <summary>Points of a sweep or curve (<c>--points</c>, the N of <c>--sweep B0:B1:N</c>): two ends at least.</summary>
    public static readonly (int Min, int Max) SweepPoints = (2, 10_000);

    /// <summary><c>--order</c> of an n-gram model: what training accepts and the model file format stores.</summary>
    public static readonly (int Min, int Max) NgramOrder = (1, Language.NGrams.KneserNeyModel.MaxOrder);

    /// <summary><c>--max-length</c> of <c>shannon code</c>: the longest codeword of a length-limited Huffman code, in bits.</summary>
    public static readonly (int Min, int Max) CodewordLength = (1, 64);

    /// <summary><c>--min-count</c>, <c>--min-leaf</c>: a positive count.</summary>
    public static readonly (int Min, int Max) PositiveCount = (1, int.MaxValue);

    /// <summary><c>--order</c> of <c>shannon compress</c>: the adaptive model's longest byte context.</summary>
    public static readonly (int Min, int Max) CompressionOrder = (0, 8);

    /// <summary><c>--seed</c>: any non-negative 32-bit integer.</summary>
    public static readonly (int Min, int Max) Seed = (0, int.MaxValue);

    /// <summary><c>--ignore-index</c>: any 32-bit class index (PyTorch's default is −100).</summary>
    public static readonly (int Min, int Max) ClassIndex = (int.MinValue, int.MaxValue);

    /// <summary><c>--gamma</c> of the focal loss: the exponent of (1 − p_t).</summary>
    public static readonly (int Min, int Max) FocalGamma = (0, 1_000);

    /// <summary><c>--temperature</c> of a softmax or a similarity: T &gt; 0, within twelve orders of magnitude of 1.</summary>
    public static readonly (double Min, double Max) Temperature = (1e-6, 1e6);

    /// <summary><c>features --k</c>: how many features to keep or pick.</summary>
    public static readonly (int Min, int Max) FeatureCount = (1, 1_000_000);

    /// <summary><c>tree --max-depth</c> (the root is depth 0).</summary>
    public static readonly (int Min, int Max) TreeDepth = (0, 1_000);

    /// <summary><c>report --max-rows</c>: the sample the report analyses.</summary>
    public static readonly (int Min, int Max) ReportRows = (10, 100_000_000);

    /// <summary><c>--window</c> and <c>--stride</c> of a causal language model, in tokens.</summary>
    public static readonly (int Min, int Max) ContextTokens = (1, 1 << 20);

    /// <summary><c>--history</c>, <c>--source-history</c>, <c>--delay</c> of <c>te</c> and <c>ais</c>: lags in time steps (the embedding's width grows with them).</summary>
    public static readonly (int Min, int Max) History = (1, 1_000);

    /// <summary><c>ib --clusters</c>: |T|, the bottleneck's cardinality.</summary>
    public static readonly (int Min, int Max) Clusters = (1, 10_000);

    /// <summary><c>ib --restarts</c>: starts of the iterative IB at one β, each a full solve.</summary>
    public static readonly (int Min, int Max) Restarts = (1, 1_000);

    /// <summary><c>infoplane --epochs</c>.</summary>
    public static readonly (int Min, int Max) Epochs = (1, 10_000);

    /// <summary><c>infoplane --knn-samples</c>: 0 (off) or a subsample of 20 or more rows, at most the 1797 digits.</summary>
    public static readonly (int Min, int Max) NeighbourSamples = (0, 1_797);

    /// <summary><c>--ci</c>: a confidence level strictly between 0 and 1.</summary>
    public static readonly Interval Confidence = new(0, 1, MinIncluded: false, MaxIncluded: false);

    /// <summary>A positive, finite number (<c>--temperature</c>, <c>--noise-variance</c>).</summary>
    public static readonly Interval Positive = new(0, double.MaxValue, MinIncluded: false, MaxIncluded: true);

    /// <summary>A non-negative, finite number (<c>--beta</c>: β = 0 is the trivial solution).</summary>
    public static readonly Interval NonNegative = new(0, double.MaxValue, MinIncluded: true, MaxIncluded: true);

    /// <summary>A fraction in [0, 1] (<c>--label-smoothing</c>).</summary>
    public static readonly Interval Fraction = new(0, 1, MinIncluded: true, MaxIncluded: true);

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
    public static Option<T> Within<T>(this Option<T> option, double min, double max) =>
        option.Within(new Interval(min, max, MinIncluded: true, MaxIncluded: true));

    /// <summary>Adds a range check (open or closed at either end) to <paramref name="option"/> and the range to its help text.</summary>
    /// <typeparam name="T">The option's numeric type (int, long, double, or a nullable of one).</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="range">The allowed interval.</param>
    /// <returns>The same option.</returns>
    public static Option<T> Within<T>(this Option<T> option, Interval range)
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        string text = range.Describe(integers: type != typeof(double) && type != typeof(float));
        option.Description = $"{option.Description} [range {text}]".TrimStart();
        option.Validators.Add(result =>
        {
            // A token that does not parse as T is the parser's error (one line naming the option); no range to check.
            if (!TryValue(result, out T? parsed) || parsed is not { } value)
            {
                return;
            }

            double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (!range.Contains(number))
            {
                result.AddError($"{option.Name} must be in {text}; got {Convert.ToString(value, CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    private static bool TryValue<T>(OptionResult result, out T? value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
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
        value == int.MaxValue ? "2147483647"
        : value == int.MinValue ? "-2147483648"
        : value == double.MaxValue ? "∞"
        : value.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>An interval of allowed values, each end open or closed; NaN is never inside.</summary>
    /// <param name="Min">The lower end.</param>
    /// <param name="Max">The upper end (<see cref="double.MaxValue"/> for "any finite number").</param>
    /// <param name="MinIncluded">Is <paramref name="Min"/> allowed?</param>
    /// <param name="MaxIncluded">Is <paramref name="Max"/> allowed?</param>
    internal readonly record struct Interval(double Min, double Max, bool MinIncluded, bool MaxIncluded)
    {
        /// <summary>Whether <paramref name="x"/> lies in the interval.</summary>
        public bool Contains(double x) =>
            !double.IsNaN(x)
            && (MinIncluded ? x >= Min : x > Min)
            && (MaxIncluded ? x <= Max : x < Max);

        /// <summary>"1–1000" for a closed range of integers; "[0, 1]", "(0, 1)" or "(0, ∞)" for real numbers.</summary>
        /// <param name="integers">The option takes integers.</param>
        public string Describe(bool integers) =>
            integers && MinIncluded && MaxIncluded
                ? $"{Format(Min)}–{Format(Max)}"
                : $"{(MinIncluded ? '[' : '(')}{Format(Min)}, {Format(Max)}{(MaxIncluded && Max != double.MaxValue ? ']' : ')')}";
    }
}
