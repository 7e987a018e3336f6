using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Shannon.Coding;

/// <summary>
/// The adaptive byte model behind <c>compress</c>: each byte is coded as 8 binary decisions, and the probability of
/// each bit mixes the predictions of the contexts of the last 0 … N bytes (and, from N = 3, a word context and a
/// long-match model) by online logistic regression; the decoder runs the same model and mirrors it exactly.
/// </summary>
/// <remarks>
/// <para>Inputs. Order 0 and 1 contexts index direct tables of 32-bit counters. Orders 2 … N and the word context (a
/// hash of the letters of the current and previous word) are hashed into tables of 64-byte lines, each holding two
/// 32-byte buckets; a bucket belongs to one context and nibble and holds a 16-bit check and the 15 nodes of the
/// nibble's binary tree as 16-bit counters. So each nibble costs one cache line per context, and one bit before a
/// nibble starts, the lines of both nibbles (for the first nibble, both bytes) it can still be are prefetched for every
/// context, with the match table's entry. A check that matches neither bucket of the line replaces the less-used one.
/// Every counter is an adaptive probability with a hit count n: p ← p + (bit − p)/(n + 1.5), n capped (at 255 for
/// the direct tables, 15 for the hashed ones), so new contexts learn fast and old ones average over many events. The
/// match model finds the last occurrence of the current 6-byte context in the recent history (4 MiB) and predicts the
/// byte that followed it, with a confidence learned per match length.</para>
/// <para>Mixing. The inputs are stretched, st(p) = ln(p/(1 − p)), and combined as p = squash(Σᵢ wᵢ stᵢ), one weight
/// vector per partial byte; the weights follow the gradient of the coding cost, wᵢ ← wᵢ + η (bit − p) stᵢ (Mahoney
/// 2005), updated in <see cref="System.Numerics.Vector{T}"/> lanes of whatever width the machine has (the same
/// integers on every path). The coder receives the mixed probability itself: an adaptive probability map after the
/// mixer (secondary estimation) cost a sixth of the time per bit and made the Bible's code larger, not smaller.</para>
/// <para>Exactness. Everything is integer arithmetic on tables built without the platform's exp or log
/// (<see cref="Logistic"/>), so an encoder and decoder agree on every machine. Probabilities handed to the coder are
/// 12-bit, in [1, 4095] of 4096.</para>
/// <para>References: Mahoney, M. V. (2005), Adaptive weighing of context models for lossless data compression,
/// Florida Tech. TR CS-2005-16; Mahoney, M. V. (2013), <i>Data Compression Explained</i>, §4.3 (context mixing,
/// logistic mixing, secondary estimation), mattmahoney.net/dc/dce.html; Cleary, J. G. &amp; Witten, I. H. (1984),
/// Data compression using adaptive coding and partial string matching, IEEE Trans. Commun. 32(4), 396–402,
/// doi:10.1109/TCOM.1984.1096090 (the orders-0-to-N family this model blends).</para>
/// </remarks>
[SkipLocalsInit]
internal sealed unsafe class ContextMixingModel
{
    /// <summary>The largest order: contexts of up to 8 bytes.</summary>
    internal const int MaxOrder = 8;

    /// <summary>Hit counts of the direct (order 0 and 1) counters stop here.</summary>
    internal const int DirectLimit = 255;

    /// <summary>Hit counts of the hashed counters stop here (4 bits).</summary>
    internal const int HashedLimit = 15;

    private const int MatchMinimum = 6;
    private const int HistoryBits = 22;
    private const int MatchTableBits = 20;
    private const uint Half = 1u << 31;
    private const ushort HalfShort = 1 << 15;

    /// <summary>How many bits before a nibble starts its candidate lines are prefetched (2^lead candidates per context).</summary>
    private const int PrefetchLead = 1;

    private readonly int _order;
    private readonly int _inputs;
    private readonly int _stride;
    private readonly int _direct;
    private readonly int _hashed;
    private readonly bool _matchModel;
    private readonly bool _scalarMixer;

