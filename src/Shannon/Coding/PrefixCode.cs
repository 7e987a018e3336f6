using System.Numerics;
using Shannon.Measures;
using Shannon.Numerics;

namespace Shannon.Coding;

/// <summary>
/// A binary prefix code for a finite alphabet built from a probability distribution: one codeword length and one
/// codeword (a string of <c>0</c> and <c>1</c>) per symbol, with the code's Kraft sum and expected length.
/// </summary>
/// <remarks>
/// <para>Symbols of probability 0 get no codeword (<see cref="HasCodeword"/> is false, length 0, codeword
/// <see langword="null"/>): an optimal code never spends code space on them, and data that contains one cannot be
/// encoded, so its expected length under such data is +∞, the coding form of H(Q, P) = +∞ where pᵢ = 0 &lt; qᵢ.
/// An alphabet with a single possible symbol gets the empty codeword (length 0): it takes no bits to say what must
/// happen, so L = H = 0 and the Kraft sum is 1.</para>
/// <para>Construct with <see cref="Huffman"/>, <see cref="LengthLimitedHuffman"/>, <see cref="ShannonFano"/>,
/// <see cref="ShannonFanoElias"/> or <see cref="FromLengths"/>. The codes are binary whatever unit the lengths are
/// reported in: <see cref="ExpectedLength"/> converts bits to the requested <see cref="LogBase"/> once, at the end.</para>
/// <para>Reference: Cover, T. M. &amp; Thomas, J. A. (2006), <i>Elements of Information Theory</i>, 2nd ed., ch. 5
/// (Kraft inequality §5.2, optimal codes §5.3–5.4, Huffman §5.6–5.8, Shannon–Fano–Elias §5.9),
/// doi:10.1002/047174882X.</para>
/// </remarks>
public sealed class PrefixCode
{
    private readonly int[] _lengths;
    private readonly string?[] _codewords;

    private PrefixCode(PrefixCodeConstruction construction, int[] lengths, string?[] codewords)
    {
        Construction = construction;
        _lengths = lengths;
        _codewords = codewords;
        var kraft = default(CompensatedSum);
        for (int i = 0; i < lengths.Length; i++)
        {
            if (codewords[i] is not null)
            {
                kraft.Add(Math.ScaleB(1.0, -lengths[i]));
            }
        }

        KraftSum = kraft.Value;
    }

    /// <summary>How the code was built.</summary>
    public PrefixCodeConstruction Construction { get; }

    /// <summary>The number of symbols in the alphabet, with or without a codeword.</summary>
    public int Count => _lengths.Length;

    /// <summary>The codeword length of each symbol in bits; 0 for a symbol without a codeword (and for the empty codeword of a one-symbol alphabet).</summary>
    public IReadOnlyList<int> Lengths => _lengths;

    /// <summary>The codeword of each symbol as a string of <c>0</c> and <c>1</c>; <see langword="null"/> for a symbol of probability 0.</summary>
    public IReadOnlyList<string?> Codewords => _codewords;

    /// <summary>The Kraft sum Σᵢ 2^−lᵢ over the symbols that have a codeword: ≤ 1 for every prefix code, = 1 exactly when the code is complete (every binary string starts with a codeword or is the start of one).</summary>
    public double KraftSum { get; }

