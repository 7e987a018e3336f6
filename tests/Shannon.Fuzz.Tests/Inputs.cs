using System.Globalization;
using System.Text;
using CsCheck;

namespace Shannon.Fuzz.Tests;

/// <summary>CsCheck generators of hostile input: table cells, .npy files (well-formed and damaged), byte mutations.</summary>
internal static class Inputs
{
    public static readonly Gen<string> Cell = Gen.Frequency(
        (6, Gen.Int[-4, 4].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (4, Gen.Double[-1e3, 1e3].Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (3, Gen.OneOf("a", "b", "c", "yes", "no", "t", "f", "true", "False")),
        (3, Gen.OneOf(string.Empty, "NaN", "nan", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e-320", "-0", "NULL", "NA",
            "\"x,y\"", "\"\"", "é", "\U0001F4A5", " 1 ", "0x1F", "1,5", "\"multi\nline\"", "99999999999999999999999", "<b>", "'", "\\")));

    public static readonly Gen<string> ColumnName = Gen.OneOf("a", "b", "c", "y", "target", "count", "x y", "é", "feature", "value", "1", string.Empty, "a");

    public static readonly Gen<double> Value = Gen.Frequency(
        (8, Gen.Double[-8, 8]),
        (2, Gen.OneOf(0.0, 1.0, -1.0, 0.5)),
        (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e38, -1e38, 65504, 1e300, -1e300, double.Epsilon, -0.0)));

    /// <summary>A CSV text: a header of 1–4 names and 0–24 rows, now and then ragged or ending in junk.</summary>
    public static readonly Gen<(string[] Header, byte[] Bytes)> Csv =
        Gen.Select(ColumnName.Array[1, 4], Cell.Array[0, 4].Array[0, 24], Gen.Int[0, 9], (header, rows, quirk) =>
        {
            var text = new StringBuilder();
            text.AppendJoin(',', header.Select(h => h.Contains(' ', StringComparison.Ordinal) ? $"\"{h}\"" : h)).Append('\n');
            foreach (var row in rows)
            {
                var cells = quirk == 1 ? row : Enumerable.Range(0, header.Length).Select(i => i < row.Length ? row[i] : (i % 2).ToString(CultureInfo.InvariantCulture));
                text.AppendJoin(',', cells).Append(quirk == 2 ? "\r\n" : "\n");
            }

            byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
            return (header, quirk switch
            {
                3 => [.. bytes, 0x00, 0xFF, 0xFE, 0x93, (byte)'N'],
                4 => [0xEF, 0xBB, 0xBF, .. bytes],
                5 => bytes[..(bytes.Length / 2)],
                _ => bytes,
            });
        });

    /// <summary>A .npy file: a dtype, a shape of 0–6 per axis and values, then maybe damaged (truncated, a byte flipped, the shape or order rewritten).</summary>
    public static readonly Gen<byte[]> Npy =
        Gen.Select(Gen.OneOf("<f2", "<f4", "<f8", "<i4", "<i8", ">f4", "|u1", "<c8"), Gen.Int[0, 6].Array[1, 3], Value.Array[0, 40], Gen.Int[0, 11], Gen.Int[0, int.MaxValue], (descr, shape, values, damage, at) =>
        {
            byte[] file = NpyBytes(descr, shape, values, damage == 6 ? "True" : "False");
            return damage switch
            {
                1 => file[..(at % file.Length)],
                2 => Flip(file, at),
                3 => NpyBytes(descr, [], values, "False", "(4294967296, 4294967296)"),
                4 => NpyBytes(descr, [], values, "False", "(9223372036854775807, 3)"),
                5 => NpyBytes(descr, [], values, "False", "(-1,)"),
                7 => [.. file, .. "junk"u8],
                _ => file,
            };
        });

    /// <summary>A well-formed .npy of the given type and shape; values cycle through <paramref name="values"/> (zeros if empty).</summary>
    public static byte[] NpyBytes(string descr, int[] shape, double[] values, string fortran = "False", string? shapeText = null)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        shapeText ??= shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string dict = $"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {shapeText}, }}";
        int padded = (dict.Length + 11 + 63) / 64 * 64;
        string header = dict.PadRight(padded - 11) + "\n";
        var bytes = new List<byte>();
        bytes.AddRange([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        for (long i = 0; i < Math.Min(count, 4096); i++)
        {
            double v = values.Length == 0 ? 0 : values[i % values.Length];
            bytes.AddRange(descr switch
            {
                "<f2" => BitConverter.GetBytes((Half)v),
                "<f4" or ">f4" => BitConverter.GetBytes((float)v),
                "<f8" => BitConverter.GetBytes(v),
                "<i4" => BitConverter.GetBytes(double.IsFinite(v) ? (int)Math.Clamp(v, -10, 10) : -1),
                "<i8" => BitConverter.GetBytes(double.IsFinite(v) ? (long)Math.Clamp(v, -10, 10) : long.MaxValue),
                "|u1" => [(byte)(double.IsFinite(v) ? Math.Clamp(v, 0, 255) : 0)],
                _ => BitConverter.GetBytes(v),
            });
        }

        return [.. bytes];
    }

    /// <summary>Integer class labels as a .npy int64 vector.</summary>
    public static byte[] Labels(int[] labels) => NpyBytes("<i8", [labels.Length], [.. labels.Select(l => (double)l)]);

    public static byte[] Flip(byte[] bytes, int at)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        byte[] copy = [.. bytes];
        copy[at % copy.Length] ^= (byte)(1 << (at % 8));
        return copy;
    }

    /// <summary>Damages a file: a few bytes flipped, a 32-bit field overwritten with a huge count, truncation or junk.</summary>
    public static byte[] Damage(byte[] bytes, int kind, int at)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        int position = at % bytes.Length;
        switch (kind)
        {
            case 0:
                return bytes;
            case 1:
                return bytes[..position];
            case 2:
                return Flip(Flip(bytes, at), at / 7);
            case 3:
            case 4:
                byte[] copy = [.. bytes];
                uint huge = kind == 3 ? 1u << 29 : uint.MaxValue;
                int start = Math.Min(position & ~3, Math.Max(0, copy.Length - 4));
                BitConverter.GetBytes(huge).AsSpan(0, Math.Min(4, copy.Length - start)).CopyTo(copy.AsSpan(start));
                return copy;
            default:
                return [.. bytes, 0xFF, 0x00, 0x13];
        }
    }
}
