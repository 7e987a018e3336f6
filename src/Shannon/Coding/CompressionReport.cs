namespace Shannon.Coding;

/// <summary>What <see cref="Compressor.Compress"/> did: sizes, the model's ideal code length, and the coder's overhead over it.</summary>
/// <param name="Model">The model's name as recorded in the container.</param>
/// <param name="BytesIn">The original size.</param>
/// <param name="BytesOut">The container's size, header and checksums included.</param>
/// <param name="ModelBits">Σ −log₂ p over every coded decision: the model's cross-entropy on the data, the ideal code length in bits.</param>
/// <param name="Blocks">The number of blocks.</param>
/// <param name="StoredBlocks">Blocks kept raw because coding them did not make them smaller.</param>
/// <param name="WrittenIdealBits">
/// The ideal code length of the payloads as written: <paramref name="ModelBits"/> of the coded blocks plus 8 bits per
/// byte of the stored ones (a raw byte costs 8 bits, whatever the model would have spent on it).
/// </param>
public sealed record CompressionReport(string Model, long BytesIn, long BytesOut, double ModelBits, long Blocks, long StoredBlocks, double WrittenIdealBits)
{
    /// <summary>8 · <see cref="BytesOut"/> / <see cref="BytesIn"/>: bits on disk per original byte (0 for empty input).</summary>
    public double BitsPerByte => BytesIn == 0 ? 0.0 : 8.0 * BytesOut / BytesIn;

    /// <summary><see cref="ModelBits"/> / <see cref="BytesIn"/>: the model's cross-entropy in bits per byte (0 for empty input).</summary>
    public double ModelBitsPerByte => BytesIn == 0 ? 0.0 : ModelBits / BytesIn;

    /// <summary>
    /// (8 · <see cref="BytesOut"/> − <see cref="WrittenIdealBits"/>) / <see cref="BytesIn"/>: what the range coder's
    /// rounding and the container (header, block records, checksums) add to the ideal code of what was written, in
    /// bits per original byte; 0 for empty input.
    /// </summary>
    /// <remarks>
    /// Not negative: stored blocks are measured against their 8 bits per byte, not against the model's larger cost
    /// that made them stored (the old difference <see cref="BitsPerByte"/> − <see cref="ModelBitsPerByte"/> went negative
    /// there: on random bytes the model spends 8.2 bits per byte, the raw fallback 8), and every block's 13-byte record
    /// outweighs the at most 2 bits a range coder can save on a block's ideal length (Witten, Neal &amp; Cleary 1987,
    /// Arithmetic coding for data compression, CACM 30(6), doi:10.1145/214762.214771). The raw fallback's saving is
    /// <see cref="ModelBits"/> − <see cref="WrittenIdealBits"/>.
    /// </remarks>
    public double OverheadBitsPerByte => BytesIn == 0 ? 0.0 : ((8.0 * BytesOut) - WrittenIdealBits) / BytesIn;
}
