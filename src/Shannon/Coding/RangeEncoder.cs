using System.Runtime.CompilerServices;

namespace Shannon.Coding;

/// <summary>
/// An arithmetic coder in its range-coder form: symbols given by integer frequencies, or single bits given by a
/// probability, narrow a 32-bit range; settled bytes go to an in-memory buffer. <see cref="RangeDecoder"/> mirrors
/// every step exactly.
/// </summary>
/// <remarks>
/// <para>State: a 32-bit <c>range</c> kept in [2²⁴, 2³²) by shifting out a byte whenever it drops below 2²⁴, and a
/// <c>low</c> end held in 64 bits of which 33 are used; a carry out of bit 32 is propagated into the byte still
/// held back and the run of 0xFF bytes behind it (the cache-and-count scheme of LZMA's range coder, Pavlov 1999).
/// No interval is ever cut short, so there is no underflow case: the output is within a few bytes of
/// Σ −log₂ p over the coded symbols.</para>
/// <para>Subintervals are computed exactly: a symbol with cumulative frequency c, frequency f and total T takes
/// [⌊range·c/T⌋, ⌊range·(c+f)/T⌋) and a bit with P(1) = p/2¹⁶ takes ⌊range·p/2¹⁶⌋ for 1, with 64-bit products,
/// so the only loss is one unit of a range ≥ 2²⁴ (&lt; 2⁻²⁴ relative, ≈ 10⁻⁷ bits per symbol). The first byte of
/// the classical scheme is always 0 and is not written; <see cref="Finish"/> writes the last 4 bytes.</para>
/// <para>References: Martin, G. N. N. (1979), Range encoding: an algorithm for removing redundancy from a
/// digitised message, Video &amp; Data Recording Conference, Southampton; Witten, I. H., Neal, R. M. &amp; Cleary,
/// J. G. (1987), Arithmetic coding for data compression, Commun. ACM 30(6), 520–540, doi:10.1145/214762.214771;
/// Pavlov, I. (1999–), LZMA SDK, rc: the carry-propagating range coder.</para>
/// </remarks>
public sealed class RangeEncoder
{
    /// <summary>The largest total frequency <see cref="Encode"/> accepts: 2²⁴, so every symbol with frequency ≥ 1 keeps a non-empty range.</summary>
    public const uint MaxTotal = 1u << 24;

    /// <summary>The scale of bit probabilities: <see cref="EncodeBit"/> takes P(1) in units of 2⁻¹⁶.</summary>
    public const int ProbabilityBits = 16;

    private const uint Top = 1u << 24;

    private ulong _low;
    private uint _range = uint.MaxValue;
    private byte _cache;
    private long _pending = 1;
    private bool _first = true;
    private bool _finished;
    private byte[] _buffer;
    private int _length;

    /// <summary>An encoder writing to a buffer that grows as needed.</summary>
    /// <param name="capacity">The initial buffer size in bytes (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public RangeEncoder(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _buffer = new byte[Math.Max(capacity, 16)];
    }

    /// <summary>The bytes written so far; after <see cref="Finish"/>, the whole code.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>The number of bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Encodes one symbol of a distribution given by integer frequencies.</summary>
    /// <param name="cumulative">c: the total frequency of the symbols before this one.</param>
    /// <param name="frequency">f ≥ 1: this symbol's frequency.</param>
    /// <param name="total">T: the total frequency, c + f ≤ T ≤ <see cref="MaxTotal"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">f is 0, c + f exceeds T, or T exceeds <see cref="MaxTotal"/>.</exception>
    /// <exception cref="InvalidOperationException">The encoder was finished.</exception>
    /// <remarks>Costs log₂(T/f) bits plus at most ≈ 2⁻²⁴ relative; T need not be a power of two.</remarks>
    public void Encode(uint cumulative, uint frequency, uint total)
    {
        CheckSymbol(cumulative, frequency, total);
        EnsureOpen();
        uint start = (uint)(((ulong)_range * cumulative) / total);
        uint end = (uint)(((ulong)_range * (cumulative + frequency)) / total);
        _low += start;
        _range = end - start;
        while (_range < Top)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    /// <summary>Encodes one bit given the probability that it is 1.</summary>
    /// <param name="bit">0 or 1 (any non-zero value counts as 1).</param>
    /// <param name="probabilityOfOne">P(bit = 1) in units of 2⁻¹⁶, in 1 … 65535.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probabilityOfOne"/> is outside 1 … 65535.</exception>
    /// <remarks>Costs −log₂ P(bit) bits, ≥ 2.2·10⁻⁵ bits even for the most probable outcome; no branch on the bit.</remarks>
    public void EncodeBit(int bit, int probabilityOfOne)
    {
        if ((uint)(probabilityOfOne - 1) >= 65535u)
        {
            ThrowProbability(probabilityOfOne);
        }

        EnsureOpen();
        EncodeBitUnchecked(bit, probabilityOfOne);
    }

    /// <summary><see cref="EncodeBit"/> without the argument checks, for models that guarantee 1 ≤ p ≤ 65535.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EncodeBitUnchecked(int bit, int probabilityOfOne)
    {
        uint bound = (uint)(((ulong)_range * (uint)probabilityOfOne) >> ProbabilityBits);
        uint one = (uint)-(bit != 0 ? 1 : 0);
        _low += bound & ~one;
        _range = (bound & one) | ((_range - bound) & ~one);
        while (_range < Top)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    /// <summary>Writes the final bytes; the encoder takes no more symbols afterwards. Calling it again does nothing.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        for (int i = 0; i < 5; i++)
        {
            ShiftLow();
        }

        _finished = true;
    }

    /// <summary>Forgets everything written, for a new message (the buffer is kept).</summary>
    public void Reset()
    {
        _low = 0;
        _range = uint.MaxValue;
        _cache = 0;
        _pending = 1;
        _first = true;
        _finished = false;
        _length = 0;
    }

    internal static void CheckSymbol(uint cumulative, uint frequency, uint total)
    {
        if (total > MaxTotal)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"total must be at most 2^24 = {MaxTotal}; got {total}.");
        }

        if (frequency == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "frequency must be at least 1: a symbol of frequency 0 cannot be coded.");
        }

        if ((ulong)cumulative + frequency > total)
        {
            throw new ArgumentOutOfRangeException(nameof(cumulative), cumulative, $"cumulative + frequency = {(ulong)cumulative + frequency} exceeds total {total}.");
        }
    }

    internal static void ThrowProbability(int probabilityOfOne) =>
        throw new ArgumentOutOfRangeException(nameof(probabilityOfOne), probabilityOfOne, $"probabilityOfOne must be in 1 … 65535 (units of 2^-16); got {probabilityOfOne}.");

    private void EnsureOpen()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The range encoder was finished; Reset it to code another message.");
        }
    }

    private void ShiftLow()
    {
        if ((uint)_low < 0xFF00_0000u || (_low >> 32) != 0)
        {
            byte carry = (byte)(_low >> 32);
            byte held = _cache;
            do
            {
                if (_first)
                {
                    _first = false; // the leading byte is always 0 (nothing can carry into it): not written
                }
                else
                {
                    Put((byte)(held + carry));
                }

                held = 0xFF;
            }
            while (--_pending != 0);
            _cache = (byte)((uint)_low >> 24);
        }

        _pending++;
        _low = (_low & 0x00FF_FFFFul) << 8;
    }

    private void Put(byte value)
    {
        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }

        _buffer[_length++] = value;
    }
}
