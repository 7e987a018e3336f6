using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shannon.Cli;

/// <summary>Writes results: exactly one JSON object with <c>--json</c>, else human lines with the unit.</summary>
/// <remarks>
/// The one guard against silent non-finite results: a NaN reaching either form is refused with exit code 2 and the
/// field named, so no command can print NaN with exit 0. Infinities pass: where they are printed they are the
/// mathematically right value (KL = +∞ where q = 0 &lt; p, perplexity = +∞ for a token of probability 0), written
/// <c>"Infinity"</c> / <c>"-Infinity"</c> in JSON and <c>Infinity</c> / <c>-Infinity</c> for people.
/// </remarks>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Infinity is written as the strings "Infinity" and "-Infinity"; NaN never gets this far (the converters refuse it).
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new FiniteOrInfinite<double>(), new FiniteOrInfinite<float>() },
    };

    /// <summary>Writes one JSON object (keys in the given order) and a newline; a command that read a table gets <c>rows_dropped</c> last.</summary>
    /// <exception cref="InvalidDataException">A value anywhere in a field is NaN (the field is named).</exception>
    public static void Json(CliContext context, IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var json = new StringBuilder("{");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (!seen.Add(key))
            {
                throw new InvalidOperationException($"The JSON key '{key}' is written twice.");
            }

            string serialized;
            try
            {
                serialized = JsonSerializer.Serialize(value, JsonOptions);
            }
            catch (NotANumberException)
            {
                throw Undefined(key);
            }

            json.Append(json.Length > 1 ? "," : string.Empty).Append(JsonSerializer.Serialize(key, JsonOptions)).Append(':').Append(serialized);
        }

        if (context.RowsDropped is { } dropped && !seen.Contains("rows_dropped"))
        {
            json.Append(json.Length > 1 ? "," : string.Empty).Append("\"rows_dropped\":").Append(JsonSerializer.Serialize(RowsDropped(dropped), JsonOptions));
        }

        context.Out.WriteLine(json.Append('}').ToString());
    }

    /// <summary>
    /// The <c>rows_dropped</c> field every command that reads a table adds to its JSON:
    /// <c>{"count": 3, "rows_read": 150, "columns": {"age": {"empty": 2}, "income": {"nan": 1}}}</c>.
    /// </summary>
    public static Dictionary<string, object?> RowsDropped(Data.Tables.DroppedRows dropped) => new()
    {
        ["count"] = dropped.Dropped,
        ["rows_read"] = dropped.RowsRead,
        ["columns"] = dropped.Columns.ToDictionary(c => c.Column, c => c.Reasons().ToDictionary(r => r.Name, r => r.Count)),
    };

    /// <summary>
    /// The one number format for people: up to 10 significant digits, invariant culture, ∞ spelled out, and positional
    /// notation wherever it stays readable, from 10⁻⁹ up to 10¹⁵ (.NET's G10 alone writes a score of 0.000012 as
    /// 1.2E-05 and 12345678901 as 1.23456789E+10, which read as a different kind of number beside 0.25 in the same
    /// column); scientific notation only outside that range.
    /// </summary>
    /// <exception cref="InvalidDataException"><paramref name="x"/> is NaN.</exception>
    public static string Number(double x) =>
        double.IsNaN(x) ? throw Undefined("a result")
        : double.IsPositiveInfinity(x) ? "Infinity"
        : double.IsNegativeInfinity(x) ? "-Infinity"
        : x == 0 || Math.Abs(x) is >= PositionalFrom and < PositionalBelow
            ? decimal.Parse(x.ToString("G10", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : x.ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>The smallest magnitude <see cref="Number"/> writes positionally: 10⁻⁹ (with 10 digits, at most 19 decimals).</summary>
    private const double PositionalFrom = 1e-9;

    /// <summary>The magnitude from which <see cref="Number"/> writes scientific notation: 10¹⁵.</summary>
    private const double PositionalBelow = 1e15;

    /// <summary>
    /// A value for a field documented as <c>null</c> when it was not computed or is undefined for the input (a
    /// standard error from one token, an interval that was not asked for): NaN becomes null, anything else passes.
    /// </summary>
    public static double? OrNull(double x) => double.IsNaN(x) ? null : x;

    private static InvalidDataException Undefined(string field) =>
        new($"{(field == "a result" ? field : $"'{field}'")} is NaN: the quantity is undefined for this input, so nothing is printed.");

    /// <summary>Thrown by the converters when a value is NaN; turned into a message naming the field.</summary>
    private sealed class NotANumberException : Exception;

    /// <summary>Writes doubles and floats as the default serialiser does, refusing NaN.</summary>
    private sealed class FiniteOrInfinite<T> : JsonConverter<T>
        where T : struct, IFloatingPointIeee754<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("CliOutput only writes JSON.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (T.IsNaN(value))
            {
                throw new NotANumberException();
            }

            if (T.IsInfinity(value))
            {
                writer.WriteStringValue(T.IsPositive(value) ? "Infinity" : "-Infinity");
            }
            else if (typeof(T) == typeof(double))
            {
                writer.WriteNumberValue(double.CreateTruncating(value));
            }
            else
            {
                writer.WriteNumberValue(float.CreateTruncating(value));
            }
        }
    }
}
