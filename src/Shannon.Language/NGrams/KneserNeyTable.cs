using System.Numerics.Tensors;

namespace Shannon.Language.NGrams;

/// <summary>
/// The counts of an interpolated modified Kneser–Ney model and its probabilities. Token ids: 0 is the
/// begin-of-sentence padding (a context word, never predicted); 1 … V are the predicted tokens.
/// </summary>
/// <remarks>
/// Histories are stored as a trie that grows to the left: context 0 is the empty history and
/// <c>Extend(c, x)</c> is the context "x c" (x the older word). N-gram counts of order k are keyed by
/// (context of length k − 1, word). The highest order holds raw counts; each lower order holds the
/// continuation counts N₁₊(• h w), the number of distinct words seen before h w.
/// </remarks>
internal sealed class KneserNeyTable
{
    private readonly int[] _contextParent;
    private readonly int[] _contextWord;
    private readonly int[] _contextLength;
    private readonly NGramMap<int> _extend;
    private readonly NGramMap<long>[] _counts;
    private readonly long[] _total;
    private readonly double[] _backoffNumerator;
    private readonly int[] _firstExtension;
    private readonly int[] _extensionWord;
    private readonly long[] _extensionCount;
    private readonly double[] _discounts;
    private readonly double _uniform;

    /// <param name="order">The model's order n.</param>
    /// <param name="tokenCount">The number of token ids including the padding id 0.</param>
    /// <param name="contextParent">For each context (0 is the empty one), the context one word shorter; −1 for 0.</param>
    /// <param name="contextWord">For each context, its oldest word; −1 for 0.</param>
    /// <param name="counts">For each order k = 1 … n (index k − 1), the count of (context, word) keyed by <see cref="Key"/>.</param>
    internal KneserNeyTable(int order, int tokenCount, int[] contextParent, int[] contextWord, NGramMap<long>[] counts)
    {
        Order = order;
        TokenCount = tokenCount;
        _contextParent = contextParent;
        _contextWord = contextWord;
        _counts = counts;
        int contexts = contextParent.Length;
        _contextLength = new int[contexts];
        _extend = new NGramMap<int>(contexts);
        for (int c = 1; c < contexts; c++)
        {
            _contextLength[c] = _contextLength[contextParent[c]] + 1;
            _extend.TryAdd(Key(contextParent[c], contextWord[c]), c);
        }

        _uniform = 1.0 / (tokenCount - 1);
        _discounts = new double[(order + 1) * 4];
        _total = new long[contexts];
        var n1 = new long[contexts];
        var n2 = new long[contexts];
        var n3 = new long[contexts];
        _firstExtension = new int[contexts + 1];
        Span<long> countOfCounts = stackalloc long[6];
        for (int k = 1; k <= order; k++)
        {
            countOfCounts.Clear();
            foreach (var (key, count) in counts[k - 1].Entries())
            {
                int c = (int)(key >> 32);
                _total[c] += count;
                _firstExtension[c + 1]++;
                (count == 1 ? n1 : count == 2 ? n2 : n3)[c]++;
                countOfCounts[(int)Math.Min(count, 5)]++;
            }

            KneserNeyDiscounts.Estimate(countOfCounts, _discounts.AsSpan(k * 4, 4));
        }

        _backoffNumerator = new double[contexts];
        for (int c = 0; c < contexts; c++)
        {
            int k = _contextLength[c] + 1;
            _backoffNumerator[c] = (Discount(k, 1) * n1[c]) + (Discount(k, 2) * n2[c]) + (Discount(k, 3) * n3[c]);
            _firstExtension[c + 1] += _firstExtension[c];
        }

        int entries = _firstExtension[contexts];
        _extensionWord = new int[entries];
        _extensionCount = new long[entries];
        var fill = _firstExtension[..contexts];
        for (int k = 1; k <= order; k++)
        {
            foreach (var (key, count) in counts[k - 1].Entries())
            {
                int c = (int)(key >> 32);
                int at = fill[c]++;
                _extensionWord[at] = (int)(uint)key;
                _extensionCount[at] = count;
            }
        }
    }

    /// <summary>The order n.</summary>
    internal int Order { get; }

    /// <summary>Token ids including the padding id 0; V = <see cref="TokenCount"/> − 1 tokens are predicted.</summary>
    internal int TokenCount { get; }

    /// <summary>The number of stored contexts, the empty one included.</summary>
    internal int ContextCount => _contextParent.Length;

    internal ReadOnlySpan<int> ContextParents => _contextParent;

    internal ReadOnlySpan<int> ContextWords => _contextWord;

