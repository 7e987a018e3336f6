using System.Reflection;

namespace Shannon.Reports.Demo;

/// <summary>
/// The demo data set built into the tool, so <c>shannon report</c> runs with no file: Breast Cancer Wisconsin
/// (Diagnostic), 569 rows × 30 numeric features + <c>target</c> (malignant / benign).
/// </summary>
internal static class DemoData
{
    /// <summary>File name the demo is written under.</summary>
    public const string FileName = "breast_cancer.csv";

    /// <summary>The demo's target column.</summary>
    public const string Target = "target";

    /// <summary>Where the data came from and its licence, printed in the report.</summary>
    public const string Provenance =
        "built-in demo: Breast Cancer Wisconsin (Diagnostic), 569 × 30 + target; Wolberg, Street and Mangasarian (1995), "
        + "UCI Machine Learning Repository, doi:10.24432/C5DW2B; exported from scikit-learn 1.2.1 (BSD-3-Clause)";

    /// <summary>Writes the embedded CSV into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteTo(string directory)
    {
        string path = Path.Combine(directory, FileName);
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("Shannon.Reports.Demo.breast_cancer.csv")
            ?? throw new InvalidOperationException("The embedded demo data breast_cancer.csv is missing.");
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }
}
