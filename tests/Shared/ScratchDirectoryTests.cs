using Shannon.Data.Npy;

namespace Shannon.Testing;

/// <summary>A test class's own temporary directory, made for each test and deleted after it: the files a CLI or fuzz test writes and reads.</summary>
/// <remarks>One source file compiled into each test project that needs it (tests/Directory.Build.props does not add it: test projects do not reference each other).</remarks>
/// <param name="prefix">The directory name's prefix (<c>shannon-…-</c>), so a leftover says which tests made it.</param>
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

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the directory and returns its path.</summary>
    protected string File(string name, string text)
    {
        string path = PathOf(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes <paramref name="values"/> as a .npy array of <paramref name="shape"/> (row-major float32) to <paramref name="name"/> in the directory and returns its path.</summary>
    protected string Npy(string name, float[] values, params int[] shape)
    {
        string path = PathOf(name);
        NpyFile.Write(path, values, shape);
        return path;
    }

    /// <summary>Writes <paramref name="values"/> as a .npy array of <paramref name="shape"/> (row-major float64) to <paramref name="name"/> in the directory and returns its path.</summary>
    protected string Npy(string name, double[] values, params int[] shape)
    {
        string path = PathOf(name);
        NpyFile.Write(path, values, shape);
        return path;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Directory.Delete(Scratch, recursive: true);
        }
    }
}
