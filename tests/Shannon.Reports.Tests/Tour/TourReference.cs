using System.Text.Json;

namespace Shannon.Reports.Tests.Tour;

/// <summary>tour_reference.json: the numpy/scipy/torch values and the verdict on every lesson claim.</summary>
internal static class TourReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "tour_reference.json"))).RootElement);

    public static double Value(string id) => Root.Value.GetProperty("values").GetProperty(id).GetDouble();

    public static IEnumerable<string> ValueIds() => Root.Value.GetProperty("values").EnumerateObject().Select(value => value.Name);


    public static bool ClaimIsCorrect(string id) => Root.Value.GetProperty("claims").EnumerateArray()
        .Single(claim => claim.GetProperty("id").GetString() == id).GetProperty("correct").GetBoolean();

    public static IEnumerable<string> ClaimIds() =>
        Root.Value.GetProperty("claims").EnumerateArray().Select(claim => claim.GetProperty("id").GetString()!);
}
