using System.Text;
using System.Text.Json;

namespace Shannon.Language.LogProbs;

/// <summary>
/// Reads token log-probabilities that an inference engine returned, one JSON response per line (JSONL), into
/// <see cref="ScoredText"/> documents ready for <see cref="PerplexityReport.Of"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each non-blank line is one response; every choice of a response (or the response itself) becomes one document.
/// The document's text is the concatenation of its tokens (their <c>bytes</c> when given, which keeps characters that
/// byte-level BPE splits across tokens intact), so character offsets, bytes and words refer to the generated or
/// scored text. Log-probabilities are natural logarithms (nats), as every engine writes them; a probability
/// (llama.cpp's <c>post_sampling_probs</c>) is converted with ln. The rank of a token is known when the engine lists
/// the token among its top alternatives (or, in vLLM, gives its <c>rank</c>); entropy is never known from a top-k list.
/// </para>
/// <para>
/// With no format given, each line's shape decides: <c>completion_probabilities</c> → llama.cpp,
/// <c>prompt_logprobs</c> (top level or in a choice) → vLLM, anything else → OpenAI.
/// </para>
/// </remarks>
public static class LogProbReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a JSONL file of responses.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The engine's format, or null to detect it per line.</param>
    /// <returns>One document per response (per choice when a response has several).</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="LogProbFormatException">A line is not JSON, lacks a required field, has a log-probability that is not
    /// finite and ≤ 0 (NaN, ±Infinity, a number beyond a double's range such as -1e400, a positive value), a probability
    /// outside [0, 1], a token id or rank that is not an integer 0 … 2³¹ − 1, or scores no token; the message gives the line
    /// number, the field and the value found, and <see cref="LogProbFormatException.Field"/> the field's JSON path.</exception>
    /// <exception cref="InvalidDataException">The file has no non-blank line, or is not UTF-8 text (a binary file; its bytes are never quoted).</exception>
    public static IReadOnlyList<ScoredText> Read(string path, LogProbFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);

        // Strict UTF-8: a binary file is refused as not text, never decoded into replacement characters and quoted.
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        try
        {
            return Read(reader, name, format);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"{name} is not text: it holds bytes that are not UTF-8 (is it a binary file?).");
        }
    }

    /// <summary>Reads JSONL responses from a reader.</summary>
    /// <param name="reader">The lines.</param>
    /// <param name="source">The name used in error messages.</param>
    /// <param name="format">The engine's format, or null to detect it per line.</param>
    /// <returns>One document per response (per choice when a response has several).</returns>
    /// <exception cref="LogProbFormatException">A line is malformed (see <see cref="Read(string, LogProbFormat?)"/>).</exception>
    /// <exception cref="InvalidDataException">There is no non-blank line, or a line holds a NUL character (binary input).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    public static IReadOnlyList<ScoredText> Read(TextReader reader, string source, LogProbFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        if (format is { } f && !Enum.IsDefined(f))
        {
            throw new ArgumentOutOfRangeException(nameof(format), f, "format must be OpenAI, LlamaCpp or Vllm.");
        }

        var documents = new List<ScoredText>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Contains('\0', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{source} line {lineNumber} holds a NUL byte: it is not text (is it a binary file?).");
            }

            documents.AddRange(ParseLine(line, format, source, lineNumber));
        }

        return documents.Count > 0 ? documents : throw new InvalidDataException($"{source} has no response (no non-blank line).");
    }

    /// <summary>The format a response's shape implies.</summary>
    /// <param name="root">The parsed response.</param>
    /// <returns><see cref="LogProbFormat.LlamaCpp"/>, <see cref="LogProbFormat.Vllm"/> or <see cref="LogProbFormat.OpenAI"/>.</returns>
    public static LogProbFormat Detect(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return LogProbFormat.OpenAI;
        }

        if (root.TryGetProperty("completion_probabilities", out _))
        {
            return LogProbFormat.LlamaCpp;
        }

        if (root.TryGetProperty("prompt_logprobs", out var own) && own.ValueKind != JsonValueKind.Null)
        {
            return LogProbFormat.Vllm;
        }

        if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("prompt_logprobs", out var inner) && inner.ValueKind != JsonValueKind.Null)
                {
                    return LogProbFormat.Vllm;
                }
            }
        }

        return LogProbFormat.OpenAI;
    }

    private static List<ScoredText> ParseLine(string line, LogProbFormat? format, string source, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var documents = (format ?? Detect(root)) switch
            {
                LogProbFormat.LlamaCpp => [LlamaCppLogProbs.Document(root)],
                LogProbFormat.Vllm => VllmLogProbs.Documents(root).ToList(),
                _ => OpenAiLogProbs.Documents(root).ToList(),
            };
            if (documents.Count == 0 || documents.Exists(d => d.Count == 0))
            {
                throw new FormatException("the response scores no token.");
            }

            return documents;
        }
        catch (JsonException ex)
        {
            var problem = JsonShape.Unparsable(line, ex);
            throw new LogProbFormatException(source, lineNumber, problem.Message, ex, problem.Field);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new LogProbFormatException(source, lineNumber, ex.Message, ex, (ex as JsonFieldException)?.Field);
        }
    }
}