    // All tables live in pinned arrays; the pointers below point into them and stay valid as long as the arrays do.
    private readonly uint[] _directMemory;
    private readonly ushort[] _hashedMemory;
    private readonly int[] _intMemory;
    private readonly byte[] _historyMemory;
    private readonly nint[] _pointerMemory;
    private readonly short[] _stretchMemory;
    private readonly short[] _squashMemory;

    private readonly uint* _order0;
    private readonly uint* _order1;
    private readonly ushort** _tableStarts;
    private readonly uint* _tableMasks;
    private readonly ushort** _buckets;
    private readonly uint** _directSlots;
    private readonly uint* _hashes;
    private readonly int* _rates;
    private readonly int* _weights;
    private readonly int* _stretched;
    private readonly int* _matchCounters;
    private readonly int* _matchTable;
    private readonly byte* _history;
    private readonly short* _stretch;
    private readonly short* _squash;

    private int* _weightSet;
    private int _c0 = 1;
    private int _bitPosition;
    private int _nibble = 1;
    private uint _c4;
    private uint _c8;
    private uint _word;
    private uint _previousWord;
    private int _mixed;
    private int _probability;
    private int _historyLength;
    private int _matchPointer;
    private int _matchLength;
    private int _matchBit;
    private int _matchContext = -1;

