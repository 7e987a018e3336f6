namespace Shannon.Fuzz.Tests;

/// <summary>A test class's own temporary directory, made for each test and deleted after it: the files a fuzz test writes and reads.</summary>
/// <param name="prefix">The directory name's prefix (<c>shannon-…-</c>), so a leftover says which tests made it.</param>
/// <remarks>The fuzz project's counterpart of Shannon.Cli.Tests' fixture of the same name; test projects do not reference each other.</remarks>
public abstract class ScratchDirectoryTests(string prefix) : IDisposable
{
    /// <summary>The directory's full path.</summary>
    protected string Scratch { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The path of <paramref name="name"/> in the directory.</summary>
    protected string PathOf(string name) => Path.Combine(Scratch, name);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Directory.Delete(Scratch, recursive: true);
        }
    }
}
