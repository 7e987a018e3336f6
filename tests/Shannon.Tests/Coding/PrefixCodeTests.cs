using CsCheck;
using Shannon.Coding;
using Shannon.Measures;
using Shannon.Tests.Measures;

namespace Shannon.Tests.Coding;

public class PrefixCodeTests
{
    /// <summary>Distributions of 1–6 outcomes (some exactly 0), small enough to search every code.</summary>
    private static readonly Gen<double[]> Small =
        Gen.Double[0.0, 1.0].Array[1, 6].Select(w => w.Select((x, i) => i == 4 ? 0.0 : x).ToArray())
            .Where(w => w.Sum() > 0).Select(TestDistributions.Normalized);

    [Fact]
    public void Dyadic_distribution_has_lengths_minus_log2_p_and_no_redundancy()
    {
        double[] p = [0.5, 0.25, 0.125, 0.125];
        var code = PrefixCode.Huffman(p);
        Assert.Equal([1, 2, 3, 3], code.Lengths);
        Assert.Equal(["0", "10", "110", "111"], code.Codewords);
        Assert.Equal(1.75, code.ExpectedLength(p, LogBase.Bits), 15);
        Assert.Equal(0.0, code.Redundancy(p, LogBase.Bits), 15);
        Assert.Equal(1.0, code.KraftSum);
    }

    [Fact]
    public void Cover_and_Thomas_example_5_6_1_costs_2_3_bits()
    {
        double[] p = [0.25, 0.25, 0.2, 0.15, 0.15];
        var code = PrefixCode.Huffman(p);
        Assert.Equal([2, 2, 2, 3, 3], code.Lengths);
        Assert.Equal(["00", "01", "10", "110", "111"], code.Codewords);
        Assert.Equal(2.3, code.ExpectedLength(p, LogBase.Bits), 14);
        Assert.Equal(2.3 * Math.Log(2), code.ExpectedLength(p), 14);
    }

    [Fact]
    public void Fano_splitting_is_not_always_optimal()
    {
        double[] p = [0.35, 0.17, 0.17, 0.16, 0.15];
        var fano = PrefixCode.ShannonFano(p);
        Assert.Equal([2, 2, 2, 3, 3], fano.Lengths);
        Assert.Equal(["00", "01", "10", "110", "111"], fano.Codewords);
        Assert.Equal(2.31, fano.ExpectedLength(p, LogBase.Bits), 14);
        Assert.Equal(2.30, PrefixCode.Huffman(p).ExpectedLength(p, LogBase.Bits), 14);
        Assert.Equal(PrefixCodeConstruction.ShannonFano, fano.Construction);
    }

    [Fact]
    public void Shannon_Fano_Elias_matches_Cover_and_Thomas_example_5_9_1()
    {
        double[] p = [0.25, 0.5, 0.125, 0.125];
        var code = PrefixCode.ShannonFanoElias(p);
        Assert.Equal([3, 2, 4, 4], code.Lengths);
        Assert.Equal(["001", "10", "1101", "1111"], code.Codewords);
        Assert.Equal(2.75, code.ExpectedLength(p, LogBase.Bits), 15);
        Assert.Equal(0.5, code.KraftSum);
    }

    [Fact]
    public void Shannon_Fano_Elias_lengths_are_exact_at_powers_of_two_and_for_tiny_probabilities()
    {
        Assert.Equal(0, PrefixCode.ShannonLength(1.0));
        Assert.Equal(2, PrefixCode.ShannonLength(0.25));
        Assert.Equal(3, PrefixCode.ShannonLength(0.2));
        Assert.Equal(1074, PrefixCode.ShannonLength(double.Epsilon));
        double tiny = Math.ScaleB(1.0, -1000);

        // These sum to 1 + 2^-1000 (within the tolerance), so the first most probable symbol's interval goes last.
        var code = PrefixCode.ShannonFanoElias([tiny, 0.5, 0.5]);
        Assert.Equal([1001, 2, 2], code.Lengths);
        Assert.Equal([new string('0', 1000) + "1", "11", "01"], code.Codewords);
        var late = PrefixCode.ShannonFanoElias([0.5, 0.5, tiny]);
        Assert.Equal(["11", "01", "1" + new string('0', 999) + "1"], late.Codewords);
    }

    [Fact]
    public void A_single_possible_symbol_takes_no_bits()
    {
        double[] p = [0.0, 1.0, 0.0];
        foreach (var code in new[] { PrefixCode.Huffman(p), PrefixCode.ShannonFano(p), PrefixCode.LengthLimitedHuffman(p, 3) })
        {
            Assert.Equal([null, string.Empty, null], code.Codewords);
            Assert.Equal(0.0, code.ExpectedLength(p));
            Assert.Equal(1.0, code.KraftSum);
            Assert.True(code.HasCodeword(1));
            Assert.False(code.HasCodeword(0));
        }

        Assert.Equal("1", PrefixCode.ShannonFanoElias(p).Codewords[1]);
    }

