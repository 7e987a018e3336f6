namespace Shannon.Reports.Tests.Information;

/// <summary>Paths of the repository's data/ files, found by walking up from the test binaries to Shannon.slnx.</summary>
internal static class RepositoryData
{
    public static string Path(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Shannon.slnx")))
            {
                return System.IO.Path.Combine(directory.FullName, "data", fileName);
            }
        }

        throw new DirectoryNotFoundException("Shannon.slnx not found above the test binaries.");
    }
}
