namespace Shannon.Coding;

/// <summary>
/// One lane's model state: it codes blocks of bytes with a range coder and learns from them, and its decoding twin
/// (another instance fed the same blocks) mirrors every prediction exactly.
/// </summary>
public abstract class BlockCoder
{
    /// <summary>Codes a block, learning from it.</summary>
    /// <param name="block">The bytes.</param>
    /// <param name="encoder">The range encoder the block's code goes to.</param>
    /// <returns>The model's ideal code length of the block, Σ −log₂ p over its decisions, in bits.</returns>
    public abstract double Encode(ReadOnlySpan<byte> block, RangeEncoder encoder);

    /// <summary>Decodes a block coded by <see cref="Encode"/> in the same state, learning from it.</summary>
    /// <param name="decoder">The range decoder over the block's code.</param>
    /// <param name="block">Receives the bytes; its length is the block's length.</param>
    public abstract void Decode(RangeDecoder decoder, Span<byte> block);

    /// <summary>Learns a block without coding it: what the decoder does for a block the encoder stored raw, after <see cref="Encode"/> had learned it.</summary>
    /// <param name="block">The bytes.</param>
    /// <returns>The model's ideal code length of the block in bits.</returns>
    public abstract double Learn(ReadOnlySpan<byte> block);
}
