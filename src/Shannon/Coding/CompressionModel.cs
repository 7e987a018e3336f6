namespace Shannon.Coding;

/// <summary>
/// A model <see cref="Compressor"/> can code with: it names itself and its parameters' checksum (both recorded in the
/// container, so the decoder can demand the same model) and makes a fresh <see cref="BlockCoder"/> for each lane.
/// </summary>
/// <remarks>
/// The adaptive model (<see cref="AdaptiveContextModel"/>) needs nothing but its order; a trained model (an n-gram
/// model in Shannon.Language) is a file the decoder must hold too, identified by <see cref="Checksum"/>.
/// </remarks>
public abstract class CompressionModel
{
    /// <summary>How the model is named in the container and in messages, e.g. <c>adaptive order 4</c> or <c>ngram:kjv3.kn</c> (at most 255 UTF-8 bytes).</summary>
    public abstract string Name { get; }

    /// <summary>A CRC-32 identifying the model's parameters (0 for an adaptive model, which has none).</summary>
    public abstract uint Checksum { get; }

    /// <summary>A coder in its initial state; the encoder and decoder each create one per lane and feed it the same blocks.</summary>
    /// <returns>A fresh coder.</returns>
    public abstract BlockCoder CreateCoder();
}
