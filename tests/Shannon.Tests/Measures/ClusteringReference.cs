using System.Text.Json;

namespace Shannon.Tests.Measures;

/// <summary>One case of References/clustering_reference.json (scikit-learn values and an exact expected MI).</summary>
public sealed record ClusteringReference(
    string Name, int[]? IntTrue, int[]? IntPredicted, string[]? StringTrue, string[]? StringPredicted,
    int ClustersTrue, int ClustersPredicted, JsonElement Values)
{
    public static IReadOnlyList<ClusteringReference> All { get; } = Load();

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var c in All)
        {
            names.Add(c.Name);
        }

        return names;
    }

    public static ClusteringReference Named(string name) => All.Single(c => c.Name == name);

    public Shannon.Measures.ContingencyTable Table() => IntTrue is not null
        ? Shannon.Measures.ContingencyTable.FromLabels(IntTrue, IntPredicted!)
        : Shannon.Measures.ContingencyTable.FromLabels(StringTrue!, StringPredicted!);

    public double Value(string key) => Values.GetProperty(key).GetDouble();

    public double Value(string key, string method) => Values.GetProperty(key).GetProperty(method).GetDouble();

    private static List<ClusteringReference> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "References", "clustering_reference.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<ClusteringReference>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var t = c.GetProperty("labels_true");
            var p = c.GetProperty("labels_pred");
            bool strings = t[0].ValueKind == JsonValueKind.String;
            cases.Add(new ClusteringReference(
                c.GetProperty("name").GetString()!,
                strings ? null : t.EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                strings ? null : p.EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                strings ? t.EnumerateArray().Select(e => e.GetString()!).ToArray() : null,
                strings ? p.EnumerateArray().Select(e => e.GetString()!).ToArray() : null,
                c.GetProperty("clusters_true").GetInt32(),
                c.GetProperty("clusters_pred").GetInt32(),
                c.Clone()));
        }

        return cases;
    }
}
