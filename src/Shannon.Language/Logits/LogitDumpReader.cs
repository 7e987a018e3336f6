using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Shannon.Data.Files;
using Shannon.Data.Npy;

namespace Shannon.Language.Logits;

/// <summary>
/// Reads a logit dump (a T×V float16/float32/float64 .npy table, as <see cref="LogitDump"/>) a block of rows at a
/// time, so that a dump larger than memory is scored in a fixed window.
/// </summary>
/// <remarks>
/// <para>The header is checked against the file before anything is read (<see cref="NpyFile.ReadHeader"/>), the token
/// ids against the table's shape exactly as <see cref="LogitDump.Of"/> does, and each block is widened to double
/// exactly. Memory held: the ids, one block of doubles and one block of the file's bytes; see
/// <see cref="WindowRows"/>.</para>
/// <para>Rows are read in order; only the used rows are handed out (T − 1 with T ids, T with T + 1 ids).</para>
/// </remarks>
public sealed class LogitDumpReader : IDisposable
{
    /// <summary>The bytes of doubles one block holds by default (8 MiB), unless a single row is larger.</summary>
    public const int DefaultWindowBytes = 8 << 20;

    private readonly BoundedReader _reader;
    private readonly NpyType _type;
    private readonly int[] _tokens;
    private byte[] _scratch = [];
    private int _rowsRead;

    private LogitDumpReader(BoundedReader reader, NpyType type, int vocabulary, int[] tokens, int windowBytes)
    {
        _reader = reader;
        _type = type;
        Vocabulary = vocabulary;
        _tokens = tokens;
        WindowRows = (int)Math.Clamp(windowBytes / (8L * vocabulary), 1, Math.Max(1, tokens.Length - 1));
    }

    /// <summary>V, the number of columns.</summary>
    public int Vocabulary { get; }

    /// <summary>The number of used rows: one per scored token.</summary>
    public int Count => _tokens.Length - 1;

    /// <summary>All token ids the model read; <see cref="Targets"/> are all but the first.</summary>
    public ReadOnlySpan<int> Tokens => _tokens;

    /// <summary>The true token of each used row: <see cref="Tokens"/> from index 1.</summary>
    public ReadOnlySpan<int> Targets => _tokens.AsSpan(1);

    /// <summary>The used rows read so far.</summary>
    public int RowsRead => _rowsRead;

    /// <summary>The rows of one block: as many as fit the window (at least one, at most <see cref="Count"/>).</summary>
    public int WindowRows { get; }

    /// <summary>Opens a logit dump for reading in blocks.</summary>
    /// <param name="path">A 2-D float16/float32/float64 .npy file, T×V.</param>
    /// <param name="tokens">T or T + 1 token ids, each in [0, V): as for <see cref="LogitDump.Read"/>.</param>
    /// <param name="windowBytes">The bytes of doubles a block may hold; at least one row is always read.</param>
    /// <returns>A reader positioned at the first row.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a 2-D floating-point .npy table, or its data disagrees with its header.</exception>
    /// <exception cref="ArgumentException"><paramref name="tokens"/> has neither T nor T + 1 ids, or fewer than 2.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A token id lies outside [0, V) (named with its index), or <paramref name="windowBytes"/> is not positive.</exception>
    public static LogitDumpReader Open(string path, ReadOnlySpan<int> tokens, int windowBytes = DefaultWindowBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowBytes);
        var reader = BoundedReader.Open(path);
        try
        {
            var header = NpyFile.ReadHeader(reader);
            if (header.Shape.Length != 2 || !header.IsFloatingPoint)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} holds a {header.Shape.Length}-D {header.Type} array; logits are a 2-D float table (tokens × vocabulary).");
            }

            int rows = header.Rows;
            int vocabulary = header.Columns;
            if (rows == 0 || vocabulary == 0)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} holds a {rows}×{vocabulary} table; logits need at least one row and one column.");
            }

            LogitDump.CheckTokens(rows, vocabulary, tokens);
            return new LogitDumpReader(reader, header.Type, vocabulary, tokens.ToArray(), windowBytes);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next used rows, widened to double, into <paramref name="destination"/>.</summary>
    /// <param name="destination">Room for whole rows: as many are read as fit, and as remain.</param>
    /// <returns>The number of rows read (0 at the end); their values are <c>destination[..(rows × V)]</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot hold one row while rows remain.</exception>
    /// <exception cref="InvalidDataException">The file ended early (it was truncated while being read).</exception>
    public int ReadRows(Span<double> destination)
    {
        int rows = Math.Min(destination.Length / Vocabulary, Count - _rowsRead);
        if (rows == 0)
        {
            return _rowsRead < Count
                ? throw new ArgumentException($"destination holds {destination.Length} values, less than one row of {Vocabulary}.", nameof(destination))
                : 0;
        }

        int count = rows * Vocabulary;
        var values = destination[..count];
        switch (_type)
        {
            case NpyType.Float64:
                _reader.ReadExactly(MemoryMarshal.AsBytes(values), "the logits");
                break;
            case NpyType.Float32:
                TensorPrimitives.ConvertChecked(MemoryMarshal.Cast<byte, float>(Read(count * 4)), values);
                break;
            default:
                var halves = MemoryMarshal.Cast<byte, Half>(Read(count * 2));
                for (int i = 0; i < count; i++)
                {
                    values[i] = (double)halves[i];
                }

                break;
        }

        _rowsRead += rows;
        return rows;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _reader.Dispose();

    private ReadOnlySpan<byte> Read(int bytes)
    {
        if (_scratch.Length < bytes)
        {
            _scratch = new byte[bytes];
        }

        var span = _scratch.AsSpan(0, bytes);
        _reader.ReadExactly(span, "the logits");
        return span;
    }
}
