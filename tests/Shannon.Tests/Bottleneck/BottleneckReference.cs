using System.Text.Json;

namespace Shannon.Tests.Bottleneck;

/// <summary>Reads References/bottleneck_reference.json, written by bottleneck_reference.py (scipy optimisation and brute force).</summary>
internal static class BottleneckReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "bottleneck_reference.json"))).RootElement);

    public static JsonElement Section(string name) => Root.Value.GetProperty(name);

    public static double[] Numbers(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
