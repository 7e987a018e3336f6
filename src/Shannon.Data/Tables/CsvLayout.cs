using System.IO.Compression;
using System.Text;

namespace Shannon.Data.Tables;

/// <summary>
/// The shape of a delimited text file as written: its header's fields and the first record whose field count differs.
/// DuckDB's sniffer answers a ragged file by falling back to one column named after the whole header line, so the
/// error the user saw was about a column; this reads the file itself to name the line at fault instead.
/// </summary>
/// <remarks>
/// Fields are split as RFC 4180 does: a field that starts with <c>"</c> runs to the closing quote (<c>""</c> is a
/// quote, delimiters and line breaks inside are text). A record's line is the physical line (1-based, the header is
/// line 1) where it starts. Blank lines are skipped, as DuckDB skips them. A <c>.gz</c> file is read through
/// <see cref="GZipStream"/>; a UTF-8 byte-order mark is dropped. Reference: Shafranovich, Y. (2005), RFC 4180,
/// Common Format and MIME Type for CSV Files, doi:10.17487/RFC4180.
/// </remarks>
internal static class CsvLayout
{
    /// <summary>A record that does not have the header's field count.</summary>
    /// <param name="Line">The physical line where the record starts (the header is line 1).</param>
    /// <param name="Fields">The record's field count.</param>
    /// <param name="HeaderFields">The header's field count.</param>
    public readonly record struct Ragged(long Line, int Fields, int HeaderFields);

    /// <summary>The field separator a file of this name uses: tab for <c>.tsv</c>; for <c>.csv</c> the one of <c>, ; | tab</c> most frequent in <paramref name="headerLine"/> (comma when none occurs).</summary>
    public static char Delimiter(string path, string headerLine)
    {
        string lower = path.ToLowerInvariant();
        if (lower.EndsWith(".tsv", StringComparison.Ordinal) || lower.EndsWith(".tsv.gz", StringComparison.Ordinal))
        {
            return '\t';
        }

        char best = ',';
        int most = 0;
        foreach (char candidate in ",;|\t")
        {
            int count = headerLine.AsSpan().Count(candidate);
            if (count > most)
            {
                best = candidate;
                most = count;
            }
        }

        return best;
    }

    /// <summary>The first non-blank physical line of the file (the header line as written), or the empty string.</summary>
    public static string FirstLine(string path)
    {
        using var reader = Open(path);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }
        }

        return string.Empty;
    }

    /// <summary>The header's fields, unquoted, split by <paramref name="delimiter"/>.</summary>
    public static List<string> HeaderFields(string path, char delimiter)
    {
        using var reader = Open(path);
        long line = 0;
        return NextRecord(reader, delimiter, ref line, out _) ?? [];
    }

    /// <summary>The first record whose field count differs from the header's, or null when every record has the header's count.</summary>
    public static Ragged? FirstRagged(string path, char delimiter)
    {
        using var reader = Open(path);
        long line = 0;
        var header = NextRecord(reader, delimiter, ref line, out _);
        if (header is null)
        {
            return null;
        }

        while (NextRecord(reader, delimiter, ref line, out long start) is { } record)
        {
            if (record.Count != header.Count)
            {
                return new Ragged(start, record.Count, header.Count);
            }
        }

        return null;
    }

    /// <summary>A field for a one-line message: control characters as <c>\uXXXX</c>, at most 40 characters.</summary>
    public static string Shown(string field)
    {
        var shown = new StringBuilder();
        foreach (char c in field.Length > 40 ? field[..37] : field)
        {
            shown.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return field.Length > 40 ? shown.Append("...").ToString() : shown.ToString();
    }

    private static StreamReader Open(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>Reads the next non-blank record; <paramref name="line"/> counts physical lines read so far, <paramref name="start"/> is the record's first line.</summary>
    private static List<string>? NextRecord(StreamReader reader, char delimiter, ref long line, out long start)
    {
        string? text;
        do
        {
            text = reader.ReadLine();
            line++;
            if (text is null)
            {
                start = line;
                return null;
            }
        }
        while (string.IsNullOrWhiteSpace(text));

        start = line;
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool fieldStart = true;
        while (true)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStart = true;
                    continue;
                }
                else if (c == '"' && fieldStart)
                {
                    quoted = true;
                }
                else
                {
                    field.Append(c);
                }

                fieldStart = false;
            }

            if (!quoted)
            {
                break;
            }

            // A quoted field runs on over the line break.
            text = reader.ReadLine();
            if (text is null)
            {
                break;
            }

            line++;
            field.Append('\n');
        }

        fields.Add(field.ToString());
        return fields;
    }
}
