using System.Diagnostics;
using CsCheck;
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
    public void Several_outputs_are_one_commit_a_failing_second_writer_replaces_no_file()
    {
        // Before: logistic wrote --logits, then failed on --labels, leaving new logits beside old labels.
        string first = _files.Write("logits.npy", "old logits");
        string second = _files.Write("labels.txt", "old labels");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteAll(
            [new(first, stream => stream.Write("new logits"u8)), new(second, _ => throw new InvalidOperationException("disk full"))]));
        Assert.Equal("old logits", File.ReadAllText(first));
        Assert.Equal("old labels", File.ReadAllText(second));
        Assert.Equal(["labels.txt", "logits.npy"], Directory.GetFiles(_files.Directory).Select(Path.GetFileName).Order());

        AtomicFile.WriteAll([new(first, stream => stream.Write("new logits"u8)), new(second, stream => stream.Write("new labels"u8))]);
        Assert.Equal("new logits", File.ReadAllText(first));
        Assert.Equal("new labels", File.ReadAllText(second));
    }

    [Fact]
    public void A_rename_that_fails_after_the_first_output_was_replaced_puts_the_first_back()
    {
        // The second target turns into a non-empty directory while its temporary is written (the file system changing
        // under the command, as an immutable or read-only target does): its rename fails even for root.
        string first = _files.Write("a.txt", "old a");
        string fresh = _files.Path("fresh.txt");
        string second = _files.Path("b.txt");
        var failure = Assert.Throws<IOException>(() => AtomicFile.WriteAll(
        [
            new(first, stream => stream.Write("new a"u8)),
            new(fresh, stream => stream.Write("new fresh"u8)),
            new(second, stream =>
            {
                stream.Write("new b"u8);
                Directory.CreateDirectory(second);
                File.WriteAllText(Path.Combine(second, "inside"), "x");
            }),
        ]));
        Assert.Equal("old a", File.ReadAllText(first));
        Assert.False(File.Exists(fresh), "an output that did not exist before is removed again");
        Assert.Contains($"'{second}'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("put back", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["a.txt"], Directory.GetFiles(_files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_directory_that_refuses_new_files_is_named_by_the_users_path_not_the_temporary()
    {
        // /proc takes no new files, for root too. Before: "Could not find file '/proc/.x.txt.4711.….tmp'".
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc is Linux's
        }

        var failure = Assert.Throws<IOException>(() => AtomicFile.WriteAllText("/proc/x.txt", "text"));
        Assert.Equal("cannot write '/proc/x.txt': the file system refused to create a file in its directory.", failure.Message);
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
    public void Writing_to_a_hard_link_of_the_input_leaves_the_input_intact_under_its_own_name()
    {
        // SameFile does not see hard links; the rename in Write is why that loses nothing (see SameFile's remarks).
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string input = _files.Write("in.txt", "the input");
        string link = _files.Path("link.txt");
        using (var ln = Process.Start("ln", [input, link]))
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }

        Assert.False(AtomicFile.SameFile(input, link));
        AtomicFile.WriteAllText(link, "the output", inputs: [input]);
        Assert.Equal("the input", File.ReadAllText(input));
        Assert.Equal("the output", File.ReadAllText(link));
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
    public void An_output_through_a_linked_directory_that_is_an_input_is_refused()
    {
        string input = _files.Write("t.txt", "the input");
        string linkedDirectory = _files.Path("dl");
        Directory.CreateSymbolicLink(linkedDirectory, _files.Directory);
        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(Path.Combine(linkedDirectory, "t.txt"), "compressed", [input]));
        Assert.Contains("also an input", error.Message);
        Assert.Equal("the input", File.ReadAllText(input));

        // The same the other way round (the input named through the link), and through a relative link to a link.
        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(input, "x", [Path.Combine(linkedDirectory, "t.txt")]));
        Directory.CreateDirectory(_files.Path("sub"));
        Directory.CreateSymbolicLink(_files.Path("sub/up"), Path.Combine("..", "dl"));
        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(_files.Path("sub/up/./t.txt"), "x", [input]));
        Assert.Equal("the input", File.ReadAllText(input));
        Assert.Equal(["t.txt"], Directory.GetFiles(_files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Same_file_follows_links_in_every_component_and_needs_no_file()
    {
        string directory = Directory.CreateDirectory(_files.Path("real")).FullName;
        Directory.CreateSymbolicLink(_files.Path("dl"), "real");
        File.CreateSymbolicLink(_files.Path("real/fl.npy"), "out.npy");
        Assert.True(AtomicFile.SameFile(_files.Path("dl/out.npy"), Path.Combine(directory, "out.npy")));
        Assert.True(AtomicFile.SameFile(_files.Path("dl/fl.npy"), _files.Path("real/../dl/out.npy")));
        Assert.True(AtomicFile.SameFile(_files.Path("dl/new/a.txt"), _files.Path("real/new/a.txt")));
        Assert.False(AtomicFile.SameFile(_files.Path("dl/out.npy"), _files.Path("dl/out.txt")));
        Assert.False(AtomicFile.SameFile(_files.Path("dl/out.npy"), _files.Path("out.npy")));
        Assert.False(File.Exists(Path.Combine(directory, "out.npy")));
    }

    [Fact]
    public void Same_file_holds_for_any_name_through_a_link_and_only_for_that_name()
    {
        Directory.CreateDirectory(_files.Path("real"));
        Directory.CreateSymbolicLink(_files.Path("dl"), _files.Path("real"));
        var name = Gen.Char["abcxyz.-_"].Array[1, 8].Select(c => new string(c)).Where(n => n is not "." and not "..");
        Gen.Select(name, name).Sample((a, b) =>
        {
            Assert.True(AtomicFile.SameFile(_files.Path("dl/" + a), _files.Path("real/" + a)));
            Assert.Equal(a == b, AtomicFile.SameFile(_files.Path("dl/" + a), _files.Path("real/" + b)));
        });
    }

    [Fact]
    public void Same_file_refuses_empty_paths_and_link_cycles()
    {
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => AtomicFile.SameFile(" ", "x")).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => AtomicFile.SameFile("x", "")).ParamName);
        File.CreateSymbolicLink(_files.Path("loop1"), "loop2");
        File.CreateSymbolicLink(_files.Path("loop2"), "loop1");
        Assert.Contains("too many levels", Assert.Throws<IOException>(() => AtomicFile.SameFile(_files.Path("loop1/x"), "x")).Message);
        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(_files.Path("loop1"), "x"));
        Assert.NotNull(new FileInfo(_files.Path("loop1")).LinkTarget);
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var mode in new[] { UnixFileMode.UserRead | UnixFileMode.UserWrite, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherExecute })
        {
            string path = _files.Write("private.shn", "secret");
            File.SetUnixFileMode(path, mode);
            AtomicFile.WriteAllText(path, "new secret");
            Assert.Equal("new secret", File.ReadAllText(path));
            Assert.Equal(mode, File.GetUnixFileMode(path));
            File.Delete(path);
        }

        // Through a link, the link's target keeps its mode.
        string target = _files.Write("target.txt", "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.CreateSymbolicLink(_files.Path("link.txt"), target);
        AtomicFile.WriteAllText(_files.Path("link.txt"), "new");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
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
