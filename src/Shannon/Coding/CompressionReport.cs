namespace Shannon.Coding;

/// <summary>What <see cref="Compressor.Compress"/> did: sizes, the model's ideal code length, and the coder's overhead over it.</summary>
/// <param name="Model">The model's name as recorded in the container.</param>
/// <param name="BytesIn">The original size.</param>
/// <param name="BytesOut">The container's size, header and checksums included.</param>
/// <param name="ModelBits">Σ −log₂ p over every coded decision: the model's cross-entropy on the data, the ideal code length in bits.</param>
/// <param name="Blocks">The number of blocks.</param>
/// <param name="StoredBlocks">Blocks kept raw because coding them did not make them smaller.</param>
public sealed record CompressionReport(string Model, long BytesIn, long BytesOut, double ModelBits, long Blocks, long StoredBlocks)
{
    /// <summary>8 · <see cref="BytesOut"/> / <see cref="BytesIn"/>: bits on disk per original byte (0 for empty input).</summary>
    public double BitsPerByte => BytesIn == 0 ? 0.0 : 8.0 * BytesOut / BytesIn;

    /// <summary><see cref="ModelBits"/> / <see cref="BytesIn"/>: the model's cross-entropy in bits per byte (0 for empty input).</summary>
    public double ModelBitsPerByte => BytesIn == 0 ? 0.0 : ModelBits / BytesIn;

    /// <summary><see cref="BitsPerByte"/> − <see cref="ModelBitsPerByte"/>: what the coder, the container and the raw fallback add to (or save on) the ideal code.</summary>
    public double OverheadBitsPerByte => BitsPerByte - ModelBitsPerByte;
}
