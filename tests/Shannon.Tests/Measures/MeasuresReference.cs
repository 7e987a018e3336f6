using System.Globalization;
using System.Text.Json;

namespace Shannon.Tests.Measures;

/// <summary>One case of References/measures_reference.json: p, q, scipy's values per log base and 50-digit values in nats.</summary>
public sealed record MeasuresReference(string Name, double[] P, double[] Q, JsonElement Scipy, JsonElement Exact)
{
    public static IReadOnlyList<MeasuresReference> All { get; } = Load();

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var c in All)
        {
            names.Add(c.Name);
        }

        return names;
    }

    public static MeasuresReference Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The values of <paramref name="values"/> present in the file (a left-out value is absent), "Infinity" as +∞.</summary>
    public static IEnumerable<(string Measure, double Value)> Present(JsonElement values) =>
        values.EnumerateObject().Select(v => (v.Name, v.Value.ValueKind == JsonValueKind.String
            ? double.Parse(v.Value.GetString()!, CultureInfo.InvariantCulture)
            : v.Value.GetDouble()));

    private static List<MeasuresReference> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "References", "measures_reference.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new MeasuresReference(
            c.GetProperty("name").GetString()!,
            c.GetProperty("p").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            c.GetProperty("q").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            c.GetProperty("scipy").Clone(),
            c.GetProperty("exact").Clone())).ToList();
    }
}
