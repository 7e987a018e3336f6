using System.Text.Json;

namespace Shannon.Tests.Calibration;

/// <summary>The numpy, scikit-learn and PyTorch values written by References/calibration_reference.py (committed JSON).</summary>
internal static class CalibrationReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "calibration_reference.json"))));

    /// <summary>The whole document, for a section that is one case (ties).</summary>
    public static JsonElement Root => Document.Value.RootElement;

    /// <summary>The cases of one section (multiclass, logits, binary, debiased_monte_carlo).</summary>
    public static IEnumerable<JsonElement> Cases(string section) => Document.Value.RootElement.GetProperty(section).EnumerateArray();

    public static double[] Doubles(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double Number(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static string Name(this JsonElement element) => element.GetProperty("name").GetString()!;

    /// <summary>|actual − expected| ≤ relative·|expected| or ≤ absolute (NaN matches NaN), naming the quantity on failure.</summary>
    public static void Close(double expected, double actual, double relative, string what, double absolute = 0.0)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
        {
            return;
        }

        double error = Math.Abs(actual - expected);
        Assert.True(error <= relative * Math.Abs(expected) || error <= absolute, $"{what}: expected {expected:R}, got {actual:R} (error {error:E2})");
    }

    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double relative, string what, double absolute = 0.0)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {expected.Length} values expected, {actual.Length} given");
        for (int i = 0; i < expected.Length; i++)
        {
            Close(expected[i], actual[i], relative, $"{what}[{i}]", absolute);
        }
    }
}
