using System.Text;
using System.Text.Json;

namespace Shannon.Language.LogProbs;

/// <summary>Reads the fields of an engine's JSON, throwing <see cref="FormatException"/> that names the missing or bad field.</summary>
internal static class JsonShape
{
    /// <summary>The property <paramref name="name"/> of an object, which must exist and not be null.</summary>
    public static JsonElement Required(JsonElement element, string name, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path} is {Kind(element)}, not an object.");
        }

        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new FormatException($"{path} has no \"{name}\".");
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
        : throw new FormatException($"{path} is {Kind(element)}, not an array.");

    /// <summary>A number; throws when <paramref name="element"/> is not one.</summary>
    public static double Number(JsonElement element, string path) => element.ValueKind == JsonValueKind.Number
        ? element.GetDouble()
        : throw new FormatException($"{path} is {Kind(element)}, not a number.");

    /// <summary>A string; throws when <paramref name="element"/> is not one.</summary>
    public static string String(JsonElement element, string path) => element.ValueKind == JsonValueKind.String
        ? element.GetString()!
        : throw new FormatException($"{path} is {Kind(element)}, not a string.");

    /// <summary>A log-probability: a number ≤ 0 (engines write the most negative float for p = 0).</summary>
    public static double LogProbability(JsonElement element, string path)
    {
        double value = Number(element, path);
        return value <= 0 ? value : throw new FormatException($"{path} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, but a log-probability is ≤ 0.");
    }

    /// <summary>A probability in [0, 1], returned as its natural logarithm.</summary>
    public static double ProbabilityAsLog(JsonElement element, string path)
    {
        double value = Number(element, path);
        return value is >= 0 and <= 1 ? Math.Log(value) : throw new FormatException($"{path} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, but a probability lies in [0, 1].");
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
                throw new FormatException($"{path}.bytes[{i}] is not a byte (0–255).");
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