    /// <summary>A fresh model mixing the contexts of the last 0 … <paramref name="order"/> bytes.</summary>
    /// <param name="order">N in 0 … <see cref="MaxOrder"/>.</param>
    /// <param name="scalarMixer">Update the mixer's weights one by one instead of in vectors (the same numbers; for tests that compare the paths).</param>
    internal ContextMixingModel(int order, bool scalarMixer = false)
    {
        _order = order;
        _scalarMixer = scalarMixer;
        _matchModel = order >= 3;
        _direct = order >= 1 ? 2 : 1;
        _hashed = Math.Max(0, order - 1) + (_matchModel ? 1 : 0);
        _inputs = _direct + _hashed + (_matchModel ? 1 : 0);
        int lanes = Math.Max(8, Vector<int>.Count);
        _stride = (_inputs + lanes - 1) / lanes * lanes; // weight sets and inputs padded to whole vectors (padding inputs stay 0)

        var bits = new int[Math.Max(1, _hashed)];
        long lines = 1;
        for (int i = 0; i < _hashed; i++)
        {
            bits[i] = TableBits(i + 2 <= order ? i + 2 : 0);
            lines += 1L << bits[i];
        }

        // Counters are stored XOR ½ so that zeroed memory means "probability ½, no hits" and needs no fill.
        _directMemory = GC.AllocateArray<uint>(256 + 65536, pinned: true);
        _hashedMemory = GC.AllocateArray<ushort>(checked((int)(lines * 32)), pinned: true);
        _intMemory = GC.AllocateArray<int>(256 + (256 * _stride) + _stride + 64 + (_matchModel ? 1 << MatchTableBits : 0) + (2 * _hashed) + 16, pinned: true);
        _historyMemory = GC.AllocateArray<byte>(_matchModel ? 1 << HistoryBits : 16, pinned: true);
        _pointerMemory = GC.AllocateArray<nint>((2 * _hashed) + _direct + 4, pinned: true);
        _stretchMemory = GC.AllocateArray<short>(4096, pinned: true);
        _squashMemory = GC.AllocateArray<short>(4096, pinned: true);
        Logistic.Stretch.CopyTo(_stretchMemory, 0);
        Logistic.Squash.CopyTo(_squashMemory, 0);

        _order0 = (uint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_directMemory));
        _order1 = _order0 + 256;
        int* ints = (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_intMemory));
        _rates = ints;
        _weights = _rates + 256;
        _stretched = _weights + (256 * _stride);
        _matchCounters = _stretched + _stride;
        _matchTable = _matchCounters + 64;
        _tableMasks = (uint*)(_matchTable + (_matchModel ? 1 << MatchTableBits : 0));
        _hashes = _tableMasks + _hashed;
        _history = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_historyMemory));
        nint* pointers = (nint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_pointerMemory));
        _buckets = (ushort**)pointers;
        _tableStarts = (ushort**)(pointers + _hashed);
        _directSlots = (uint**)(pointers + (2 * _hashed));
        _stretch = (short*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_stretchMemory));
        _squash = (short*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_squashMemory));

        ushort* hashedBase = (ushort*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_hashedMemory));

        ushort* start = (ushort*)(((nint)hashedBase + 63) & ~(nint)63);
        for (int i = 0; i < _hashed; i++)
        {
            _tableStarts[i] = start;
            _tableMasks[i] = (1u << bits[i]) - 1;
            start += 32L << bits[i];
        }

        // Learning rate 1/(n + 1.5) in 16-bit fixed point, from integers only.
        for (int n = 0; n < 256; n++)
        {
            _rates[n] = 131072 / ((2 * n) + 3);
        }

        for (int i = 0; i < 256 * _stride; i++)
        {
            _weights[i] = i % _stride < _inputs ? 1 << 14 : 0;
        }

        for (int i = 0; i < 64; i++)
        {
            _matchCounters[i] = 1 << 15;
        }

        _weightSet = _weights;
        StartByte();
        Predict();
    }

    /// <summary>The bytes of table memory this model holds.</summary>
    internal long MemoryBytes => (_directMemory.Length * 4L) + (_hashedMemory.Length * 2L) + (_intMemory.Length * 4L) + _historyMemory.Length;

    /// <summary>The current P(next bit = 1) in units of 2⁻¹², in [1, 4095].</summary>
    internal int Probability => _probability;

    /// <summary>Codes <paramref name="data"/> with <paramref name="encoder"/>, learning as it goes.</summary>
    /// <returns>The ideal code length Σ −log₂ p in units of 2⁻¹⁶ bits.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal long Encode(ReadOnlySpan<byte> data, RangeEncoder encoder)
    {
        long ideal = 0;
        int* cost = CodeCost.Table;
        foreach (byte value in data)
        {
            for (int shift = 7; shift >= 0; shift--)
            {
                int bit = (value >> shift) & 1;
                int p = _probability;
                encoder.EncodeBitUnchecked(bit, p << 4);
                ideal += cost[bit != 0 ? p : 4096 - p];
                Update(bit);
            }
        }

        return ideal;
    }

    /// <summary>Decodes <paramref name="destination"/>.Length bytes from <paramref name="decoder"/>, learning as it goes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Decode(RangeDecoder decoder, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            int value = 0;
            for (int k = 0; k < 8; k++)
            {
                int bit = decoder.DecodeBitUnchecked(_probability << 4);
                Update(bit);
                value = (value << 1) | bit;
            }

            destination[i] = (byte)value;
        }
    }

    /// <summary>Learns <paramref name="data"/> without coding it (the decoder's side of a stored block).</summary>
    /// <returns>The ideal code length the model would have spent, in units of 2⁻¹⁶ bits.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal long Observe(ReadOnlySpan<byte> data)
    {
        long ideal = 0;
        int* cost = CodeCost.Table;
        foreach (byte value in data)
        {
            for (int shift = 7; shift >= 0; shift--)
            {
                int bit = (value >> shift) & 1;
                ideal += cost[bit != 0 ? _probability : 4096 - _probability];
                Update(bit);
            }
        }

        return ideal;
    }

    /// <summary>Learns from <paramref name="bit"/> and prepares the prediction of the next bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Update(int bit)
    {
        // Mixer: gradient step on the coding cost, wᵢ += (xᵢ · error) >> 12 in 32-bit integers, lane by lane the same
        // whatever the vector width (the padding inputs are 0, so their weights stay put).
        int error = (bit << 12) - _mixed;
        int* w = _weightSet;
        int* x = _stretched;
        if (Vector.IsHardwareAccelerated && !_scalarMixer)
        {
            var e = new Vector<int>(error);
            for (int i = 0; i < _stride; i += Vector<int>.Count)
            {
                var wi = Vector.Load(w + i);
                var xi = Vector.Load(x + i);
                Vector.Store(wi + Vector.ShiftRightArithmetic(xi * e, 12), w + i);
            }
        }
        else
        {
            for (int i = 0; i < _inputs; i++)
            {
                w[i] += (x[i] * error) >> 12;
            }
        }

        // Counters of every context.
        int* rates = _rates;
        uint** directSlots = _directSlots;
        int direct = _direct;
        for (int i = 0; i < direct; i++)
        {
            uint* node = directSlots[i];
            uint value = *node ^ Half;
            uint n = value & 1023;
            int p = (int)(value >> 10);
            p += (int)((((long)((bit << 22) - p)) * rates[n]) >> 16);
            n += n < DirectLimit ? 1u : 0u;
            *node = (((uint)p << 10) | n) ^ Half;
        }

        int nibble = _nibble;
        ushort** buckets = _buckets;
        int hashed = _hashed;
        for (int i = 0; i < hashed; i++)
        {
            ushort* node = buckets[i] + nibble;
            int value = *node ^ HalfShort;
            int n = value & 15;
            int p = value >> 4;
            p += (((bit << 12) - p) * rates[n]) >> 16;
            n += n < HashedLimit ? 1 : 0;
            *node = (ushort)(((p << 4) | n) ^ HalfShort);
        }

        if (_matchContext >= 0)
        {
            int* counter = _matchCounters + _matchContext;
            *counter += ((bit << 16) - *counter) >> 6;
            if (_matchBit != bit)
            {
                _matchLength = 0;
            }
        }

        int c0 = (_c0 << 1) | bit;
        _c0 = c0;
        _nibble = (nibble << 1) | bit;
        int position = ++_bitPosition;
        if (position == 8)
        {
            EndByte((byte)c0);
            StartByte();
        }
        else if (position == 4)
        {
            _nibble = 1;
            SelectBuckets((uint)c0);
        }
        else if (position == 4 - PrefetchLead)
        {
            PrefetchNibble((uint)c0);
        }
        else if (position == 8 - PrefetchLead)
        {
            PrefetchByte((uint)c0);
        }

        Predict();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Predict()
    {
        // The inputs are gathered and Σ wᵢ xᵢ summed in one pass, in wrapping 32-bit integers: the same value in any
        // order of summation, so the vector update above and this scalar sum agree with every other path.
        int c0 = _c0;
        int* w = _weightSet = _weights + (c0 * _stride);
        int* x = _stretched;
        short* stretch = _stretch;
        uint** direct = _directSlots;
        uint* slot = _order0 + c0;
        direct[0] = slot;
        int s = stretch[(*slot ^ Half) >> 20];
        x[0] = s;
        int dot = s * w[0];
        int k = 1;
        if (_direct > 1)
        {
            slot = _order1 + (((_c4 & 0xFF) << 8) | (uint)c0);
            direct[1] = slot;
            s = stretch[(*slot ^ Half) >> 20];
            x[1] = s;
            dot += s * w[1];
            k = 2;
        }

        int nibble = _nibble;
        ushort** buckets = _buckets;
        int hashed = _hashed;
        for (int i = 0; i < hashed; i++, k++)
        {
            s = stretch[(buckets[i][nibble] ^ HalfShort) >> 4];
            x[k] = s;
            dot += s * w[k];
        }

        if (_matchModel)
        {
            s = 0;
            _matchContext = -1;
            if (_matchLength > 0)
            {
                int bitPosition = _bitPosition;
                int predicted = _history[_matchPointer] | 256;
                if ((predicted >> (8 - bitPosition)) == c0)
                {
                    int matchBit = (predicted >> (7 - bitPosition)) & 1;
                    _matchBit = matchBit;
                    int length = _matchLength < 16 ? _matchLength : 16 + Math.Min((_matchLength - 16) >> 2, 15);
                    int context = (length * 2) + matchBit;
                    _matchContext = context;
                    s = stretch[_matchCounters[context] >> 4];
                }
                else
                {
                    _matchLength = 0;
                }
            }

            x[k] = s;
            dot += s * w[k];
        }

        dot >>= 16;
        dot = Math.Clamp(dot, -2047, 2047);
        int mixed = _squash[dot + 2048];
        _mixed = mixed;
        _probability = Math.Clamp(mixed, 1, 4095);
    }

    private void EndByte(byte value)
    {
        _c8 = (_c8 << 8) | (_c4 >> 24);
        _c4 = (_c4 << 8) | value;
        _c0 = 1;
        _bitPosition = 0;
        _nibble = 1;
        if ((uint)((value | 32) - 'a') < 26u)
        {
            _word = (_word + (uint)(value | 32) + 1) * 0x2F0B_4A13u;
        }
        else if (_word != 0)
        {
            _previousWord = _word;
            _word = 0;
        }

        if (_matchModel)
        {
            _history[_historyLength & ((1 << HistoryBits) - 1)] = value;
            _historyLength++;
            if (_matchLength > 0)
            {
                _matchPointer = (_matchPointer + 1) & ((1 << HistoryBits) - 1);
                _matchLength = Math.Min(_matchLength + 1, 65535);
            }
        }
    }

    private void StartByte()
    {
        for (int i = 0; i < _hashed; i++)
        {
            _hashes[i] = ContextHash(i + 2 <= _order ? i + 2 : 0, _c4, _c8, _word, _previousWord);
        }

        SelectBuckets(0);
        if (_matchModel)
        {
            FindMatch();
        }
    }

    /// <summary>The hash of a context of <paramref name="order"/> bytes (0: the word context) given the history.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ContextHash(int order, uint c4, uint c8, uint word, uint previousWord)
    {
        ulong context = order == 0 ? ((ulong)word << 32) | previousWord
            : order <= 4 ? c4 & (uint.MaxValue >> (32 - (8 * order)))
            : (((ulong)c8 << 32) | c4) & (ulong.MaxValue >> (64 - (8 * order)));
        ulong h = (context + ((ulong)(order + 1) * 0x9E37_79B9_7F4A_7C15ul)) * 0xD6E8_FEB8_6659_FD93ul;
        return (uint)((h ^ (h >> 29)) >> 32);
    }

    /// <summary>The line (two buckets) of hashed context <paramref name="i"/> for a nibble, and the check its bucket carries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ushort* LineOf(int i, uint hash, uint nibbleContext, out uint check)
    {
        uint h = (hash + (nibbleContext * 0x9E37_79B1u)) * 0x85EB_CA6Bu;
        h ^= h >> 15;
        check = (h >> 16) | 1;
        return _tableStarts[i] + ((h & _tableMasks[i]) << 5);
    }

    /// <summary>
    /// With <see cref="PrefetchLead"/> bits of a byte's second nibble still to come, asks for the lines of every
    /// nibble it can still be, so they are in cache when <see cref="SelectBuckets"/> needs one of them. Only a hint:
    /// the model's arithmetic does not depend on it.
    /// </summary>
    private void PrefetchNibble(uint partial)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        for (uint tail = 0; tail < 1u << PrefetchLead; tail++)
        {
            uint nibbleContext = (partial << PrefetchLead) | tail;
            for (int i = 0; i < _hashed; i++)
            {
                Sse.Prefetch0(LineOf(i, _hashes[i], nibbleContext, out _));
            }
        }
    }

    /// <summary>The same as <see cref="PrefetchNibble"/> for the first nibble of every byte the current one can still be (and its match-table entry).</summary>
    private void PrefetchByte(uint partial)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        for (uint tail = 0; tail < 1u << PrefetchLead; tail++)
        {
            uint value = ((partial << PrefetchLead) | tail) & 0xFF;
            uint c8 = (_c8 << 8) | (_c4 >> 24);
            uint c4 = (_c4 << 8) | value;
            uint word = _word;
            uint previousWord = _previousWord;
            if ((uint)((value | 32) - 'a') < 26u)
            {
                word = (word + (value | 32) + 1) * 0x2F0B_4A13u;
            }
            else if (word != 0)
            {
                previousWord = word;
                word = 0;
            }

            for (int i = 0; i < _hashed; i++)
            {
                uint hash = ContextHash(i + 2 <= _order ? i + 2 : 0, c4, c8, word, previousWord);
                Sse.Prefetch0(LineOf(i, hash, 0, out _));
            }

            if (_matchModel)
            {
                Sse.Prefetch0(_matchTable + MatchHash(c4, c8));
            }
        }
    }

    /// <summary>Points each hashed context at its bucket for the nibble that starts now, replacing a stale one.</summary>
    private void SelectBuckets(uint nibbleContext)
    {
        ushort** lines = stackalloc ushort*[MaxOrder + 1];
        uint* checks = stackalloc uint[MaxOrder + 1];
        for (int i = 0; i < _hashed; i++)
        {
            lines[i] = LineOf(i, _hashes[i], nibbleContext, out checks[i]);
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(lines[i]);
            }
        }

        for (int i = 0; i < _hashed; i++)
        {
            ushort* first = lines[i];
            ushort* second = first + 16;
            ushort check = (ushort)checks[i];
            ushort* bucket;
            if (first[0] == check)
            {
                bucket = first;
            }
            else if (second[0] == check)
            {
                bucket = second;
            }
            else
            {
                // Replace the bucket whose first node has seen fewer events: 16 ushorts back to "½, no hits" (zero).
                bucket = ((first[1] ^ HalfShort) & 15) <= ((second[1] ^ HalfShort) & 15) ? first : second;
                Unsafe.InitBlockUnaligned(bucket, 0, 32);
                bucket[0] = check;
            }

            _buckets[i] = bucket;
        }
    }

    private void FindMatch()
    {
        const int mask = (1 << HistoryBits) - 1;
        if (_historyLength < MatchMinimum)
        {
            return;
        }

        uint h = MatchHash(_c4, _c8);
        if (_matchLength == 0)
        {
            int candidate = _matchTable[h];
            if (candidate > 0 && _historyLength - candidate < (1 << HistoryBits) - 64)
            {
                int length = 0;
                while (length < 32 && candidate - 1 - length >= 0
                    && _history[(candidate - 1 - length) & mask] == _history[(_historyLength - 1 - length) & mask])
                {
                    length++;
                }

                if (length >= MatchMinimum)
                {
                    _matchLength = length;
                    _matchPointer = candidate & mask;
                }
            }
        }

        _matchTable[h] = _historyLength;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint MatchHash(uint c4, uint c8) => ((c4 * 0x9E37_79B1u) ^ ((c8 & 0xFFFF) * 0x85EB_CA77u)) >> (32 - MatchTableBits);

    /// <summary>Bits of the line index of a hashed context (a line is 64 bytes, two buckets): larger tables for longer contexts.</summary>
    /// <remarks>
    /// Sized to stay near the caches rather than to avoid collisions: a quarter of the earlier 2¹⁵/2¹⁷/2¹⁸ lines cost
    /// the Bible 0.016 bits per byte and saved about a fifth of the CPU time each way (issue 20).
    /// </remarks>
    private static int TableBits(int order) => order switch
    {
        2 => 13,
        3 => 15,
        0 => 15,
        _ => 16,
    };
}
