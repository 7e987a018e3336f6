using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Shannon.Cli;

namespace Shannon.Fuzz.Tests;

/// <summary>Every numeric option of every command (found by walking the command tree) with edge and junk values.</summary>
public sealed partial class OptionFuzzTests
{
    /// <summary>A small working invocation of each command that has a numeric option; its files are below.</summary>
    private static readonly Dictionary<string, string[]> Bases = new()
    {
        ["entropy"] = ["entropy", "--samples", "{d.csv}", "--column", "x", "--estimator", "kl"],
        ["mi"] = ["mi", "{d.csv}", "--x", "x", "--y", "z", "--estimator", "ksg1", "--permutations", "9"],
        ["code"] = ["code", "0.5,0.25,0.125,0.125"],
        ["ib"] = ["ib", "--joint", "{joint.csv}", "--plot", "{ib.svg}"],
        ["channel rate-distortion"] = ["channel", "rate-distortion", "--source", "0.5,0.5", "--distortion", "{hamming.csv}", "--plot", "{rd.svg}"],
        ["tour"] = ["tour", "--section", "1"],
        ["report"] = ["report", "{d.csv}", "--target", "y", "-o", "{r/}", "--permutations", "0", "--replicates", "0"],
        ["perplexity"] = ["perplexity", "{t.txt}", "--train", "{t.txt}", "--html", "{page.html}"],
        ["ngram train"] = ["ngram", "train", "{t.txt}", "-o", "{m.kn}"],
        ["loss"] = ["loss", "--logits", "{z.npy}", "--targets", "{labels.npy}", "--grad", "{g.npy}"],
        ["calibration"] = ["calibration", "{z.npy}", "{labels.npy}", "--logits", "--plot", "{cal.svg}"],
        ["logistic"] = ["logistic", "{d.csv}", "--target", "y", "--logits", "{held.npy}", "--labels", "{held.txt}", "--epochs", "5"],
        ["features"] = ["features", "{d.csv}", "--target", "y"],
        ["tree"] = ["tree", "{d.csv}", "--target", "y"],
        ["compress"] = ["compress", "{t.txt}", "-o", "{t.shn}"],
        ["infoplane"] = ["infoplane", "--epochs", "1", "-o", "{ip/}"],
        ["info"] = ["info", "{d.csv}", "--columns", "x,y,x", "--measure", "o-information"],
        ["te"] = ["te", "{d.csv}", "--source", "z", "--target", "x", "--condition", "y", "--permutations", "9"],
        ["ais"] = ["ais", "{d.csv}", "--column", "z"],
    };

    /// <summary>Values that break parsers and ranges: signs, zeros, non-finite spellings, overflow, junk.</summary>
    private static readonly string[] Junk = ["-1", "0", "1", "2", "3", "0.5", "1e-9", "-0", "NaN", "Infinity", "-Infinity", "1e999", "abc", string.Empty,
        "2147483648", "-2147483649", "99999999999999999999", "0x10", "1,2", "1e6", "1_000", "٣", " 7"];

    private static List<(string Command, Option Option)> NumericOptions()
    {
        var found = new List<(string, Option)>();
        var root = CliApp.Build(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null));
        Walk(root, string.Empty, found);
        return found;
    }

    private static void Walk(Command command, string path, List<(string, Option)> found)
    {
        foreach (var option in command.Options)
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float))
            {
                found.Add((path, option));
            }
        }

        foreach (var sub in command.Subcommands)
        {
            Walk(sub, (path + " " + sub.Name).Trim(), found);
        }
    }

    /// <summary>The values just outside (and at the low end of) an option's declared integer range.</summary>
    private static IEnumerable<string> Edges(Option option)
    {
        var match = IntegerRange().Match(option.Description ?? string.Empty);
        if (match.Success)
        {
            long min = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            long max = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            yield return (min - 1).ToString(CultureInfo.InvariantCulture);
            yield return min.ToString(CultureInfo.InvariantCulture);
            yield return (max + 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public void Every_command_with_a_numeric_option_has_a_base_invocation()
    {
        string[] missing = [.. NumericOptions().Select(o => o.Command).Distinct().Where(c => !Bases.ContainsKey(c))];
        Assert.Empty(missing);
    }

    [Fact]
    public void Numeric_options_with_edge_and_junk_values_keep_the_promises()
    {
        var options = NumericOptions().Where(o => Bases.ContainsKey(o.Command)).ToArray();
        var files = new Dictionary<string, byte[]>
        {
            ["d.csv"] = Encoding.ASCII.GetBytes("x,z,y\n" + string.Concat(Enumerable.Range(0, 24).Select(i => $"{(i * 7) % 11},{(i * 3) % 5}.5,{i % 3}\n"))),
            ["joint.csv"] = "0.2,0.1\n0.1,0.3\n0.25,0.05\n"u8.ToArray(),
            ["hamming.csv"] = "0,1\n1,0\n"u8.ToArray(),
            ["t.txt"] = "in the beginning was the word\nand the word was with god\n"u8.ToArray(),
            ["z.npy"] = Inputs.NpyBytes("<f4", [6, 3], [0.5, -1, 2, 0.25, 3, -0.5, 1]),
            ["labels.npy"] = Inputs.Labels([0, 1, 2, 1, 0, 2]),
        };
        var gen = Gen.Select(Gen.Int[0, options.Length - 1], Gen.Int[0, Junk.Length + 2]);
        Fuzz.Run("options", gen, Math.Max(300, options.Length * 5), value =>
        {
            var (index, choice) = value;
            var (command, option) = options[index];
            string[] edges = [.. Edges(option)];
            string number = choice < Junk.Length ? Junk[choice] : edges.Length > 0 ? edges[(choice - Junk.Length) % edges.Length] : Junk[choice % Junk.Length];
            string[] args = [.. Bases[command], option.Name, number];
            string[] outputs = [.. args.Select(a => PlaceholderName().Match(a)).Where(m => m.Success && !files.ContainsKey(m.Groups[1].Value)).Select(m => m.Groups[1].Value)];
            return new FuzzCase(args, files, outputs);
        });
    }

    [GeneratedRegex(@"\[range (-?\d+)–(-?\d+)\]")]
    private static partial Regex IntegerRange();

    [GeneratedRegex(@"^\{(.+)\}$")]
    private static partial Regex PlaceholderName();
}
