using System.CommandLine;
using System.Text;
using Shannon.Coding;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon code P [--huffman | --arithmetic | --shannon-fano] [--max-length N] [--counts] [--true Q] [--base B] [--json]</c>:
/// a binary prefix code built from a distribution, with its expected length, the entropy, the redundancy and the
/// Kraft sum, and with <c>--true Q</c> what the code costs on data that follow Q.
/// </summary>
internal static class CodeCommand
{
    public static Command Create(CliContext context)
    {
        var p = new Argument<string>("P") { Description = "The distribution the code is built for: 0.5,0.25,0.25, a file of numbers, or - for stdin." };
        var huffman = new Option<bool>("--huffman") { Description = "Huffman's optimal code with canonical codewords (the default)." };
        var arithmetic = new Option<bool>("--arithmetic") { Description = "Shannon–Fano–Elias lengths ⌈−log₂ p⌉ + 1: what an arithmetic coder spends on one symbol." };
        var shannonFano = new Option<bool>("--shannon-fano") { Description = "Fano's recursive splitting of the sorted probabilities (not always optimal)." };
        var maxLength = new Option<int?>("--max-length") { Description = "With Huffman: the longest codeword allowed (package-merge)." }.Within(OptionRanges.CodewordLength);
        var counts = new Option<bool>("--counts") { Description = "P (and Q) hold counts; they are normalised explicitly." };
        var truth = new Option<string?>("--true") { Description = "Q, the distribution the data really follow: reports the code's expected length under Q." };
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var command = new Command(
            "code",
            "A binary prefix code for P: codeword lengths and codewords, expected length L, entropy H, redundancy L − H and the Kraft sum; --base sets only the unit of the reported numbers.\nExamples:\n  shannon code 0.5,0.25,0.125,0.125 --base 2\n  shannon code 0.9,0.1 --true 0.5,0.5 --base 2 --json")
        {
            p, huffman, arithmetic, shannonFano, maxLength, counts, truth, logBase, json,
        };
        command.SetAction(parse =>
        {
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            int chosen = (parse.GetValue(huffman) ? 1 : 0) + (parse.GetValue(arithmetic) ? 1 : 0) + (parse.GetValue(shannonFano) ? 1 : 0);
            if (chosen > 1)
            {
                throw new UsageException("choose one of --huffman, --arithmetic and --shannon-fano.");
            }

            int? cap = parse.GetValue(maxLength);
            if (cap is not null && (parse.GetValue(arithmetic) || parse.GetValue(shannonFano)))
            {
                throw new UsageException("--max-length applies to Huffman codes only.");
            }

            double[] design = Read(parse.GetValue(p)!, "P", parse.GetValue(counts), context);
            double[]? q = parse.GetValue(truth) is string qText ? Read(qText, "Q", parse.GetValue(counts), context) : null;
            if (q is not null && q.Length != design.Length)
            {
                throw new UsageException($"Q has {q.Length} entries but P has {design.Length}; they must have the same length.");
            }

            var code = parse.GetValue(arithmetic) ? PrefixCode.ShannonFanoElias(design)
                : parse.GetValue(shannonFano) ? PrefixCode.ShannonFano(design)
                : cap is int limit ? PrefixCode.LengthLimitedHuffman(design, limit)
                : PrefixCode.Huffman(design);
            var result = new CodeResult(code, design, q, unit);
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, result.Fields());
            }
            else
            {
                context.Out.Write(result.Text());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static double[] Read(string argument, string name, bool counts, CliContext context)
    {
        double[] values = NumberList.Read(argument, name, context);
        if (counts)
        {
            Distributions.Normalize(values, values);
        }
        else
        {
            NumberList.RequireDistribution(values, name);
        }

        return values;
    }

    /// <summary>The numbers of one <c>code</c> run, in the requested unit (lengths stay in bits: the code is binary).</summary>
    private sealed class CodeResult(PrefixCode code, double[] p, double[]? q, LogBase unit)
    {
        private readonly double _length = code.ExpectedLength(p, unit);
        private readonly double _entropy = Entropy.Of(p, unit);
        private readonly double _redundancy = code.Redundancy(p, unit);

        private string Name => code.Construction switch
        {
            PrefixCodeConstruction.ShannonFanoElias => "shannon-fano-elias",
            PrefixCodeConstruction.ShannonFano => "shannon-fano",
            PrefixCodeConstruction.LengthLimitedHuffman => "length-limited-huffman",
            _ => "huffman",
        };

        public IEnumerable<KeyValuePair<string, object?>> Fields()
        {
            yield return new("code", Name);
            yield return new("lengths", code.Lengths.Select((l, i) => code.HasCodeword(i) ? (int?)l : null).ToArray());
            yield return new("codewords", code.Codewords.ToArray());
            yield return new("expected_length", _length);
            yield return new("entropy", _entropy);
            yield return new("redundancy", _redundancy);
            yield return new("kraft_sum", code.KraftSum);
            yield return new("unit", unit.Unit);
            if (q is not null)
            {
                yield return new("expected_length_true", code.ExpectedLength(q, unit));
                yield return new("entropy_true", Entropy.Of(q, unit));
                yield return new("cross_entropy", CrossEntropy.Of(q, p, unit));
                yield return new("kl_divergence", Divergence.KullbackLeibler(q, p, unit));
            }
        }

        public string Text()
        {
            var text = new StringBuilder();
            text.AppendLine(code.Construction switch
            {
                PrefixCodeConstruction.ShannonFanoElias => $"Shannon–Fano–Elias code of {code.Count} symbols: lengths ⌈−log₂ p⌉ + 1, what an arithmetic coder spends on one symbol (L < H + 2 bits)",
                PrefixCodeConstruction.ShannonFano => $"Shannon–Fano code (Fano's splitting) of {code.Count} symbols",
                PrefixCodeConstruction.LengthLimitedHuffman => $"Length-limited Huffman code (package-merge, canonical codewords) of {code.Count} symbols",
                _ => $"Huffman code (canonical codewords) of {code.Count} symbols",
            });
            text.AppendLine("symbol  p             bits  codeword");
            for (int i = 0; i < code.Count; i++)
            {
                string bits = code.HasCodeword(i) ? code.Lengths[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
                string word = code.Codewords[i] switch { null => "(none: p = 0)", "" => "(empty)", { } w => w };
                text.AppendLine($"{i,-7} {CliOutput.Number(p[i]),-13} {bits,-5} {word}");
            }

            string u = unit.Unit;
            text.AppendLine($"L = {CliOutput.Number(_length)} {u}   H(P) = {CliOutput.Number(_entropy)} {u}   L - H = {CliOutput.Number(_redundancy)} {u}   Kraft sum = {CliOutput.Number(code.KraftSum)}");
            if (q is not null)
            {
                double lengthTrue = code.ExpectedLength(q, unit);
                text.AppendLine($"on data from Q: L = {CliOutput.Number(lengthTrue)} {u}   H(Q) = {CliOutput.Number(Entropy.Of(q, unit))} {u}   H(Q, P) = {CliOutput.Number(CrossEntropy.Of(q, p, unit))} {u}   D(Q || P) = {CliOutput.Number(Divergence.KullbackLeibler(q, p, unit))} {u}");
            }

            return text.ToString();
        }
    }
}
