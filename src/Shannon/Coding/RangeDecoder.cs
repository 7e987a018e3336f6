using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Shannon.Coding;

/// <summary>
/// Decodes what a <see cref="RangeEncoder"/> wrote: the same calls with the same frequencies or probabilities, in
/// the same order, give back the same symbols and bits.
/// </summary>
/// <remarks>
/// The decoder keeps <c>code</c> − <c>low</c> and the same 32-bit range as the encoder; every subinterval is
/// computed with the encoder's exact formula, so the two agree bit for bit on every machine (integer arithmetic
/// only). A symbol is found from c = ⌊((code + 1)·T − 1) / range⌋, the largest cumulative frequency whose
/// subinterval starts at or below the code. Reading past the end of the input supplies zero bytes and sets
/// <see cref="Overrun"/>: a complete code never needs them, so a caller treats it as damaged or truncated input.
/// Reference: see <see cref="RangeEncoder"/>.
/// </remarks>
public sealed class RangeDecoder
{
    private const uint Top = 1u << 24;

    private readonly byte[] _input;
    private readonly int _start;
    private readonly int _end;
    private int _position;
    private uint _range = uint.MaxValue;
    private uint _code;

    /// <summary>A decoder reading a complete code.</summary>
    /// <param name="code">The bytes a <see cref="RangeEncoder"/> wrote (its <see cref="RangeEncoder.Written"/> after <see cref="RangeEncoder.Finish"/>).</param>
    public RangeDecoder(ReadOnlyMemory<byte> code)
    {
        if (MemoryMarshal.TryGetArray(code, out var segment) && segment.Array is not null)
        {
            _input = segment.Array;
            _start = _position = segment.Offset;
            _end = segment.Offset + segment.Count;
        }
        else
        {
            _input = code.ToArray();
            _end = _input.Length;
        }

        for (int i = 0; i < 4; i++)
        {
            _code = (_code << 8) | Next();
        }
    }

    /// <summary>True once the decoder has needed bytes beyond the end of its input: the input was damaged or cut short.</summary>
    public bool Overrun { get; private set; }

    /// <summary>The number of input bytes consumed so far (beyond the input's length after an <see cref="Overrun"/>). A complete decode consumes exactly the bytes the encoder wrote.</summary>
    public int Consumed => _position - _start;

    /// <summary>The cumulative frequency the next symbol's subinterval contains, given the total the encoder used.</summary>
    /// <param name="total">T, the same total as <see cref="RangeEncoder.Encode"/> received, 1 ≤ T ≤ <see cref="RangeEncoder.MaxTotal"/>.</param>
    /// <returns>c in [0, T): the symbol to decode is the one with cumulative ≤ c &lt; cumulative + frequency; pass it to <see cref="Decode"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is 0 or above <see cref="RangeEncoder.MaxTotal"/>.</exception>
    public uint DecodeCumulative(uint total)
    {
        if (total is 0 or > RangeEncoder.MaxTotal)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"total must be in 1 … 2^24; got {total}.");
        }

        return (uint)(((((ulong)_code + 1) * total) - 1) / _range);
    }

    /// <summary>Consumes the symbol found with <see cref="DecodeCumulative"/>: the same arguments the encoder's <see cref="RangeEncoder.Encode"/> received.</summary>
    /// <param name="cumulative">The symbol's cumulative frequency.</param>
    /// <param name="frequency">Its frequency ≥ 1.</param>
    /// <param name="total">The total frequency.</param>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="RangeEncoder.Encode"/>.</exception>
    public void Decode(uint cumulative, uint frequency, uint total)
    {
        RangeEncoder.CheckSymbol(cumulative, frequency, total);
        uint start = (uint)(((ulong)_range * cumulative) / total);
        uint end = (uint)(((ulong)_range * (cumulative + frequency)) / total);
        _code -= start;
        _range = end - start;
        Normalize();
    }

    /// <summary>Decodes one bit given the probability the encoder used.</summary>
    /// <param name="probabilityOfOne">P(bit = 1) in units of 2⁻¹⁶, in 1 … 65535.</param>
    /// <returns>The bit, 0 or 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probabilityOfOne"/> is outside 1 … 65535.</exception>
    public int DecodeBit(int probabilityOfOne)
    {
        if ((uint)(probabilityOfOne - 1) >= 65535u)
        {
            RangeEncoder.ThrowProbability(probabilityOfOne);
        }

        return DecodeBitUnchecked(probabilityOfOne);
    }

    /// <summary><see cref="DecodeBit"/> without the argument check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int DecodeBitUnchecked(int probabilityOfOne)
    {
        uint bound = (uint)(((ulong)_range * (uint)probabilityOfOne) >> RangeEncoder.ProbabilityBits);
        int bit = (int)((ulong)((long)_code - bound) >> 63);
        uint one = (uint)-bit;
        _code -= bound & ~one;
        _range = (bound & one) | ((_range - bound) & ~one);
        while (_range < Top)
        {
            _range <<= 8;
            _code = (_code << 8) | Next();
        }

        return bit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Normalize()
    {
        while (_range < Top)
        {
            _range <<= 8;
            _code = (_code << 8) | Next();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Next()
    {
        if (_position < _end)
        {
            return _input[_position++];
        }

        Overrun = true;
        _position++;
        return 0;
    }
}
