using CsCheck;
using Shannon.Coding;
using Shannon.Measures;
using Shannon.Tests.Measures;

namespace Shannon.Tests.Coding;

public class RangeCoderTests
{
    [Fact]
    public void Symbols_with_any_frequencies_round_trip() =>
        Gen.Select(Gen.UInt[1, 5000].Array[1, 40], Gen.Int[0, 400], Gen.Int).Sample((frequencies, count, seed) =>
        {
            uint total = (uint)frequencies.Sum(f => (long)f);
            var cumulative = new uint[frequencies.Length];
            for (int i = 1; i < frequencies.Length; i++)
            {
                cumulative[i] = cumulative[i - 1] + frequencies[i - 1];
            }

            var random = new Random(seed);
            int[] symbols = Enumerable.Range(0, count).Select(_ => random.Next(frequencies.Length)).ToArray();
            var encoder = new RangeEncoder();
            foreach (int s in symbols)
            {
                encoder.Encode(cumulative[s], frequencies[s], total);
            }

            encoder.Finish();
            var decoder = new RangeDecoder(encoder.Written.ToArray());
            foreach (int s in symbols)
            {
                uint target = decoder.DecodeCumulative(total);
                int found = Array.FindLastIndex(cumulative, c => c <= target);
                if (found != s)
                {
                    return false;
                }

                decoder.Decode(cumulative[s], frequencies[s], total);
            }

            return !decoder.Overrun && decoder.Consumed == encoder.Length;
        });

    [Fact]
    public void Bits_and_symbols_interleave_and_round_trip_at_extreme_probabilities() =>
        Gen.Select(Gen.Int[0, 2000], Gen.Int).Sample((count, seed) =>
        {
            var random = new Random(seed);
            var steps = Enumerable.Range(0, count).Select(_ =>
            {
                int p = random.Next(4) switch { 0 => 1, 1 => 65535, _ => 1 + random.Next(65535) };
                int bit = random.Next(3) == 0 ? random.Next(2) : (p > 32768 ? 1 : 0);
                return (P: p, Bit: bit, Symbol: random.Next(3));
            }).ToArray();
            var encoder = new RangeEncoder(0);
            foreach (var (p, bit, symbol) in steps)
            {
                encoder.EncodeBit(bit, p);
                encoder.Encode((uint)symbol * 5, 5, 15);
            }

            encoder.Finish();
            var decoder = new RangeDecoder(encoder.Written.ToArray());
            foreach (var (p, bit, symbol) in steps)
            {
                if (decoder.DecodeBit(p) != bit || decoder.DecodeCumulative(15) / 5 != symbol)
                {
                    return false;
                }

                decoder.Decode((uint)symbol * 5, 5, 15);
            }

            return !decoder.Overrun && decoder.Consumed == encoder.Length;
        });