    internal IReadOnlyList<NGramMap<long>> Counts => _counts;

    /// <summary>The discount D_k(c) of order k for a count c ≥ 1 (c ≥ 3 share D₃₊).</summary>
    internal double Discount(int k, long count) => _discounts[(k * 4) + (int)Math.Min(count, 3)];

    internal static ulong Key(int context, int word) => ((ulong)(uint)context << 32) | (uint)word;

    /// <summary>
    /// ln P(w | history) by the interpolated recursion from the uniform distribution up to order n.
    /// <paramref name="history"/> holds at least n − 1 ids, the most recent last.
    /// </summary>
    internal double LogProbability(ReadOnlySpan<int> history, int word)
    {
        double p = _uniform;
        int context = 0;
        for (int j = 0; ; j++)
        {
            long count = _counts[j].TryGetValue(Key(context, word), out long found) ? found : 0;
            double discounted = count == 0 ? 0.0 : count - _discounts[((j + 1) * 4) + (int)Math.Min(count, 3)];
            p = (discounted + (_backoffNumerator[context] * p)) / _total[context];
            if (j == Order - 1 || !_extend.TryGetValue(Key(context, history[history.Length - 1 - j]), out context))
            {
                return Math.Log(p);
            }
        }
    }

    /// <summary>Writes P(w | history) for every id w into <paramref name="destination"/> (the padding id gets 0).</summary>
    internal void Distribution(ReadOnlySpan<int> history, Span<double> destination)
    {
        destination = destination[..TokenCount];
        destination.Fill(_uniform);
        destination[0] = 0.0;
        int context = 0;
        for (int j = 0; ; j++)
        {
            double total = _total[context];
            TensorPrimitives.Multiply(destination, _backoffNumerator[context] / total, destination);
            for (int e = _firstExtension[context]; e < _firstExtension[context + 1]; e++)
            {
                long count = _extensionCount[e];
                destination[_extensionWord[e]] += (count - Discount(j + 1, count)) / total;
            }

            if (j == Order - 1 || !_extend.TryGetValue(Key(context, history[history.Length - 1 - j]), out context))
            {
                return;
            }
        }
    }

    /// <summary>Counts a sentence stream into the raw and continuation counts of an order-n model.</summary>
    /// <param name="order">n ≥ 1.</param>
    /// <param name="tokenCount">Ids including the padding id 0.</param>
    /// <param name="stream">Token ids 1 … V, each sentence ended by <paramref name="endOfSentence"/>.</param>
    /// <param name="endOfSentence">The end-of-sentence id.</param>
    /// <param name="progress">Told the tokens counted, about 256 times; null for none.</param>
    internal static KneserNeyTable Count(int order, int tokenCount, ReadOnlySpan<int> stream, int endOfSentence, IProgress<WorkDone>? progress = null)
    {
        var parents = new List<int> { -1 };
        var words = new List<int> { -1 };
        var extend = new NGramMap<int>();
        var counts = new NGramMap<long>[order];
        for (int k = 0; k < order; k++)
        {
            counts[k] = new NGramMap<long>();
        }

        var history = new int[order - 1];
        int filled = 0;
        int step = Math.Max(1, (stream.Length + 255) / 256);
        for (int position = 0; position < stream.Length; position++)
        {
            if (progress is not null && position % step == 0)
            {
                progress.Report(new WorkDone(position, stream.Length));
            }

            int word = stream[position];
            int context = 0;
            for (int j = 0; j < order - 1; j++)
            {
                int older = j < filled ? history[(filled - 1 - j) % history.Length] : 0;
                ref int child = ref extend.GetValueRefOrAddDefault(Key(context, older), out bool exists);
                if (!exists)
                {
                    child = parents.Count;
                    parents.Add(context);
                    words.Add(older);
                }

                context = child;
            }

            counts[order - 1].GetValueRefOrAddDefault(Key(context, word), out _)++;
            if (word == endOfSentence)
            {
                filled = 0;
            }
            else if (order > 1)
            {
                history[filled % history.Length] = word;
                filled++;
            }
        }

        var parentArray = parents.ToArray();
        for (int k = order - 1; k >= 1; k--)
        {
            var lower = counts[k - 1];
            foreach (var (key, _) in counts[k].Entries())
            {
                int shorter = parentArray[(int)(key >> 32)];
                lower.GetValueRefOrAddDefault(Key(shorter, (int)(uint)key), out _)++;
            }
        }

        progress?.Report(new WorkDone(stream.Length, stream.Length));
        return new KneserNeyTable(order, tokenCount, parentArray, [.. words], counts);
    }
}
