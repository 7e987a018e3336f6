namespace Shannon.Coding;

/// <summary>How a <see cref="PrefixCode"/> was built.</summary>
public enum PrefixCodeConstruction
{
    /// <summary>Huffman's optimal code with canonical codewords.</summary>
    Huffman,

    /// <summary>The optimal code with a cap on codeword length (package-merge), canonical codewords.</summary>
    LengthLimitedHuffman,

    /// <summary>Fano's recursive splitting of the probability-sorted symbols (the usual "Shannon–Fano" code).</summary>
    ShannonFano,

    /// <summary>Shannon–Fano–Elias: lengths ⌈−log₂ p⌉ + 1 and codewords from the cumulative distribution's midpoints.</summary>
    ShannonFanoElias,

    /// <summary>Canonical codewords for lengths given by the caller.</summary>
    Canonical,
}
