using System.Runtime.CompilerServices;

namespace Shannon.Language.NGrams;

/// <summary>
/// An open-addressing hash map from packed (context, word) keys to values: linear probing over a
/// power-of-two table, keys mixed with a splitmix64 finaliser (the default <see cref="ulong"/> hash XORs
/// the halves, so small context and word ids would collide en masse). No removal.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class NGramMap<TValue>
    where TValue : struct
{
    private const ulong Empty = ulong.MaxValue;
    private ulong[] _keys;
    private TValue[] _values;
    private int _mask;

    internal NGramMap(int capacity = 16)
    {
        int size = (int)Math.Min(1L << 30, Math.Max(16, (long)BitOperationsCeiling(capacity) * 2));
        _keys = new ulong[size];
        Array.Fill(_keys, Empty);
        _values = new TValue[size];
        _mask = size - 1;
    }

    /// <summary>The number of keys.</summary>
    internal int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGetValue(ulong key, out TValue value)
    {
        var keys = _keys;
        int slot = Hash(key) & _mask;
        while (true)
        {
            ulong found = keys[slot];
            if (found == key)
            {
                value = _values[slot];
                return true;
            }

            if (found == Empty)
            {
                value = default;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>A reference to the value of <paramref name="key"/>, added as default when absent.</summary>
    internal ref TValue GetValueRefOrAddDefault(ulong key, out bool exists)
    {
        if ((Count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        int slot = Hash(key) & _mask;
        while (true)
        {
            ulong found = _keys[slot];
            if (found == key)
            {
                exists = true;
                return ref _values[slot];
            }

            if (found == Empty)
            {
                _keys[slot] = key;
                Count++;
                exists = false;
                return ref _values[slot];
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds a key that is not yet present; false when it was.</summary>
    internal bool TryAdd(ulong key, TValue value)
    {
        ref TValue slot = ref GetValueRefOrAddDefault(key, out bool exists);
        if (!exists)
        {
            slot = value;
        }

        return !exists;
    }

    /// <summary>Every entry, in table order.</summary>
    internal IEnumerable<KeyValuePair<ulong, TValue>> Entries()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != Empty)
            {
                yield return new(_keys[i], _values[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ulong key)
    {
        ulong z = key * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        return (int)(z ^ (z >> 31));
    }

    private static int BitOperationsCeiling(int value) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, value));

    private void Grow()
    {
        var oldKeys = _keys;
        var oldValues = _values;
        _keys = new ulong[oldKeys.Length * 2];
        Array.Fill(_keys, Empty);
        _values = new TValue[_keys.Length];
        _mask = _keys.Length - 1;
        for (int i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != Empty)
            {
                int slot = Hash(oldKeys[i]) & _mask;
                while (_keys[slot] != Empty)
                {
                    slot = (slot + 1) & _mask;
                }

                _keys[slot] = oldKeys[i];
                _values[slot] = oldValues[i];
            }
        }
    }
}
