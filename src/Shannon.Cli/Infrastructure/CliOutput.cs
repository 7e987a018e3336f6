using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shannon.Cli;

/// <summary>Writes results: exactly one JSON object with <c>--json</c>, else human lines with the unit.</summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Infinity and NaN are written as the strings "Infinity", "-Infinity" and "NaN".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON object (keys in the given order) and a newline.</summary>
    public static void Json(CliContext context, IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var ordered = new Dictionary<string, object?>(fields);
        context.Out.WriteLine(JsonSerializer.Serialize(ordered, JsonOptions));
    }

    /// <summary>A number for people: up to 10 significant digits, invariant culture, ∞ spelled out.</summary>
    public static string Number(double x) =>
        double.IsPositiveInfinity(x) ? "Infinity"
        : double.IsNegativeInfinity(x) ? "-Infinity"
        : x.ToString("G10", CultureInfo.InvariantCulture);
}
