namespace Shannon.Coding;

/// <summary>
/// A sequential model of symbols 0 … <see cref="SymbolCount"/> − 1 that states each next symbol's probabilities as
/// integer frequencies: what drives <see cref="ArithmeticCode"/>. The encoder and decoder each hold one, fed the same
/// symbols in the same order, so their predictions agree exactly.
/// </summary>
public interface ISymbolModel
{
    /// <summary>The alphabet size.</summary>
    int SymbolCount { get; }

    /// <summary>Writes the frequency of every symbol at the current position.</summary>
    /// <param name="frequencies">One slot per symbol; every symbol that can occur gets ≥ 1, and the total must be ≤ <see cref="RangeEncoder.MaxTotal"/>.</param>
    void Predict(Span<uint> frequencies);

    /// <summary>Tells the model which symbol occurred, moving it to the next position.</summary>
    /// <param name="symbol">The symbol just coded.</param>
    void Update(int symbol);
}
