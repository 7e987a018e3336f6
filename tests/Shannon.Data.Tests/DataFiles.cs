namespace Shannon.Data.Tests;

/// <summary>The repository's data sets, copied next to the test assembly.</summary>
public static class DataFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "data", name);
}
