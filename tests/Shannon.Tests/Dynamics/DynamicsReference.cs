using System.Text.Json;

namespace Shannon.Tests.Dynamics;

/// <summary>Reads References/dynamics_reference.json (written by dynamics_reference.py from the definitions in numpy).</summary>
internal static class DynamicsReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "dynamics_reference.json"))).RootElement);

    public static JsonElement Object(string name) => Root.Value.GetProperty(name);

    public static double[] Doubles(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
}
