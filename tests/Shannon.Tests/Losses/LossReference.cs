using System.Text.Json;

namespace Shannon.Tests.Losses;

/// <summary>
/// The PyTorch values written by References/losses_reference.py and the autograd gradients written by
/// References/loss_gradients_reference.py (committed JSON; CI needs no Python).
/// </summary>
internal static class LossReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "losses_reference.json"))));

    private static readonly Lazy<JsonDocument> GradientDocument = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "loss_gradients_reference.json"))));

    /// <summary>The cases of one section (softmax, cross_entropy, …).</summary>
    public static IEnumerable<JsonElement> Cases(string section) => Document.Value.RootElement.GetProperty(section).EnumerateArray();

    /// <summary>The cases of one section of the gradient reference (nll, bce, bce_logits, kl_div, focal, info_nce, nt_xent, gaussian_kl).</summary>
    public static IEnumerable<JsonElement> GradientCases(string section) => GradientDocument.Value.RootElement.GetProperty(section).EnumerateArray();

    /// <summary>A case's label for failure messages: its dtype and reduction.</summary>
    public static string Label(this JsonElement element, string kind) =>
        $"{kind} {element.GetProperty("dtype").GetString()} {element.GetProperty("reduction").GetString()}";

    /// <summary>
    /// Checks a gradient against the case's entry <paramref name="name"/>, each entry within <paramref name="tolerance"/>
    /// relative or <paramref name="absolute"/> times the largest expected magnitude (at least 1).
    /// </summary>
    public static void CloseGradient(this JsonElement element, string name, ReadOnlySpan<double> actual, double tolerance, double absolute, string what)
    {
        double[] expected = element.Doubles(name);
        double largest = Math.Max(1.0, expected.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max());
        Close(expected, actual, tolerance, $"{what} {name}", absolute * largest);
    }

    /// <inheritdoc cref="CloseGradient(JsonElement, string, ReadOnlySpan{double}, double, double, string)"/>
    public static void CloseGradient(this JsonElement element, string name, ReadOnlySpan<float> actual, double tolerance, double absolute, string what) =>
        element.CloseGradient(name, actual.ToArray().Select(v => (double)v).ToArray(), tolerance, absolute, what);

    public static double[] Doubles(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(ReadNumber).ToArray();

    public static float[] Floats(this JsonElement element, string name) =>
        element.Doubles(name).Select(v => (float)v).ToArray();

    public static int[] Ints(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double Number(this JsonElement element, string name) => ReadNumber(element.GetProperty(name));

    public static bool IsDouble(this JsonElement element) => element.GetProperty("dtype").GetString() == "float64";

    /// <summary>The case's "reduction" as a <see cref="Shannon.Losses.LossReduction"/>.</summary>
    public static Shannon.Losses.LossReduction Reduction(this JsonElement element) => element.GetProperty("reduction").GetString() switch
    {
        "mean" => Shannon.Losses.LossReduction.Mean,
        "sum" => Shannon.Losses.LossReduction.Sum,
        _ => Shannon.Losses.LossReduction.None,
    };

    /// <summary>
    /// Checks a reduced loss against the case's "loss": the value itself, or every element for reduction 'none'.
    /// </summary>
    public static void CloseLoss(this JsonElement element, Shannon.Losses.CrossEntropyResult result, double[] elementLosses, double tolerance, string what, double absolute = 0.0)
    {
        double[] expected = element.Doubles("loss");
        if (result.Reduction == Shannon.Losses.LossReduction.None)
        {
            Close(expected, elementLosses, tolerance, what, absolute);
        }
        else
        {
            Close(expected[0], result.Value, tolerance, what, absolute);
        }
    }

    /// <summary>
    /// Asserts |actual − expected| ≤ tolerance · |expected| (relative) or ≤ <paramref name="absolute"/>, naming the
    /// case and index on failure.
    /// </summary>
    public static void Close(double expected, double actual, double tolerance, string what, double absolute = 0.0)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
        {
            return;
        }

        if (double.IsInfinity(expected) && expected == actual)
        {
            return;
        }

        double error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance * Math.Abs(expected) || error <= absolute, $"{what}: expected {expected:R}, got {actual:R} (error {error:E2})");
    }

    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what, double absolute = 0.0)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Close(expected[i], actual[i], tolerance, $"{what}[{i}]", absolute);
        }
    }

    private static double ReadNumber(JsonElement v) => v.ValueKind == JsonValueKind.String
        ? v.GetString() switch { "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, _ => double.NaN }
        : v.GetDouble();
}
