using System.Text.Json;
using Shannon.Language.NGrams;

namespace Shannon.Language.Tests.NGrams;

/// <summary>Against References/kneser_ney_reference.py, an independent plain-Python implementation of the formulas.</summary>
public class KneserNeyReferenceTests
{
    private static readonly JsonElement Cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "kneser_ney_reference.json"))).RootElement.GetProperty("cases");

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var c in Cases.EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Log_probabilities_match_the_reference(string name)
    {
        var c = Cases.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var model = Train(c);
        Assert.Equal(c.GetProperty("vocabulary_size").GetInt32(), model.VocabularySize);
        int queries = 0;
        foreach (var q in c.GetProperty("queries").EnumerateArray())
        {
            string[] history = [.. q.GetProperty("history").EnumerateArray().Select(h => h.GetString()!)];
            double expected = q.GetProperty("log_probability").GetDouble();
            double actual = model.LogProbability(q.GetProperty("token").GetString()!, history);
            Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected), $"{name} query {queries}: {actual} vs {expected}");
            queries++;
        }

        Assert.True(queries >= 20);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Discounts_match_the_reference(string name)
    {
        var c = Cases.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var model = Train(c);
        int k = 1;
        foreach (var order in c.GetProperty("discounts").EnumerateArray())
        {
            double[] expected = [.. order.EnumerateArray().Select(d => d.GetDouble())];
            for (int count = 1; count <= 3; count++)
            {
                Assert.Equal(expected[count - 1], model.Table.Discount(k, count), 14);
            }

            k++;
        }
    }

    private static KneserNeyModel Train(JsonElement c) => KneserNeyModel.Train(
        c.GetProperty("text").GetString()!,
        c.GetProperty("order").GetInt32(),
        c.GetProperty("level").GetString() == "word" ? NGramLevel.Word : NGramLevel.Character,
        c.GetProperty("min_count").GetInt32());
}
