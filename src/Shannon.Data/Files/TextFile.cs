using System.Text;

namespace Shannon.Data.Files;

/// <summary>
/// Reads a text input strictly: UTF-8 (or UTF-16 with its byte-order mark), never a binary file decoded into
/// replacement characters. A file that is not text is refused with its name and the offset of the first byte that
/// is not text, so no message ever quotes the raw bytes of a binary file.
/// </summary>
public static class TextFile
{
    /// <summary>
    /// The largest text input read whole, in bytes: 1 GiB (2³⁰). Its characters fill a .NET string of at most about
    /// 2³⁰ characters, and reading it takes about five times its size in memory (bytes, characters, string).
    /// </summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads a whole text file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">How messages name the input (an option or argument, e.g. <c>--weights</c>).</param>
    /// <returns>The text, without a byte-order mark.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is larger than <see cref="MaxBytes"/> (refused before anything is allocated), or holds a NUL byte or bytes that are not UTF-8: it is binary, not text.</exception>
    public static string ReadAllText(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(name);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long length = stream.Length;
        if (length > MaxBytes)
        {
            throw TooLarge($"{name} '{path}'", length);
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return Decode(bytes, $"{name} '{path}'");
    }

    /// <summary>The error for a text input larger than <see cref="MaxBytes"/>, naming it, its size and the limit.</summary>
    /// <param name="name">How messages name the input, e.g. <c>P 'p.txt'</c>.</param>
    /// <param name="length">Its size in bytes (or at least the bytes seen so far).</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidDataException TooLarge(string name, long length) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name} is {length} bytes ({length / (double)(1L << 30):0.0} GiB), more than the {MaxBytes} bytes (1 GiB) a text input may hold: it is read whole into memory."));

    /// <summary>Decodes bytes that should be text (a file's or standard input's).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="name">How messages name the input.</param>
    /// <returns>The text, without a byte-order mark.</returns>
    /// <exception cref="InvalidDataException">The bytes hold a NUL or are not UTF-8 (nor UTF-16 with a byte-order mark).</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        else if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF
                ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)
                : new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            try
            {
                return utf16.GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException($"{name} starts with a UTF-16 byte-order mark but is not UTF-16 text.");
            }
        }

        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        int nul = bytes[..read].IndexOf((byte)0);
        if (nul >= 0)
        {
            throw NotText(name, nul, 0);
        }

        if (status != System.Buffers.OperationStatus.Done)
        {
            // InvalidData stops at the bad sequence; NeedMoreData at a sequence cut off by the end of the input.
            throw NotText(name, read, read < bytes.Length ? bytes[read] : (byte)0);
        }

        return new string(chars, 0, written);
    }

    private static InvalidDataException NotText(string name, long offset, byte value) =>
        new($"{name} is not text: byte 0x{value:X2} at offset {offset} is not UTF-8 (is it a binary file?).");
}
