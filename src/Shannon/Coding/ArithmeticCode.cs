using Shannon.Numerics;

namespace Shannon.Coding;

/// <summary>Arithmetic coding of symbol sequences with any <see cref="ISymbolModel"/>, and the integer frequencies of a distribution.</summary>
/// <remarks>
/// The code length of a message is within a few bytes of its ideal length Σₜ −log₂ p(xₜ | x₍&lt;t₎) under the
/// model's own (integer) probabilities: the model's cross-entropy on the data, which is why a better model is a
/// better compressor (Rissanen &amp; Langdon 1979; Delétang et al. 2024). The coder is <see cref="RangeEncoder"/>.
/// References: Rissanen, J. &amp; Langdon, G. G. (1979), Arithmetic coding, IBM J. Res. Dev. 23(2), 149–162,
/// doi:10.1147/rd.232.0149; Delétang, G. et al. (2024), Language modeling is compression, ICLR, arXiv:2309.10668.
/// </remarks>
public static class ArithmeticCode
{
    /// <summary>Encodes a sequence of symbols with a model's sequential predictions.</summary>
    /// <param name="symbols">The message; each symbol in 0 … model.SymbolCount − 1 and predicted with a frequency ≥ 1.</param>
    /// <param name="model">A fresh model; it is updated with every symbol.</param>
    /// <param name="idealBits">Receives Σ −log₂(f/T) over the message: the model's ideal code length in bits.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentException">A symbol is outside the alphabet, or the model predicts it with frequency 0, or its frequencies total more than 2²⁴ or 0.</exception>
    public static byte[] Encode(ReadOnlySpan<int> symbols, ISymbolModel model, out double idealBits)
    {
        ArgumentNullException.ThrowIfNull(model);
        var encoder = new RangeEncoder(Math.Max(16, symbols.Length / 4));
        var frequencies = new uint[model.SymbolCount];
        var ideal = default(CompensatedSum);
        for (int t = 0; t < symbols.Length; t++)
        {
            int symbol = symbols[t];
            if ((uint)symbol >= (uint)frequencies.Length)
            {
                throw new ArgumentException($"symbols has {symbol} at index {t}, outside the model's alphabet 0 … {frequencies.Length - 1}.", nameof(symbols));
            }

            model.Predict(frequencies);
            var (cumulative, total) = Cumulative(frequencies, symbol, nameof(model));
            if (frequencies[symbol] == 0)
            {
                throw new ArgumentException($"the model gives symbol {symbol} at index {t} frequency 0, so it cannot be coded.", nameof(symbols));
            }

            encoder.Encode(cumulative, frequencies[symbol], total);
            ideal.Add(Math.Log2((double)total / frequencies[symbol]));
            model.Update(symbol);
        }

        encoder.Finish();
        idealBits = ideal.Value;
        return encoder.Written.ToArray();
    }

    /// <summary>Decodes <paramref name="count"/> symbols from a code written by <see cref="Encode"/> with an identical fresh model.</summary>
    /// <param name="code">The code.</param>
    /// <param name="count">The number of symbols in the message (≥ 0).</param>
    /// <param name="model">A fresh model identical to the encoder's.</param>
    /// <returns>The symbols.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidDataException">The code is too short for <paramref name="count"/> symbols, or decodes to a symbol the model gives frequency 0: it is damaged or belongs to another model.</exception>
    public static int[] Decode(ReadOnlyMemory<byte> code, int count, ISymbolModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var decoder = new RangeDecoder(code);
        var frequencies = new uint[model.SymbolCount];
        var symbols = new int[count];
        for (int t = 0; t < count; t++)
        {
            model.Predict(frequencies);
            var (_, total) = Cumulative(frequencies, 0, nameof(model));
            uint target = decoder.DecodeCumulative(total);
            uint cumulative = 0;
            int symbol = 0;
            while (cumulative + frequencies[symbol] <= target)
            {
                cumulative += frequencies[symbol];
                symbol++;
            }

            decoder.Decode(cumulative, frequencies[symbol], total);
            symbols[t] = symbol;
            model.Update(symbol);
        }

        if (decoder.Overrun)
        {
            throw new InvalidDataException($"the code ends before {count} symbols were decoded: it is truncated or damaged.");
        }

        return symbols;
    }

    /// <summary>Integer frequencies for a distribution: what a static model or a converted probabilistic model hands the coder.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="total">The total T the frequencies must sum to, at least the number of pᵢ &gt; 0 and at most 2²⁴.</param>
    /// <param name="frequencies">Receives fᵢ: 0 where pᵢ = 0, else 1 + ⌊pᵢ · (T − m)⌋ (m = number of pᵢ &gt; 0), with what remains of T added to the first most probable symbol.</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a distribution, or <paramref name="frequencies"/> is shorter than it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is above 2²⁴ or below the number of possible symbols.</exception>
    /// <remarks>Every possible symbol keeps frequency ≥ 1, so any message the distribution allows can be coded; the cost of quantising is
    /// the divergence D(p‖f/T), below (m/T)/ln 2 bits per symbol. Deterministic: only IEEE multiplication and truncation.</remarks>
    public static void Frequencies(ReadOnlySpan<double> p, uint total, Span<uint> frequencies)
    {
        Guard.Distribution(p, nameof(p));
        Guard.DestinationFits(frequencies, p.Length, nameof(frequencies));
        int possible = 0;
        int largest = 0;
        for (int i = 0; i < p.Length; i++)
        {
            possible += p[i] > 0.0 ? 1 : 0;
            largest = p[i] > p[largest] ? i : largest;
        }

        if (total > RangeEncoder.MaxTotal || total < possible)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"total must be in {possible} … 2^24 (at least one unit for each of the {possible} possible symbols); got {total}.");
        }

        ulong sum = 0;
        double spread = total - (uint)possible;
        for (int i = 0; i < p.Length; i++)
        {
            frequencies[i] = p[i] > 0.0 ? 1 + (uint)Math.Min(spread, Math.Floor(p[i] * spread)) : 0;
            sum += frequencies[i];
        }

        // Σ⌊pᵢ s⌋ ≤ s·Σpᵢ ≤ s(1 + 1e-9) < s + 1 for s ≤ 2^24, so the remainder is never negative.
        frequencies[largest] += (uint)(total - Math.Min(sum, total));
    }

    private static (uint Cumulative, uint Total) Cumulative(ReadOnlySpan<uint> frequencies, int symbol, string paramName)
    {
        ulong total = 0;
        ulong cumulative = 0;
        for (int i = 0; i < frequencies.Length; i++)
        {
            if (i == symbol)
            {
                cumulative = total;
            }

            total += frequencies[i];
        }

        if (total is 0 or > RangeEncoder.MaxTotal)
        {
            throw new ArgumentException($"the model's frequencies total {total}; they must total 1 … 2^24.", paramName);
        }

        return ((uint)cumulative, (uint)total);
    }
}
