using System.Text.Json;

namespace Shannon.Language.Tests.Logits;

/// <summary>The NumPy reference values of References/logits_reference.py.</summary>
internal static class LogitReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "logits_reference.json"))).RootElement);

    public static int Vocabulary => Root.Value.GetProperty("vocabulary").GetInt32();

    public static double Number(string name) => Root.Value.GetProperty(name).GetDouble();

    public static double[] Numbers(string name) => [.. Root.Value.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];

    public static int[] Integers(string name) => [.. Root.Value.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];

    public static JsonElement Element(string name) => Root.Value.GetProperty(name);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static void Close(double expected, double actual, double relative = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
