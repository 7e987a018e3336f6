using System.Diagnostics;
using Shannon.Data.Files;

namespace Shannon.Data.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Creates_and_replaces_a_regular_file_leaving_no_temporary_behind()
    {
        string path = _files.Path("out.txt");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["out.txt"], Directory.GetFiles(_files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failing_writer_leaves_the_previous_file_intact()
    {
        string path = _files.Write("keep.txt", "previous content");
        var failure = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("partial new content"u8);
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("disk full", failure.Message);
        Assert.Equal("previous content", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_files.Directory));
    }

    [Fact]
    public void Refuses_an_output_that_is_one_of_the_inputs_before_writing()
    {
        string input = _files.Write("text.txt", "the input");
        string sameFileOtherSpelling = Path.Combine(_files.Directory, ".", "text.txt");
        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(sameFileOtherSpelling, "html", [input]));
        Assert.Contains("also an input", error.Message);
        Assert.Equal("the input", File.ReadAllText(input));
    }

    [Fact]
    public void Refuses_directories_and_device_nodes()
    {
        Assert.Contains("is a directory", Assert.Throws<IOException>(() => AtomicFile.WriteAllText(_files.Directory, "x")).Message);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Contains("not a regular file", Assert.Throws<IOException>(() => AtomicFile.WriteAllText("/dev/null", "x")).Message);
            Assert.True(File.Exists("/dev/null"));
        }
    }

    [Fact]
    public void Refuses_a_fifo()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string fifo = _files.Path("pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        Assert.Contains("not a regular file", Assert.Throws<IOException>(() => AtomicFile.WriteAllText(fifo, "x")).Message);
    }

    [Fact]
    public void A_missing_directory_is_named_in_the_error()
    {
        string path = Path.Combine(_files.Directory, "no-such-dir", "out.txt");
        var error = Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Contains("no-such-dir", error.Message);
    }

    [Fact]
    public void A_symbolic_link_is_followed_and_kept()
    {
        string target = _files.Write("real.txt", "old");
        string link = _files.Path("link.txt");
        File.CreateSymbolicLink(link, target);
        AtomicFile.WriteAllText(link, "new");
        Assert.Equal("new", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Paths_are_literal()
    {
        string path = _files.Path("data[1]*.csv");
        AtomicFile.WriteAllText(path, "literal");
        Assert.Equal("literal", File.ReadAllText(path));
    }

    [Fact]
    public void Output_directories_are_created_or_refused_when_a_file_stands_in_the_way()
    {
        string created = AtomicFile.OutputDirectory(_files.Path("a/b"));
        Assert.True(Directory.Exists(created));
        Assert.Equal(created, AtomicFile.OutputDirectory(_files.Path("a/b")));
        Assert.False(Directory.Exists(AtomicFile.OutputDirectory(_files.Path("only-checked"), create: false)));
        string file = _files.Write("file.txt", "keep");
        Assert.Contains("is not a directory", Assert.Throws<IOException>(() => AtomicFile.OutputDirectory(file)).Message);
        Assert.Contains("is not a directory", Assert.Throws<IOException>(() => AtomicFile.OutputDirectory(Path.Combine(file, "sub", "dir"))).Message);
        Assert.Contains("is not a directory", Assert.Throws<IOException>(() => AtomicFile.WriteAllText(Path.Combine(file, "out.txt"), "x")).Message);
        Assert.Equal("keep", File.ReadAllText(file));
        Assert.Throws<ArgumentException>(() => AtomicFile.OutputDirectory(" "));
    }
}