    [Fact]
    public void Arithmetic_coding_spends_the_entropy_where_Huffman_spends_a_whole_bit()
    {
        // A 0.9/0.1 source: Huffman must spend 1 bit per symbol, arithmetic coding spends H = 0.469 bits.
        double[] p = [0.9, 0.1];
        var random = new Random(7);
        int[] symbols = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble() < 0.1 ? 1 : 0).ToArray();
        byte[] code = ArithmeticCode.Encode(symbols, new StaticModel(p, 1 << 16), out double ideal);
        double perSymbol = code.Length * 8.0 / symbols.Length;
        Assert.Equal(1.0, PrefixCode.Huffman(p).ExpectedLength(p, LogBase.Bits));
        Assert.InRange(perSymbol - Entropy.Of(p, LogBase.Bits), -0.005, 0.005);   // sampling noise of the empirical frequency
        Assert.InRange((code.Length * 8.0) - ideal, 0.0, 32.0);                   // the coder's own overhead: the final bytes
        Assert.Equal(symbols, ArithmeticCode.Decode(code, symbols.Length, new StaticModel(p, 1 << 16)));
    }

    [Fact]
    public void Coded_length_stays_within_a_few_bytes_of_the_ideal_at_any_skew() =>
        Gen.Select(Gen.Double[1e-6, 0.5], Gen.Int[1, 20_000], Gen.Int).Sample((skew, count, seed) =>
        {
            var random = new Random(seed);
            int p1 = Math.Clamp((int)(skew * 65536), 1, 65535);
            var encoder = new RangeEncoder();
            double ideal = 0;
            for (int i = 0; i < count; i++)
            {
                int bit = random.NextDouble() < skew ? 1 : 0;
                encoder.EncodeBit(bit, p1);
                ideal -= Math.Log2(bit == 1 ? p1 / 65536.0 : 1 - (p1 / 65536.0));
            }

            encoder.Finish();
            double excess = (encoder.Length * 8.0) - ideal;
            return excess > -8 && excess <= 32 + (ideal * 1e-6);
        });

    [Fact]
    public void Adaptive_model_drives_the_coder_and_the_code_is_its_cross_entropy()
    {
        byte[] text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("the quick brown fox jumps over the lazy dog. ", 200)));
        int[] symbols = text.Select(b => (int)b).ToArray();
        byte[] code = ArithmeticCode.Encode(symbols, new AdaptiveByteModel(), out double ideal);
        Assert.Equal(symbols, ArithmeticCode.Decode(code, symbols.Length, new AdaptiveByteModel()));
        Assert.InRange((code.Length * 8.0) - ideal, 0.0, 32.0);
        // Laplace's rule pays for learning 256 counts: above the text's empirical entropy, by less than a bit per byte here.
        double empirical = Entropy.Of(symbols.GroupBy(s => s).Select(g => (double)g.Count() / symbols.Length).ToArray(), LogBase.Bits);
        Assert.InRange((ideal / symbols.Length) - empirical, 0.0, 1.0);
    }

    [Fact]
    public void Truncated_code_is_reported_not_decoded_silently()
    {
        var random = new Random(3);
        int[] symbols = Enumerable.Range(0, 5000).Select(_ => random.Next(256)).ToArray();
        byte[] code = ArithmeticCode.Encode(symbols, new AdaptiveByteModel(), out _);
        Assert.Throws<InvalidDataException>(() => ArithmeticCode.Decode(code.AsMemory(0, code.Length - 3), symbols.Length, new AdaptiveByteModel()));
        var decoder = new RangeDecoder(code.AsMemory(0, 2));
        Assert.True(decoder.Overrun);
    }

    [Fact]
    public void Empty_message_is_four_bytes_and_decodes_to_nothing()
    {
        byte[] code = ArithmeticCode.Encode([], new AdaptiveByteModel(), out double ideal);
        Assert.Equal(4, code.Length);
        Assert.Equal(0.0, ideal);
        Assert.Empty(ArithmeticCode.Decode(code, 0, new AdaptiveByteModel()));
    }

    [Fact]
    public void Frequencies_keep_every_possible_symbol_and_sum_to_the_total()
    {
        var f = new uint[3];
        ArithmeticCode.Frequencies([0.5, 0.25, 0.25], 16, f);
        Assert.Equal([8u, 4u, 4u], f);
        ArithmeticCode.Frequencies([1e-12, 0.0, 1.0 - 1e-12], 1 << 16, f);
        Assert.Equal([1u, 0u, 65535u], f);
        TestDistributions.Distribution.Sample(p =>
        {
            var g = new uint[p.Length];
            ArithmeticCode.Frequencies(p, 1 << 20, g);
            return g.Sum(x => (long)x) == 1 << 20 && p.Zip(g).All(t => (t.First > 0) == (t.Second > 0));
        });
    }

    [Fact]
    public void Bad_arguments_name_their_parameter()
    {
        var encoder = new RangeEncoder();
        Assert.Equal("frequency", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(0, 0, 10)).ParamName);
        Assert.Equal("cumulative", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(8, 3, 10)).ParamName);
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(0, 1, RangeEncoder.MaxTotal + 1)).ParamName);
        Assert.Equal("probabilityOfOne", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.EncodeBit(1, 0)).ParamName);
        Assert.Equal("probabilityOfOne", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.EncodeBit(1, 65536)).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new RangeEncoder(-1)).ParamName);
        encoder.Finish();
        Assert.Throws<InvalidOperationException>(() => encoder.EncodeBit(1, 100));
        encoder.Reset();
        encoder.EncodeBit(1, 100);
        var decoder = new RangeDecoder(new byte[8]);
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => decoder.DecodeCumulative(0)).ParamName);
        Assert.Equal("probabilityOfOne", Assert.Throws<ArgumentOutOfRangeException>(() => decoder.DecodeBit(70000)).ParamName);
        var f = new uint[2];
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => ArithmeticCode.Frequencies([0.5, 0.5], 1, f)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => ArithmeticCode.Frequencies([0.5, 0.4], 10, f)).ParamName);
        Assert.Equal("frequencies", Assert.Throws<ArgumentException>(() => ArithmeticCode.Frequencies([0.5, 0.25, 0.25], 10, f)).ParamName);
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => ArithmeticCode.Encode([300], new AdaptiveByteModel(), out _)).ParamName);
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => ArithmeticCode.Encode([1], new StaticModel([1.0, 0.0], 16), out _)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ArithmeticCode.Decode(new byte[4], -1, new AdaptiveByteModel())).ParamName);
    }

    /// <summary>Fixed frequencies from a distribution.</summary>
    private sealed class StaticModel : ISymbolModel
    {
        private readonly uint[] _frequencies;

        public StaticModel(double[] p, uint total)
        {
            _frequencies = new uint[p.Length];
            ArithmeticCode.Frequencies(p, total, _frequencies);
        }

        public int SymbolCount => _frequencies.Length;

        public void Predict(Span<uint> frequencies) => _frequencies.CopyTo(frequencies);

        public void Update(int symbol)
        {
        }
    }

    /// <summary>Laplace's rule on bytes: counts start at 1 and grow with each byte seen.</summary>
    private sealed class AdaptiveByteModel : ISymbolModel
    {
        private readonly uint[] _counts = Enumerable.Repeat(1u, 256).ToArray();

        public int SymbolCount => 256;

        public void Predict(Span<uint> frequencies) => _counts.CopyTo(frequencies);

        public void Update(int symbol) => _counts[symbol]++;
    }
}
