using Microsoft.ML.Tokenizers;

namespace Shannon.Language.Onnx;

/// <summary>The byte-level BPE vocabularies Shannon can tokenize with (tiktoken encodings, data shipped in NuGet packages).</summary>
public enum TokenizerChoice
{
    /// <summary>GPT-2's r50k_base: 50,257 tokens, <c>&lt;|endoftext|&gt;</c> = 50256.</summary>
    Gpt2,

    /// <summary>cl100k_base (GPT-3.5/GPT-4).</summary>
    Cl100k,

    /// <summary>o200k_base (GPT-4o).</summary>
    O200k,
}

/// <summary>Creates the tokenizers of <see cref="TokenizerChoice"/>.</summary>
public static class Tokenizers
{
    /// <summary>The end-of-text special token, which GPT-style models also read as BOS.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>The tiktoken tokenizer of a vocabulary.</summary>
    /// <param name="choice">The vocabulary.</param>
    /// <returns>The tokenizer (cache it: creating one parses the vocabulary).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="choice"/> is not defined.</exception>
    /// <remarks>Reference: Radford, A. et al. (2019), Language Models are Unsupervised Multitask Learners (GPT-2), OpenAI technical report; byte-level BPE after Sennrich, R., Haddow, B. &amp; Birch, A. (2016), doi:10.18653/v1/P16-1162.</remarks>
    public static TiktokenTokenizer Create(TokenizerChoice choice) => choice switch
    {
        TokenizerChoice.Gpt2 => TiktokenTokenizer.CreateForEncoding("r50k_base"),
        TokenizerChoice.Cl100k => TiktokenTokenizer.CreateForEncoding("cl100k_base"),
        TokenizerChoice.O200k => TiktokenTokenizer.CreateForEncoding("o200k_base"),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "choice must be Gpt2, Cl100k or O200k."),
    };

    /// <summary>Parses <c>gpt2</c> (or <c>r50k</c>), <c>cl100k</c>, <c>o200k</c>.</summary>
    /// <param name="text">The name, case-insensitive.</param>
    /// <returns>The choice.</returns>
    /// <exception cref="ArgumentException">The name is none of these.</exception>
    public static TokenizerChoice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant() switch
        {
            "gpt2" or "r50k" or "r50k_base" => TokenizerChoice.Gpt2,
            "cl100k" or "cl100k_base" => TokenizerChoice.Cl100k,
            "o200k" or "o200k_base" => TokenizerChoice.O200k,
            _ => throw new ArgumentException($"tokenizer '{text}' is none of gpt2, cl100k, o200k.", nameof(text)),
        };
    }
}
