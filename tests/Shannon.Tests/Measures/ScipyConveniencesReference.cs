using System.Globalization;
using System.Text.Json;

namespace Shannon.Tests.Measures;

/// <summary>References/scipy_conveniences_reference.json: scipy.special's entr/rel_entr/kl_div, scipy.stats.entropy along rows, logsumexp with b.</summary>
internal static class ScipyConveniencesReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "scipy_conveniences_reference.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    /// <summary>A number as written by the generator: a JSON number, or "inf", "-inf", "nan".</summary>
    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" => double.NaN,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        }
        : e.GetDouble();

    public static double[] Numbers(JsonElement e) => [.. e.EnumerateArray().Select(Number)];

    /// <summary>
    /// Same special value (NaN, ±∞) or within 1e-12 relative; 1e-320 absolute absorbs a subnormal result's own
    /// rounding (a subnormal has fewer than 53 bits, so its relative error can exceed 1e-12 in any correct code).
    /// </summary>
    public static void Close(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= (1e-12 * Math.Abs(expected)) + 1e-320, $"{what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>
    /// Against a value scipy sums plainly: 1e-12 relative plus 1e-15 absolute, the rounding of a plain sum of terms up
    /// to about 0.4 (the exact values, held to 1e-12 relative, show which side is right when they differ).
    /// </summary>
    public static void CloseToScipySum(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= (1e-12 * Math.Abs(expected)) + 1e-15, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
