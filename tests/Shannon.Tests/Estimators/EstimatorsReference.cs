using System.Text.Json;

namespace Shannon.Tests.Estimators;

/// <summary>Reads References/estimators_reference.json (written by estimators_reference.py with scikit-learn and scipy).</summary>
internal static class EstimatorsReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "References", "estimators_reference.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    });

    public static IEnumerable<JsonElement> Cases(string name) => Root.Value.GetProperty(name).EnumerateArray();

    public static JsonElement Object(string name) => Root.Value.GetProperty(name);

    public static double[] Doubles(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
}
