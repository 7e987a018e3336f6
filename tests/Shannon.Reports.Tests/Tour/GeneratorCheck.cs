using System.Text.Json;

namespace Shannon.Reports.Tests.Tour;

/// <summary>generator_check.json: the first draws of CPython's random, torch's CPU generator and scikit-learn's folds.</summary>
internal static class GeneratorCheck
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "generator_check.json"))).RootElement);

    public static JsonElement Get(string group, string key) => Root.Value.GetProperty(group).GetProperty(key);

    public static double[] Doubles(string group, string key) => Get(group, key).EnumerateArray().Select(value => value.GetDouble()).ToArray();

    public static long[] Integers(string group, string key) => Get(group, key).EnumerateArray().Select(value => value.GetInt64()).ToArray();
}
