using System.Text.Json;
using System.Text.Json.Serialization;
using Shannon.Data.Files;
using Shannon.Reports.Plots;

namespace Shannon.Reports.InformationPlane;

/// <summary>Writes an information-plane run to a directory: the planes and the curves as PNG and SVG, and the numbers as JSON.</summary>
internal static class InformationPlaneReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Writes information-plane.png/.svg (binned), information-plane-comparison.png/.svg (when the comparison estimates are on),
    /// training-curves.png/.svg and information-plane.json into <paramref name="directory"/> (created if missing);
    /// returns their paths.
    /// </summary>
    /// <exception cref="IOException"><paramref name="directory"/> exists and is not a directory, or a file in it cannot be replaced.</exception>
    public static IReadOnlyList<string> Write(InformationPlaneResult result, string directory)
    {
        AtomicFile.OutputDirectory(directory);
        var paths = new List<string>();
        void Save(ScottPlot.Plot plot, string name)
        {
            foreach (string extension in new[] { ".png", ".svg" })
            {
                string path = Path.Combine(directory, name + extension);
                FigureFile.Save(plot, path);
                paths.Add(path);
            }
        }

        Save(InformationPlaneFigures.Plane(result, neighbours: false), "information-plane");
        if (result.Options.NeighbourSamples > 0)
        {
            Save(InformationPlaneFigures.Plane(result, neighbours: true), "information-plane-comparison");
        }

        Save(InformationPlaneFigures.Curves(result), "training-curves");
        string json = Path.Combine(directory, "information-plane.json");
        AtomicFile.WriteAllText(json, Json(result));
        paths.Add(json);
        return paths;
    }

    /// <summary>The run as indented JSON with snake_case keys.</summary>
    public static string Json(InformationPlaneResult result) => JsonSerializer.Serialize(result, Options);
}
