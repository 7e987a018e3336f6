namespace Shannon.Coding;

/// <summary>What a Shannon container's header records about how it was coded.</summary>
/// <param name="ModelName">The model's name, e.g. <c>adaptive order 4</c> or <c>ngram:kjv3.kn</c>.</param>
/// <param name="ModelChecksum">The CRC-32 identifying the model's parameters (0 for the adaptive model).</param>
/// <param name="IsAdaptive">True for the built-in adaptive model, which the decoder rebuilds from <paramref name="Order"/>.</param>
/// <param name="Order">The adaptive model's order (0 for an external model).</param>
/// <param name="Lanes">The number of independent model states coding consecutive blocks.</param>
/// <param name="BlockSize">Bytes per block.</param>
/// <param name="OriginalLength">The original size, known once the whole container has been read (null from <see cref="Compressor.ReadHeader"/>).</param>
public sealed record CompressedContainer(string ModelName, uint ModelChecksum, bool IsAdaptive, int Order, int Lanes, int BlockSize, long? OriginalLength);