    /// <summary>Does <paramref name="symbol"/> have a codeword?</summary>
    /// <param name="symbol">A symbol index, 0 ≤ symbol &lt; <see cref="Count"/>.</param>
    /// <returns>False exactly for the symbols the code was built to give probability 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="symbol"/> is outside the alphabet.</exception>
    public bool HasCodeword(int symbol)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(symbol);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(symbol, Count);
        return _codewords[symbol] is not null;
    }

    /// <summary>The expected codeword length when the symbols occur with probabilities <paramref name="p"/>.</summary>
    /// <param name="p">The distribution the data follow: the design distribution gives the code's own L, another one Q gives
    /// what the code costs on data from Q. Non-negative, summing to 1 within 1e-9, one entry per symbol.</param>
    /// <param name="logBase">The unit of the result (the code itself is binary); nats by default.</param>
    /// <returns>L = Σᵢ pᵢ lᵢ bits, converted to <paramref name="logBase"/>; +∞ when some pᵢ &gt; 0 has no codeword.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a distribution, or its length differs from <see cref="Count"/>.</exception>
    /// <remarks>
    /// By Gibbs' inequality L ≥ H(P) for every prefix code, and for a code with lengths lᵢ = −log₂ qᵢ (a complete code
    /// is one for the implied distribution qᵢ = 2^−lᵢ) L = H(P, Q) = H(P) + D(P‖Q): the cross-entropy is what a code
    /// designed for Q costs, and the divergence is the waste (Cover &amp; Thomas 2006, Theorem 5.4.3).
    /// </remarks>
    public double ExpectedLength(ReadOnlySpan<double> p, LogBase logBase = default)
    {
        Guard.Distribution(p, nameof(p));
        if (p.Length != Count)
        {
            throw new ArgumentException($"p has {p.Length} entries but the code has {Count} symbols; they must have the same length.", nameof(p));
        }

        var bits = default(CompensatedSum);
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0.0)
            {
                continue;
            }

            if (_codewords[i] is null)
            {
                return double.PositiveInfinity;
            }

            bits.Add(p[i] * _lengths[i]);
        }

        return logBase.FromNats(bits.Value * Math.Log(2.0));
    }

    /// <summary>The redundancy L − H(P) of the code on the distribution <paramref name="p"/>.</summary>
    /// <param name="p">The distribution the data follow (non-negative, summing to 1, one entry per symbol).</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Σᵢ pᵢ lᵢ − H(P) in the unit of <paramref name="logBase"/>: ≥ 0, and for a Huffman code on its own distribution &lt; 1 bit.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a distribution, or its length differs from <see cref="Count"/>.</exception>
    /// <remarks>The bound 0 ≤ L − H &lt; 1 bit for an optimal code is Cover &amp; Thomas (2006), Theorem 5.4.1; a
    /// Shannon–Fano–Elias code has L − H &lt; 2 bits (§5.9).</remarks>
    public double Redundancy(ReadOnlySpan<double> p, LogBase logBase = default)
    {
        double length = ExpectedLength(p, logBase);
        return double.IsPositiveInfinity(length) ? length : Math.Max(0.0, length - Entropy.Of(p, logBase));
    }

    /// <summary>The optimal (minimum expected length) binary prefix code of a distribution, as a canonical Huffman code.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <returns>The Huffman code: lengths from Huffman's merges, codewords assigned canonically.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a NaN, negative or infinite entry, or does not sum to 1.</exception>
    /// <remarks>
    /// Huffman's algorithm merges the two least probable nodes until one remains; a symbol's length is its depth. The
    /// two-queue form after one sort is O(n log n); ties are broken towards leaves and then lower symbol indices, so
    /// equal inputs give equal codes. H ≤ L &lt; H + 1 bit, the Kraft sum is exactly 1 for two or more symbols, and
    /// no prefix code has a smaller expected length. Canonical codewords: symbols sorted by (length, index) receive
    /// consecutive binary numbers, each shifted left as the length grows (Schwartz &amp; Kallick 1964), so the
    /// lengths alone determine the code.
    /// References: Huffman, D. A. (1952), A method for the construction of minimum-redundancy codes, Proc. IRE
    /// 40(9), 1098–1101, doi:10.1109/JRPROC.1952.273898; Schwartz, E. S. &amp; Kallick, B. (1964), Generating a
    /// canonical prefix encoding, Commun. ACM 7(3), 166–169, doi:10.1145/363958.363991.
    /// </remarks>
    public static PrefixCode Huffman(ReadOnlySpan<double> p)
    {
        Guard.Distribution(p, nameof(p));
        return Canonical(PrefixCodeConstruction.Huffman, HuffmanLengths(p), Codable(p));
    }

    /// <summary>The optimal binary prefix code of a distribution among those whose codewords are at most <paramref name="maxLength"/> bits, by package-merge.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="maxLength">The longest codeword allowed, 1 ≤ maxLength ≤ 64; 2^maxLength must be at least the number of symbols with pᵢ &gt; 0.</param>
    /// <returns>The length-limited code with canonical codewords.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a distribution.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is outside 1 … 64 or too small for the number of symbols.</exception>
    /// <remarks>
    /// When the Huffman code already fits it is returned (same lengths). Otherwise the coin-collector form of
    /// package-merge: the symbols sorted by probability form the list at every depth; from the deepest level up,
    /// adjacent items are paired into packages and merged with the symbols; a symbol's length is the number of the
    /// first 2n − 2 items of the final list that contain it. O(n · maxLength) time. The result minimises Σ pᵢ lᵢ
    /// subject to lᵢ ≤ maxLength and is complete (Kraft sum 1).
    /// Reference: Larmore, L. L. &amp; Hirschberg, D. S. (1990), A fast algorithm for optimal length-limited Huffman
    /// codes, J. ACM 37(3), 464–473, doi:10.1145/79147.79150.
    /// </remarks>
    public static PrefixCode LengthLimitedHuffman(ReadOnlySpan<double> p, int maxLength)
    {
        Guard.Distribution(p, nameof(p));
        if (maxLength is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"maxLength must be in 1 … 64; got {maxLength}.");
        }

        int[] lengths = HuffmanLengths(p);
        int used = 0;
        int longest = 0;
        foreach (int i in Support(p))
        {
            used++;
            longest = Math.Max(longest, lengths[i]);
        }

        if (maxLength < 63 && used > 1L << maxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"{used} symbols need codewords of at least {BitOperations.Log2((uint)used - 1) + 1} bits; maxLength {maxLength} is too small.");
        }

        if (longest > maxLength)
        {
            lengths = PackageMerge(p, maxLength);
        }

        return Canonical(PrefixCodeConstruction.LengthLimitedHuffman, lengths, Codable(p));
    }

    /// <summary>Fano's code: the symbols sorted by probability are split recursively into two groups of nearly equal probability, <c>0</c> for the first group and <c>1</c> for the second.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <returns>The Shannon–Fano code (Fano's splitting variant) with its own codewords.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a NaN, negative or infinite entry, or does not sum to 1.</exception>
    /// <remarks>
    /// This is the variant usually called Shannon–Fano coding, Fano's (1949): symbols with pᵢ &gt; 0 are sorted by
    /// decreasing probability (ties by index), and each group is cut where the difference between the two parts'
    /// probabilities is smallest (the first such cut). It is a prefix code and often optimal, but not always: for
    /// (0.35, 0.17, 0.17, 0.16, 0.15) it costs 2.31 bits against Huffman's 2.30. Shannon's own 1948 construction
    /// (lengths ⌈−log₂ pᵢ⌉ from the binary expansion of the cumulative probability) is the basis of
    /// <see cref="ShannonFanoElias"/>. For this splitting rule, L − H ≤ 1 − min pᵢ (Krajči et al. 2015).
    /// References: Fano, R. M. (1949), The transmission of information, Technical Report 65, MIT Research
    /// Laboratory of Electronics; Krajči, S., Liu, C.-F., Mikeš, L. &amp; Moser, S. M. (2015), Performance analysis
    /// of Fano coding, Proc. IEEE ISIT, 1746–1750, doi:10.1109/ISIT.2015.7282755.
    /// </remarks>
    public static PrefixCode ShannonFano(ReadOnlySpan<double> p)
    {
        Guard.Distribution(p, nameof(p));
        int[] order = SortedSupport(p, descending: true);
        var lengths = new int[p.Length];
        var codewords = new string?[p.Length];
        var prefix = new double[order.Length + 1];
        for (int k = 0; k < order.Length; k++)
        {
            prefix[k + 1] = prefix[k] + p[order[k]];
        }

        var pending = new Stack<(int Start, int End, string Word)>();
        pending.Push((0, order.Length, string.Empty));
        while (pending.Count > 0)
        {
            var (start, end, word) = pending.Pop();
            if (end - start == 1)
            {
                lengths[order[start]] = word.Length;
                codewords[order[start]] = word;
                continue;
            }

            double total = prefix[end] - prefix[start];
            int cut = start + 1;
            double best = double.PositiveInfinity;
            for (int k = start + 1; k < end; k++)
            {
                double difference = Math.Abs((2.0 * (prefix[k] - prefix[start])) - total);
                if (difference < best)
                {
                    best = difference;
                    cut = k;
                }
            }

            pending.Push((cut, end, word + "1"));
            pending.Push((start, cut, word + "0"));
        }

        return new PrefixCode(PrefixCodeConstruction.ShannonFano, lengths, codewords);
    }

    /// <summary>The Shannon–Fano–Elias code: lengths ⌈−log₂ pᵢ⌉ + 1 and codewords from the binary expansion of the midpoint of each symbol's cumulative interval.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <returns>The Shannon–Fano–Elias code in the symbols' own order (no sorting).</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a NaN, negative or infinite entry, or does not sum to 1.</exception>
    /// <remarks>
    /// With F̄(x) = Σ_{y &lt; x} p(y) + p(x)/2, the codeword of x is the first l(x) = ⌈−log₂ p(x)⌉ + 1 bits of F̄(x).
    /// It is the code an arithmetic coder produces for a single symbol: the interval [F(x − 1), F(x)) is named by the
    /// shortest dyadic interval inside it, so H ≤ L &lt; H + 2 bits and the code is prefix-free but never complete.
    /// Lengths use −log₂ p = −⌊log₂ p⌋ read from the exponent of the double (exact for powers of two), and the
    /// cumulative sums are exact (binary integers), so the codewords are exact however long they are. When the entries
    /// sum to slightly more than 1 (within the 1e-9 tolerance, e.g. by rounding), the most probable symbol's interval is
    /// placed last so that no midpoint reaches 1; otherwise the symbols keep their order.
    /// Reference: Cover &amp; Thomas (2006), §5.9; Elias's construction as reported by Jelinek, F. (1968),
    /// <i>Probabilistic Information Theory</i>, McGraw-Hill.
    /// </remarks>
    public static PrefixCode ShannonFanoElias(ReadOnlySpan<double> p)
    {
        Guard.Distribution(p, nameof(p));
        const int Scale = 1076; // every double is an integer multiple of 2^-1074; halving needs one more bit
        var lengths = new int[p.Length];
        var codewords = new string?[p.Length];
        var order = Enumerable.Range(0, p.Length).ToList();
        BigInteger total = BigInteger.Zero;
        foreach (double x in p)
        {
            total += Exact(x, Scale);
        }

        if (total > BigInteger.One << Scale)
        {
            // Σp exceeds 1 by rounding: the most probable symbol's interval goes last, so every midpoint stays below 1.
            double[] values = p.ToArray();
            int largest = order.MaxBy(i => values[i]);
            order.Remove(largest);
            order.Add(largest);
        }

        BigInteger cumulative = BigInteger.Zero;
        foreach (int i in order)
        {
            if (p[i] == 0.0)
            {
                continue;
            }

            BigInteger mass = Exact(p[i], Scale);
            BigInteger midpoint = cumulative + (mass >> 1);
            cumulative += mass;
            int length = ShannonLength(p[i]) + 1;
            BigInteger word = midpoint >> (Scale - length);
            if (word >> length != BigInteger.Zero)
            {
                throw new ArgumentException($"p sums to {Guard.Format(CompensatedSum.Of(p))}, so the Shannon–Fano–Elias codeword of p[{i}] = {Guard.Format(p[i])} would leave [0, 1); normalise p explicitly.", nameof(p));
            }

            lengths[i] = length;
            codewords[i] = Binary(word, length);
        }

        return new PrefixCode(PrefixCodeConstruction.ShannonFanoElias, lengths, codewords);
    }

    /// <summary>The canonical prefix code with the given codeword lengths.</summary>
    /// <param name="lengths">One length per symbol: ≥ 1 for a codeword, 0 for a symbol without one (or, for a single symbol, the empty codeword); at most 4096.</param>
    /// <returns>The canonical code: symbols sorted by (length, index) get consecutive binary numbers.</returns>
    /// <exception cref="ArgumentException"><paramref name="lengths"/> is empty, has a negative entry or one above 4096, or violates Kraft's inequality Σ 2^−lᵢ ≤ 1.</exception>
    /// <remarks>
    /// A set of lengths belongs to some prefix code exactly when Σ 2^−lᵢ ≤ 1 (Kraft 1949; McMillan 1956 for every
    /// uniquely decodable code); the canonical assignment is one such code, checked exactly with integer arithmetic.
    /// Zeros mean "no codeword" unless the alphabet has one symbol, whose length 0 is the empty codeword.
    /// Reference: Kraft, L. G. (1949), A device for quantizing, grouping, and coding amplitude-modulated pulses,
    /// MS thesis, MIT; Schwartz &amp; Kallick (1964), doi:10.1145/363958.363991.
    /// </remarks>
    public static PrefixCode FromLengths(ReadOnlySpan<int> lengths)
    {
        Guard.NotEmpty(lengths, nameof(lengths));
        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] is < 0 or > 4096)
            {
                throw new ArgumentException($"lengths has {lengths[i]} at index {i}; a codeword length must be in 0 … 4096.", nameof(lengths));
            }
        }

        var codable = new bool[lengths.Length];
        for (int i = 0; i < lengths.Length; i++)
        {
            codable[i] = lengths[i] > 0 || lengths.Length == 1;
        }

        return Canonical(PrefixCodeConstruction.Canonical, lengths.ToArray(), codable, nameof(lengths));
    }

    /// <summary>⌈−log₂ p⌉ for 0 &lt; p ≤ 1, exactly: with p = m · 2^e, 1 ≤ m &lt; 2, −log₂ p lies in (−e − 1, −e], so the ceiling is −e.</summary>
    internal static int ShannonLength(double p) => -Math.ILogB(p);

    private static bool[] Codable(ReadOnlySpan<double> p)
    {
        var codable = new bool[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            codable[i] = p[i] > 0.0;
        }

        return codable;
    }

    private static IEnumerable<int> Support(ReadOnlySpan<double> p)
    {
        var support = new List<int>(p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0.0)
            {
                support.Add(i);
            }
        }

        return support;
    }

    private static int[] SortedSupport(ReadOnlySpan<double> p, bool descending)
    {
        var support = Support(p).ToArray();
        var values = p.ToArray();
        Array.Sort(support, (a, b) =>
        {
            int byValue = descending ? values[b].CompareTo(values[a]) : values[a].CompareTo(values[b]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });
        return support;
    }

    /// <summary>Huffman's lengths by the two-queue method; symbols with p = 0 get 0, a lone symbol gets 0.</summary>
    private static int[] HuffmanLengths(ReadOnlySpan<double> p)
    {
        int[] leaves = SortedSupport(p, descending: false);
        var lengths = new int[p.Length];
        int n = leaves.Length;
        if (n == 1)
        {
            return lengths;
        }

        // Nodes 0 … n − 1 are the sorted leaves, n … 2n − 2 the merges in creation order (their weights never decrease).
        var weight = new double[(2 * n) - 1];
        var parent = new int[(2 * n) - 1];
        for (int k = 0; k < n; k++)
        {
            weight[k] = p[leaves[k]];
        }

        int nextLeaf = 0;
        int nextMerge = n;
        for (int created = n; created < (2 * n) - 1; created++)
        {
            int a = Smallest(ref nextLeaf, ref nextMerge, n, created, weight);
            int b = Smallest(ref nextLeaf, ref nextMerge, n, created, weight);
            weight[created] = weight[a] + weight[b];
            parent[a] = parent[b] = created;
        }

        var depth = new int[(2 * n) - 1];
        for (int node = (2 * n) - 3; node >= 0; node--)
        {
            depth[node] = depth[parent[node]] + 1;
        }

        for (int k = 0; k < n; k++)
        {
            lengths[leaves[k]] = depth[k];
        }

        return lengths;
    }

    /// <summary>Takes the lighter front of the two queues, the leaf on a tie.</summary>
    private static int Smallest(ref int nextLeaf, ref int nextMerge, int leaves, int created, double[] weight)
    {
        bool leafLeft = nextLeaf < leaves;
        bool mergeLeft = nextMerge < created;
        if (leafLeft && (!mergeLeft || weight[nextLeaf] <= weight[nextMerge]))
        {
            return nextLeaf++;
        }

        return nextMerge++;
    }

    /// <summary>Package-merge (coin collector): lengths of the optimal code with every length ≤ maxLength.</summary>
    private static int[] PackageMerge(ReadOnlySpan<double> p, int maxLength)
    {
        int[] leaves = SortedSupport(p, descending: false);
        int n = leaves.Length;

        // An item is a leaf (Left = −1 − k for sorted leaf k) or a package of two earlier items.
        var itemWeight = new List<double>();
        var itemLeft = new List<int>();
        var itemRight = new List<int>();
        var leafItems = new int[n];
        for (int k = 0; k < n; k++)
        {
            leafItems[k] = itemWeight.Count;
            itemWeight.Add(p[leaves[k]]);
            itemLeft.Add(-1 - k);
            itemRight.Add(-1);
        }

        int[] list = leafItems;
        for (int level = maxLength; level > 1; level--)
        {
            var packages = new int[list.Length / 2];
            for (int j = 0; j < packages.Length; j++)
            {
                packages[j] = itemWeight.Count;
                itemWeight.Add(itemWeight[list[2 * j]] + itemWeight[list[(2 * j) + 1]]);
                itemLeft.Add(list[2 * j]);
                itemRight.Add(list[(2 * j) + 1]);
            }

            var merged = new int[n + packages.Length];
            int a = 0;
            int b = 0;
            for (int m = 0; m < merged.Length; m++)
            {
                merged[m] = b >= packages.Length || (a < n && itemWeight[leafItems[a]] <= itemWeight[packages[b]])
                    ? leafItems[a++]
                    : packages[b++];
            }

            list = merged;
        }

        var counts = new int[n];
        var stack = new Stack<int>();
        for (int m = 0; m < (2 * n) - 2; m++)
        {
            stack.Push(list[m]);
            while (stack.Count > 0)
            {
                int item = stack.Pop();
                if (itemLeft[item] < 0)
                {
                    counts[-1 - itemLeft[item]]++;
                }
                else
                {
                    stack.Push(itemLeft[item]);
                    stack.Push(itemRight[item]);
                }
            }
        }

        var lengths = new int[p.Length];
        for (int k = 0; k < n; k++)
        {
            lengths[leaves[k]] = counts[k];
        }

        return lengths;
    }

    /// <summary>Assigns canonical codewords to the codable symbols' lengths, checking Kraft's inequality exactly as it goes.</summary>
    private static PrefixCode Canonical(PrefixCodeConstruction construction, int[] lengths, bool[] codable, string paramName = "p")
    {
        var codewords = new string?[lengths.Length];
        var symbols = Enumerable.Range(0, lengths.Length).Where(i => codable[i])
            .OrderBy(i => lengths[i]).ThenBy(i => i).ToArray();
        if (symbols.Length == 0)
        {
            throw new ArgumentException($"{paramName} gives no symbol a codeword.", paramName);
        }

        if (symbols.Length == 1 && lengths[symbols[0]] == 0)
        {
            codewords[symbols[0]] = string.Empty;
            return new PrefixCode(construction, lengths, codewords);
        }

        // The next free codeword as bits, most significant first; incrementing past all ones means Σ 2^−l > 1.
        var word = new List<bool>();
        bool exhausted = false;
        foreach (int symbol in symbols)
        {
            if (exhausted)
            {
                throw new ArgumentException($"{paramName} violates Kraft's inequality: the lengths sum to Σ 2^−l > 1, so no prefix code has them.", paramName);
            }

            while (word.Count < lengths[symbol])
            {
                word.Add(false);
            }

            codewords[symbol] = string.Create(word.Count, word, static (span, bits) =>
            {
                for (int k = 0; k < span.Length; k++)
                {
                    span[k] = bits[k] ? '1' : '0';
                }
            });
            exhausted = Increment(word);
        }

        return new PrefixCode(construction, lengths, codewords);
    }

    /// <summary>Adds 1 to a big-endian bit string; true when it overflows (was all ones).</summary>
    private static bool Increment(List<bool> bits)
    {
        for (int k = bits.Count - 1; k >= 0; k--)
        {
            if (!bits[k])
            {
                bits[k] = true;
                return false;
            }

            bits[k] = false;
        }

        return true;
    }

    /// <summary>x · 2^scale as an exact integer, for a finite x ≥ 0 (every double is m · 2^e with e ≥ −1074).</summary>
    private static BigInteger Exact(double x, int scale)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        // x = mantissa · 2^(exponent − 1075)
        return new BigInteger(mantissa) << (exponent - 1075 + scale);
    }

    private static string Binary(BigInteger value, int length) => string.Create(length, value, static (span, v) =>
    {
        for (int k = span.Length - 1; k >= 0; k--)
        {
            span[k] = v.IsEven ? '0' : '1';
            v >>= 1;
        }
    });
}