    [Fact]
    public void A_symbol_without_codeword_makes_data_that_contain_it_cost_infinity()
    {
        var code = PrefixCode.Huffman([0.5, 0.5, 0.0]);
        Assert.Null(code.Codewords[2]);
        Assert.Equal(0, code.Lengths[2]);
        Assert.Equal(double.PositiveInfinity, code.ExpectedLength([0.4, 0.4, 0.2]));
        Assert.Equal(double.PositiveInfinity, code.Redundancy([0.4, 0.4, 0.2]));
    }

    [Fact]
    public void Huffman_is_optimal_against_every_code_on_small_alphabets() =>
        Small.Sample(p =>
        {
            double huffman = PrefixCode.Huffman(p).ExpectedLength(p, LogBase.Bits);
            return Math.Abs(huffman - BruteForceOptimum(p, p.Length)) <= 1e-12;
        });

    [Fact]
    public void Length_limited_codes_are_optimal_among_codes_within_the_cap() =>
        Gen.Select(Small, Gen.Int[1, 5]).Where((p, cap) => p.Count(x => x > 0) <= 1 << cap).Sample((p, cap) =>
        {
            var code = PrefixCode.LengthLimitedHuffman(p, cap);
            double length = code.ExpectedLength(p, LogBase.Bits);
            return code.Lengths.All(l => l <= cap) && Math.Abs(length - BruteForceOptimum(p, cap)) <= 1e-12;
        });

    [Fact]
    public void Length_limit_reshapes_a_skewed_code()
    {
        double[] p = TestDistributions.Normalized([64, 32, 16, 8, 4, 2, 1, 1]);
        Assert.Equal(7, PrefixCode.Huffman(p).Lengths.Max());
        var limited = PrefixCode.LengthLimitedHuffman(p, 4);
        Assert.Equal(4, limited.Lengths.Max());
        Assert.Equal(1.0, limited.KraftSum);
        Assert.Equal(BruteForceOptimum(p, 4), limited.ExpectedLength(p, LogBase.Bits), 12);
        Assert.Equal(PrefixCodeConstruction.LengthLimitedHuffman, limited.Construction);
    }

    /// <summary>L − H &lt; 1 holds exactly; in doubles it reaches 1 only when H is below the rounding of 1 (a near-certain symbol).</summary>
    [Fact]
    public void Geometric_probabilities_give_codewords_longer_than_64_bits()
    {
        double[] p = TestDistributions.Normalized(Enumerable.Range(0, 100).Select(i => Math.ScaleB(1.0, -i)).ToArray());
        var code = PrefixCode.Huffman(p);
        Assert.Equal(Enumerable.Range(1, 99).Append(99), code.Lengths);
        Assert.Equal(new string('1', 98) + "0", code.Codewords[98]);
        Assert.Equal(1.0, code.KraftSum);
    }

    [Fact]
    public void Length_limited_code_of_many_symbols_is_complete_and_no_shorter_than_Huffman() =>
        Gen.Int[2, 400].Select(Gen.Int, (n, seed) => (n, seed)).Sample(t =>
        {
            double[] p = TestDistributions.Seeded(t.n, t.seed).Select((x, i) => x * Math.Pow(0.97, i)).ToArray();
            p = TestDistributions.Normalized(p);
            int cap = Math.Max(1, (int)Math.Ceiling(Math.Log2(t.n)));
            var limited = PrefixCode.LengthLimitedHuffman(p, cap);
            double huffman = PrefixCode.Huffman(p).ExpectedLength(p);
            return limited.Lengths.Max() <= cap && limited.KraftSum == 1.0 && limited.ExpectedLength(p) >= huffman - 1e-12;
        });

    [Fact]
    public void Huffman_redundancy_is_in_zero_to_one_bit_and_its_Kraft_sum_is_one() =>
        TestDistributions.Distribution.Where(p => p.Count(x => x > 0) >= 2).Sample(p =>
        {
            var code = PrefixCode.Huffman(p);
            double r = code.Redundancy(p, LogBase.Bits);
            return r >= 0 && (r < 1 || (r == 1 && Entropy.Of(p, LogBase.Bits) < 1e-15)) && code.KraftSum == 1.0;
        });

    [Fact]
    public void Fano_and_Shannon_Fano_Elias_redundancies_stay_within_their_bounds() =>
        TestDistributions.Distribution.Sample(p =>
        {
            double pMin = p.Where(x => x > 0).Min();
            double fano = PrefixCode.ShannonFano(p).Redundancy(p, LogBase.Bits);
            double elias = PrefixCode.ShannonFanoElias(p).Redundancy(p, LogBase.Bits);
            return fano >= 0 && fano <= 1 - pMin + 1e-12 && elias >= 1.0 - 1e-12 && elias <= 2;
        });

