using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;
using Shannon.Language.Logits;

namespace Shannon.Language.Onnx;

/// <summary>
/// A causal language model exported to ONNX (input <c>input_ids</c> [batch, sequence] int64 or int32 → output <c>logits</c>
/// [batch, sequence, vocabulary] float32, as a GPT-2 export has), with the tokenizer it was trained with; scores texts
/// by sliding-window evaluation.
/// </summary>
/// <remarks>
/// Texts are tokenized with the tiktoken tokenizer, evaluated window by window (<see cref="SlidingWindow"/>) and every
/// token but the first is scored once; with <c>prependBos</c> the tokenizer's <c>&lt;|endoftext|&gt;</c> id is put in
/// front (GPT-2's convention for a document start), so the first text token is scored too. An
/// <c>attention_mask</c> input, if the graph has one, is fed ones; <c>position_ids</c>, if present, 0 … n − 1 per
/// window (each int64 or int32, as the graph declares); a graph with any other input (a past key-value cache, token
/// types) is refused when it is loaded. Logits are scored in double (<see cref="LogitScoring"/>). Reference: Radford, A., Wu, J., Child, R., Luan,
/// D., Amodei, D. &amp; Sutskever, I. (2019), Language Models are Unsupervised Multitask Learners, OpenAI report.
/// </remarks>
public sealed class OnnxCausalLanguageModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly TiktokenTokenizer _tokenizer;

    /// <summary>Loads an ONNX model and pairs it with a tokenizer.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="tokenizer">The tokenizer the model was trained with.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model, has no int64 or int32 input (<c>input_ids</c>), an input other than the ids, <c>attention_mask</c> and <c>position_ids</c> (a past key-value cache), an input that is not int64 or int32, or no float32 output.</exception>
    public OnnxCausalLanguageModel(string path, TiktokenTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"ONNX model '{path}' does not exist.", path);
        }

        try
        {
            _session = new InferenceSession(path);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a loadable ONNX model: {ex.Message.Split('\n')[0]}", ex);
        }

        try
        {
            var inputs = _session.InputMetadata;
            _inputName = inputs.ContainsKey("input_ids") ? "input_ids"
                : inputs.FirstOrDefault(i => !Filled.Contains(i.Key) && IsInteger(i.Value.ElementDataType)).Key
                ?? throw Bad(path, "has no int64 or int32 input (input_ids)");
            foreach (var (name, meta) in inputs)
            {
                // Only the token ids, a mask of ones and positions 0 … n − 1 can be filled from a text: a cache of past
                // keys and values, token types or any other input would be guessed, so the model is refused instead.
                if (name != _inputName && !Filled.Contains(name))
                {
                    throw Bad(path, $"has an input '{name}' ({Describe(meta)}) that cannot be filled from a text: only input_ids, attention_mask and position_ids are fed (export the model without a past key-value cache, e.g. use_cache=False)");
                }

                if (!meta.IsTensor || !IsInteger(meta.ElementDataType))
                {
                    throw Bad(path, $"has its input '{name}' as {Describe(meta)}; int64 or int32 is supported");
                }
            }

            var outputs = _session.OutputMetadata;
            _outputName = outputs.ContainsKey("logits") ? "logits"
                : outputs.FirstOrDefault(o => o.Value.ElementDataType == TensorElementType.Float).Key
                ?? throw Bad(path, "has no float32 output (logits)");
            if (outputs[_outputName].ElementDataType != TensorElementType.Float)
            {
                throw Bad(path, $"gives {outputs[_outputName].ElementDataType} logits; float32 is supported");
            }
        }
        catch (InvalidDataException)
        {
            _session.Dispose(); // the constructor fails: nobody else can dispose the session
            throw;
        }

        _tokenizer = tokenizer;
        BeginOfSequence = tokenizer.SpecialTokens?.TryGetValue(Tokenizers.EndOfText, out int bos) == true ? bos : null;
    }

    /// <summary>The id put in front of a text when BOS is asked for (<c>&lt;|endoftext|&gt;</c>), or null when the tokenizer has none.</summary>
    public int? BeginOfSequence { get; }

    /// <summary>The tokenizer.</summary>
    public TiktokenTokenizer Tokenizer => _tokenizer;

    /// <summary>The model's logits for one sequence of token ids.</summary>
    /// <param name="ids">The input ids, at least one.</param>
    /// <param name="vocabulary">Receives V, the number of logits per position.</param>
    /// <returns>ids.Length × V logits, row-major; row j predicts the token after ids[j].</returns>
    /// <exception cref="ArgumentException"><paramref name="ids"/> is empty.</exception>
    /// <exception cref="InvalidDataException">The model's output does not have shape [1, n, V].</exception>
    public float[] Logits(ReadOnlySpan<int> ids, out int vocabulary)
    {
        if (ids.IsEmpty)
        {
            throw new ArgumentException("ids is empty.", nameof(ids));
        }

        long[] shape = [1, ids.Length];
        var feeds = new Dictionary<string, OrtValue>();
        try
        {
            foreach (var (name, meta) in _session.InputMetadata)
            {
                int[] values = name == _inputName ? ids.ToArray()
                    : name == "position_ids" ? [.. Enumerable.Range(0, ids.Length)]
                    : [.. Enumerable.Repeat(1, ids.Length)];
                feeds[name] = meta.ElementDataType == TensorElementType.Int32
                    ? OrtValue.CreateTensorValueFromMemory(values, shape)
                    : OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (long)v), shape);
            }

            using var options = new RunOptions();
            using var results = _session.Run(options, feeds, [_outputName]);
            var output = results[0];
            var outputShape = output.GetTensorTypeAndShape().Shape;
            if (outputShape.Length != 3 || outputShape[0] != 1 || outputShape[1] != ids.Length)
            {
                throw new InvalidDataException($"The model's {_outputName} has shape [{string.Join(", ", outputShape)}], not [1, {ids.Length}, vocabulary].");
            }

            vocabulary = checked((int)outputShape[2]);
            return output.GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var value in feeds.Values)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>Scores a text by sliding-window evaluation.</summary>
    /// <param name="text">The text; at least two tokens, or one with <paramref name="prependBos"/>.</param>
    /// <param name="window">The window and stride.</param>
    /// <param name="prependBos">Put <see cref="BeginOfSequence"/> in front so the first text token is scored.</param>
    /// <param name="topK">Alternatives kept per token; ≥ 0.</param>
    /// <param name="sweep">If given, every window's scored logits are also added to this temperature sweep.</param>
    /// <returns>The scored text: every token but the first (all of them with BOS), each once, with entropy, rank and alternatives.</returns>
    /// <exception cref="ArgumentException">The text has too few tokens, or a token id lies outside the model's vocabulary (the tokenizer does not match the model).</exception>
    /// <exception cref="InvalidOperationException"><paramref name="prependBos"/> is set but the tokenizer has no <c>&lt;|endoftext|&gt;</c>.</exception>
    public ScoredText Score(string text, SlidingWindow window, bool prependBos = false, int topK = 5, TemperatureSweep? sweep = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        var tokens = _tokenizer.EncodeToTokens(text, out _);
        var ids = new List<int>(tokens.Count + 1);
        if (prependBos)
        {
            ids.Add(BeginOfSequence ?? throw new InvalidOperationException("The tokenizer has no <|endoftext|> token to use as BOS."));
        }

        ids.AddRange(tokens.Select(t => t.Id));
        if (ids.Count < 2)
        {
            throw new ArgumentException($"text has {tokens.Count} token(s); at least two are needed (or one with a BOS token): the first token has no context.", nameof(text));
        }

        int shift = prependBos ? 1 : 0;
        int n = ids.Count - 1;
        var logProbabilities = new double[n];
        var entropies = new double[n];
        var ranks = new int[n];
        var alternatives = new IReadOnlyList<TokenAlternative>[n];
        var idArray = ids.ToArray();
        foreach (var pass in window.Plan(ids.Count))
        {
            float[] logits = Logits(idArray.AsSpan(pass.Begin, pass.End - pass.Begin), out int vocabulary);
            CheckVocabulary(idArray, vocabulary);
            int firstRow = pass.FirstTarget - 1 - pass.Begin;
            int rows = pass.LastTarget - pass.FirstTarget + 1;
            var scored = LogitScoring.Widen(logits.AsSpan(firstRow * vocabulary, rows * vocabulary));
            var targets = idArray.AsSpan(pass.FirstTarget, rows);
            int at = pass.FirstTarget - 1;
            LogitScoring.Score(scored, vocabulary, targets, logProbabilities.AsSpan(at, rows), entropies.AsSpan(at, rows), ranks.AsSpan(at, rows));
            sweep?.Add(scored, vocabulary, targets);
            for (int r = 0; r < rows; r++)
            {
                var row = scored.AsSpan(r * vocabulary, vocabulary);
                double logNormaliser = row[targets[r]] - logProbabilities[at + r];
                alternatives[at + r] = LogitDump.TopAlternatives(row, topK, logNormaliser, 1.0, Decode);
            }
        }

        // Token p of ids is text token p − shift; scores start at ids position 1.
        var offsets = new int[n];
        var lengths = new int[n];
        int previousEnd = shift == 0 ? tokens[0].Offset.End.GetOffset(text.Length) : 0;
        for (int k = 0; k < n; k++)
        {
            var range = tokens[k + 1 - shift].Offset;
            int start = Math.Max(range.Start.GetOffset(text.Length), previousEnd);
            int end = Math.Max(range.End.GetOffset(text.Length), start);
            offsets[k] = start;
            lengths[k] = end - start;
            previousEnd = end;
        }

        // Without BOS the first token is never predicted: the report charges its spelling rather than dropping its bytes.
        int unscored = shift == 0 ? offsets[0] : 0;
        return new ScoredText(text, logProbabilities, offsets, lengths, entropies, ranks, alternatives, unscoredPrefix: unscored);
    }

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();

    private string Decode(int id) => _tokenizer.Decode([id]) ?? string.Empty;

    private static void CheckVocabulary(int[] ids, int vocabulary)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] >= vocabulary)
            {
                throw new ArgumentException($"token id {ids[i]} at position {i} is outside the model's vocabulary of {vocabulary}: the tokenizer does not match the model.", "text");
            }
        }
    }

    /// <summary>The inputs besides the token ids that a text fills: a mask of ones and the positions 0 … n − 1.</summary>
    private static readonly HashSet<string> Filled = ["attention_mask", "position_ids"];

    private static bool IsInteger(TensorElementType type) => type is TensorElementType.Int64 or TensorElementType.Int32;

    private static string Describe(NodeMetadata meta) => meta.IsTensor
        ? $"{meta.ElementDataType.ToString().ToLowerInvariant()} [{string.Join(", ", meta.Dimensions.Select((d, i) => d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : meta.SymbolicDimensions[i] is { Length: > 0 } symbol ? symbol : "?"))}]"
        : meta.OnnxValueType.ToString().ToLowerInvariant();

    private static InvalidDataException Bad(string path, string problem) => new($"{Path.GetFileName(path)} {problem}.");
}
