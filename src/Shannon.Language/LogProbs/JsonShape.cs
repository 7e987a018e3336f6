using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shannon.Language.LogProbs;

/// <summary>Reads the fields of an engine's JSON, throwing <see cref="JsonFieldException"/> that names the missing or bad field.</summary>
internal static class JsonShape
{
    /// <summary>The property <paramref name="name"/> of an object, which must exist and not be null.</summary>
    public static JsonElement Required(JsonElement element, string name, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFieldException(path, $"{path} is {Kind(element)}, not an object.");
        }

        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new JsonFieldException($"{path}.{name}", $"{path} has no \"{name}\".");
        }

        return value;
    }

    /// <summary>The property <paramref name="name"/> when present and not null.</summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>An array's items; throws when <paramref name="element"/> is not an array.</summary>
    public static JsonElement.ArrayEnumerator Array(JsonElement element, string path) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray()
        : throw new JsonFieldException(path, $"{path} is {Kind(element)}, not an array.");

    /// <summary>A string; throws when <paramref name="element"/> is not one.</summary>
    public static string String(JsonElement element, string path) => element.ValueKind == JsonValueKind.String
        ? element.GetString()!
        : throw new JsonFieldException(path, $"{path} is {Kind(element)}, not a string.");

    /// <summary>A log-probability: a finite number ≤ 0 (engines write the most negative float for p = 0). No tolerance
    /// for positive values: a log-softmax rounded to nearest is never above 0, so a positive value is not rounding.</summary>
    public static double LogProbability(JsonElement element, string path)
    {
        double value = Number(element, path, LogProbabilityRule);
        return value <= 0 ? value : throw new JsonFieldException(path, $"{path} is {Shown(element)}, but {LogProbabilityRule}.");
    }

    /// <summary>A probability in [0, 1], returned as its natural logarithm.</summary>
    public static double ProbabilityAsLog(JsonElement element, string path)
    {
        double value = Number(element, path, ProbabilityRule);
        return value is >= 0 and <= 1 ? Math.Log(value) : throw new JsonFieldException(path, $"{path} is {Shown(element)}, but {ProbabilityRule}.");
    }

    /// <summary>A non-negative integer that fits in an <see cref="int"/> (a token id, a rank).</summary>
    public static int Count(JsonElement element, string path, string what)
    {
        string rule = $"{what} must be an integer 0 … {int.MaxValue}";
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new JsonFieldException(path, $"{path} is {Kind(element)}, not a number: {rule}.");
        }

        return element.TryGetInt32(out int value) && value >= 0 ? value : throw new JsonFieldException(path, $"{path} is {Shown(element)}, but {rule}.");
    }

    /// <summary>
    /// The problem with a line the JSON parser refused, at the value where it stopped: a bare <c>NaN</c>,
    /// <c>Infinity</c> or <c>-Infinity</c> (Python's json writes them; JSON has no such numbers) is named with its field
    /// and the rule it breaks; any other error gives the parser's reason, the byte and the field it was in.
    /// </summary>
    public static JsonFieldException Unparsable(string line, JsonException error)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(line);
        var (path, at) = Stop(utf8);
        int end = at;
        while (end < utf8.Length && end - at < 40 && (char.IsAsciiLetterOrDigit((char)utf8[end]) || utf8[end] is (byte)'+' or (byte)'-' or (byte)'.'))
        {
            end++;
        }

        string found = Encoding.UTF8.GetString(utf8, at, end - at);
        if (found.AsSpan().TrimStart("+-").Equals("Infinity", StringComparison.OrdinalIgnoreCase) || found.AsSpan().TrimStart("+-").Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonFieldException(path, $"{path} is {found}, which is not a JSON number (JSON has no infinities or NaN): {RuleFor(path)}.");
        }

        // The parser's own reason, without its "LineNumber: 0 | BytePositionInLine: n" (every line is line 0 to it).
        string reason = error.Message;
        int suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        reason = suffix > 0 ? reason[..suffix] : reason;
        return new JsonFieldException(path, $"not valid JSON at byte {at + 1} (near {path}): {reason}");
    }

    /// <summary>A token's UTF-8 bytes: its <c>bytes</c> array when present (exact for split characters), else its text encoded.</summary>
    public static byte[] TokenBytes(JsonElement entry, string text, string path)
    {
        if (!TryGet(entry, "bytes", out var bytes))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        Array(bytes, path + ".bytes");
        var result = new byte[bytes.GetArrayLength()];
        int i = 0;
        foreach (var b in bytes.EnumerateArray())
        {
            if (b.ValueKind != JsonValueKind.Number || !b.TryGetByte(out result[i]))
            {
                throw new JsonFieldException($"{path}.bytes[{i}]", $"{path}.bytes[{i}] is {Shown(b)}, not a byte (0–255).");
            }

            i++;
        }

        return result;
    }

    /// <summary>1 + the number of alternatives more probable than the true token, when the true token is among them; else 0 (unknown).</summary>
    public static int RankAmong(IReadOnlyList<TokenAlternative> alternatives, bool listed, double logProbability)
    {
        if (!listed)
        {
            return 0;
        }

        int above = 0;
        foreach (var alternative in alternatives)
        {
            if (alternative.LogProbability > logProbability)
            {
                above++;
            }
        }

        return above + 1;
    }

    private const string LogProbabilityRule = "a log-probability must be finite and ≤ 0";

    private const string ProbabilityRule = "a probability must lie in [0, 1]";

    /// <summary>A finite number; throws when <paramref name="element"/> is not a number or overflows a double (1e400),
    /// stating <paramref name="rule"/>.</summary>
    private static double Number(JsonElement element, string path, string rule)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new JsonFieldException(path, $"{path} is {Kind(element)}, not a number.");
        }

        // GetDouble reads 1e400 as +∞ and -1e400 as −∞: a value beyond a double's range is refused, not carried on.
        double value = element.GetDouble();
        return double.IsFinite(value)
            ? value
            : throw new JsonFieldException(path, $"{path} is {Shown(element)}, beyond the range of a double (it reads as {value.ToString(CultureInfo.InvariantCulture)}): {rule}.");
    }

    /// <summary>A value as written, cut to 40 characters (a hostile line may hold a number of a million digits).</summary>
    private static string Shown(JsonElement element)
    {
        string raw = element.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }

    /// <summary>The rule a non-number breaks, from the field's own name (the line did not parse, so no reader chose
    /// one): <c>logprob</c>, <c>token_logprobs[i]</c> → log-probability, <c>prob</c> → probability, else the general rule.</summary>
    private static string RuleFor(string path)
    {
        string last = path[(path.LastIndexOf('.') + 1)..];
        last = last.IndexOf('[', StringComparison.Ordinal) is int bracket and > 0 ? last[..bracket] : last;
        return last.Contains("logprob", StringComparison.Ordinal) ? LogProbabilityRule
            : last == "prob" ? ProbabilityRule
            : "every number must be finite (a log-probability finite and ≤ 0, a probability in [0, 1])";
    }

    /// <summary>Where the parser stops on a line: the JSON path of the value it was reading (<c>the line</c> at the top)
    /// and the byte offset where that value starts.</summary>
    private static (string Path, int At) Stop(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);

        // One frame per open container: an object's last property name, or an array's count of items begun.
        var frames = new List<(bool IsArray, string? Name, int Items)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = (false, reader.GetString(), 0);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            frames[^1] = (true, null, frames[^1].Items + 1);
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add((reader.TokenType == JsonTokenType.StartArray, null, 0));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Stopped where JsonDocument stopped: the frames describe the value being read.
        }

        // Outer arrays are inside their last item begun; the innermost one failed on the item after it.
        var path = new StringBuilder();
        for (int f = 0; f < frames.Count; f++)
        {
            var (isArray, name, items) = frames[f];
            _ = isArray ? path.Append(CultureInfo.InvariantCulture, $"[{(f == frames.Count - 1 ? items : items - 1)}]")
                : name is null ? path : path.Append(path.Length > 0 ? "." : string.Empty).Append(name);
        }

        int at = (int)reader.BytesConsumed;
        while (at < utf8.Length && utf8[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)':' or (byte)',')
        {
            at++;
        }

        return (path.Length > 0 ? path.ToString() : "the line", at);
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
