using System.Runtime.InteropServices;

namespace Shannon.Data.Files;

/// <summary>
/// The type of a file system entry on Unix (regular file, directory, device, FIFO, socket), which .NET's
/// <see cref="FileInfo"/> does not expose: it reports a device node such as <c>/dev/null</c> as a normal file.
/// </summary>
/// <remarks>
/// Reads the mode through the runtime's own native shim (<c>SystemNative_Stat</c> in libSystem.Native, present
/// wherever .NET runs on Unix), whose status record puts the mode at the same offset on every platform and
/// normalises the type bits to the POSIX values. Should the shim be unavailable, paths under <c>/dev</c>,
/// <c>/proc</c> and <c>/sys</c> count as special and everything else as regular.
/// </remarks>
internal static partial class FileType
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>What a path names.</summary>
    public enum Kind
    {
        /// <summary>Nothing exists at the path.</summary>
        Missing,

        /// <summary>A regular file.</summary>
        Regular,

        /// <summary>A directory.</summary>
        Directory,

        /// <summary>A device, FIFO, socket or other special file.</summary>
        Special,
    }

    /// <summary>The kind of entry at <paramref name="path"/>, following symbolic links.</summary>
    public static Kind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return System.IO.Directory.Exists(path) ? Kind.Directory : File.Exists(path) ? Kind.Regular : Kind.Missing;
        }

        try
        {
            if (Stat(path, out var status) != 0)
            {
                return Kind.Missing;
            }

            return (status.Mode & TypeMask) switch
            {
                RegularFile => Kind.Regular,
                Directory => Kind.Directory,
                _ => Kind.Special,
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return System.IO.Directory.Exists(path) ? Kind.Directory
                : !File.Exists(path) ? Kind.Missing
                : path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal)
                    || path.StartsWith("/sys/", StringComparison.Ordinal) ? Kind.Special
                : Kind.Regular;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out Status status);

    /// <summary>The start of the shim's status record (flags, then the mode); sized generously for the rest.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct Status
    {
        public int Flags;
        public int Mode;
    }
}