    [Fact]
    public void Every_construction_is_prefix_free_with_lengths_equal_to_codeword_lengths() =>
        TestDistributions.Distribution.Sample(p =>
        {
            foreach (var code in new[] { PrefixCode.Huffman(p), PrefixCode.ShannonFano(p), PrefixCode.ShannonFanoElias(p), PrefixCode.LengthLimitedHuffman(p, 6) })
            {
                var words = code.Codewords.Where(w => w is not null).Select(w => w!).ToArray();
                for (int i = 0; i < code.Count; i++)
                {
                    if ((code.Codewords[i] is null) != (p[i] == 0.0) || (code.Codewords[i] is { } w && w.Length != code.Lengths[i]))
                    {
                        return false;
                    }
                }

                for (int a = 0; a < words.Length; a++)
                {
                    for (int b = 0; b < words.Length; b++)
                    {
                        if (a != b && words[b].StartsWith(words[a], StringComparison.Ordinal))
                        {
                            return false;
                        }
                    }
                }

                if (code.KraftSum > 1.0)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Expected_length_under_another_distribution_is_the_cross_entropy_with_the_code_s_implied_distribution() =>
        TestDistributions.PositivePair.Sample(pair =>
        {
            var code = PrefixCode.Huffman(pair.P);
            double[] implied = code.Lengths.Select(l => Math.ScaleB(1.0, -l)).ToArray();
            double measured = code.ExpectedLength(pair.Q, LogBase.Bits);
            double predicted = Entropy.Of(pair.Q, LogBase.Bits) + Divergence.KullbackLeibler(pair.Q, implied, LogBase.Bits);
            return Math.Abs(measured - predicted) <= 1e-12 * Math.Max(1, measured)
                && Math.Abs(measured - CrossEntropy.Of(pair.Q, implied, LogBase.Bits)) <= 1e-12 * Math.Max(1, measured);
        });

    [Fact]
    public void Canonical_code_from_lengths_is_the_Huffman_code_of_the_same_lengths() =>
        TestDistributions.Distribution.Where(p => p.Count(x => x > 0) >= 2).Sample(p =>
        {
            var huffman = PrefixCode.Huffman(p);
            var rebuilt = PrefixCode.FromLengths(huffman.Lengths.ToArray());
            return rebuilt.Codewords.SequenceEqual(huffman.Codewords) && rebuilt.Construction == PrefixCodeConstruction.Canonical;
        });

    [Fact]
    public void Lengths_with_a_Kraft_sum_below_one_get_an_incomplete_code()
    {
        var code = PrefixCode.FromLengths([2, 0, 3, 1]);
        Assert.Equal(["10", null, "110", "0"], code.Codewords);
        Assert.Equal(0.875, code.KraftSum);
        Assert.Equal(string.Empty, PrefixCode.FromLengths([0]).Codewords[0]);
    }

    [Fact]
    public void Bad_input_names_its_parameter()
    {
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => PrefixCode.Huffman([])).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => PrefixCode.ShannonFano([0.5, 0.4])).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => PrefixCode.ShannonFanoElias([0.5, double.NaN])).ParamName);
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => PrefixCode.LengthLimitedHuffman([0.5, 0.5], 0)).ParamName);
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => PrefixCode.LengthLimitedHuffman([0.5, 0.5], 65)).ParamName);
        var tooSmall = Assert.Throws<ArgumentOutOfRangeException>(() => PrefixCode.LengthLimitedHuffman([0.2, 0.2, 0.2, 0.2, 0.2], 2));
        Assert.Equal("maxLength", tooSmall.ParamName);
        Assert.Contains("5 symbols need codewords of at least 3 bits", tooSmall.Message);
        var kraft = Assert.Throws<ArgumentException>(() => PrefixCode.FromLengths([1, 1, 1]));
        Assert.Equal("lengths", kraft.ParamName);
        Assert.Contains("Kraft", kraft.Message);
        Assert.Equal("lengths", Assert.Throws<ArgumentException>(() => PrefixCode.FromLengths([1, -1])).ParamName);
        Assert.Equal("lengths", Assert.Throws<ArgumentException>(() => PrefixCode.FromLengths([0, 0])).ParamName);
        Assert.Equal("lengths", Assert.Throws<ArgumentException>(() => PrefixCode.FromLengths([])).ParamName);
        var code = PrefixCode.Huffman([0.5, 0.5]);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => code.ExpectedLength([1.0])).ParamName);
        Assert.Equal("symbol", Assert.Throws<ArgumentOutOfRangeException>(() => code.HasCodeword(2)).ParamName);
    }

    /// <summary>The least Σ pᵢ lᵢ over every length vector with lengths 1 … cap and Kraft sum ≤ 1 (0 for a single symbol).</summary>
    private static double BruteForceOptimum(double[] p, int cap)
    {
        int[] support = Enumerable.Range(0, p.Length).Where(i => p[i] > 0).ToArray();
        if (support.Length == 1)
        {
            return 0.0;
        }

        cap = Math.Min(cap, support.Length - 1);
        var lengths = new int[support.Length];
        double best = double.PositiveInfinity;

        void Search(int k, double kraft, double cost)
        {
            if (kraft > 1.0 || cost >= best)
            {
                return;
            }

            if (k == support.Length)
            {
                best = cost;
                return;
            }

            for (int l = 1; l <= cap; l++)
            {
                Search(k + 1, kraft + Math.ScaleB(1.0, -l), cost + (p[support[k]] * l));
            }
        }

        Search(0, 0.0, 0.0);
        return best;
    }
}
