using System.Text;
using CsCheck;

namespace Shannon.Fuzz.Tests;

/// <summary>The commands that read .npy arrays and .kn models, on generated and damaged files.</summary>
public sealed class BinaryFuzzTests
{
    private static readonly Lazy<byte[]> Model = new(() =>
    {
        string directory = Directory.CreateTempSubdirectory("shannon-fuzz-model-").FullName;
        try
        {
            string corpus = Path.Combine(directory, "corpus.txt");
            File.WriteAllText(corpus, "in the beginning was the word\nand the word was with god\nthe word was god\n");
            string model = Path.Combine(directory, "m.kn");
            int code = Shannon.Cli.CliApp.Run(["ngram", "train", corpus, "--order", "3", "-o", model], new Shannon.Cli.CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null));
            Assert.Equal(0, code);
            return File.ReadAllBytes(model);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    });

    [Fact]
    public void Commands_reading_npy_keep_the_promises()
    {
        var gen = Gen.Select(Inputs.Npy, Inputs.Npy, Gen.Int[0, 9], Gen.Int[0, 4].Array[1, 8]);
        Fuzz.Run("npy", gen, 400, value =>
        {
            var (first, second, command, labels) = value;
            string[] args = command switch
            {
                0 => ["loss", "--logits", "{a.npy}", "--targets", "{labels.npy}", "--grad", "{g.npy}"],
                1 => ["loss", "--logits", "{a.npy}", "--targets", "{b.npy}", "--json"],
                2 => ["loss", "--kind", "bce-logits", "--logits", "{a.npy}", "--targets", "{b.npy}", "--weights", "{b.npy}", "--grad", "{g.npy}"],
                3 => ["loss", "--kind", "gaussian-kl", "--mu", "{a.npy}", "--logvar", "{b.npy}", "--grad", "{g.npy}", "--grad2", "{g2.npy}"],
                4 => ["loss", "--kind", "nt-xent", "--z", "{a.npy}", "--grad", "{g.npy}"],
                5 => ["calibration", "{a.npy}", "{labels.npy}", "--plot", "{p.svg}"],
                6 => ["calibration", "{a.npy}", "{b.npy}", "--logits", "--fit-temperature", "--json"],
                7 => ["loss", "--kind", "kl-div", "--input", "{a.npy}", "--targets", "{b.npy}", "--log-target"],
                8 => ["loss", "--kind", "focal", "--logits", "{a.npy}", "--targets", "{b.npy}", "--reduction", "none", "--json"],
                _ => ["loss", "--kind", "infonce", "--query", "{a.npy}", "--keys", "{b.npy}", "--grad", "{g.npy}", "--grad2", "{g2.npy}"],
            };
            var files = new Dictionary<string, byte[]> { ["a.npy"] = first, ["b.npy"] = second, ["labels.npy"] = Inputs.Labels(labels) };
            return new FuzzCase(args, files, [.. new[] { "g.npy", "g2.npy", "p.svg" }.Where(o => args.Contains("{" + o + "}"))]);
        });
    }

    private static readonly Lazy<byte[]> Container = new(() =>
    {
        string directory = Directory.CreateTempSubdirectory("shannon-fuzz-container-").FullName;
        try
        {
            string text = Path.Combine(directory, "t.txt");
            File.WriteAllText(text, string.Concat(Enumerable.Repeat("in the beginning was the word, and the word was with god.\n", 40)));
            string container = Path.Combine(directory, "t.shn");
            int code = Shannon.Cli.CliApp.Run(["compress", text, "-o", container], new Shannon.Cli.CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null));
            Assert.Equal(0, code);
            return File.ReadAllBytes(container);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    });

    [Fact]
    public void Decompress_of_a_damaged_container_keeps_the_promises()
    {
        var gen = Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, 2]);
        Fuzz.Run("shn", gen, 120, value =>
        {
            var (kind, at, repeat) = value;
            byte[] container = Container.Value;
            for (int i = 0; i <= repeat; i++)
            {
                container = Inputs.Damage(container, kind, at + (i * 7919));
            }

            return new FuzzCase(["decompress", "{c.shn}", "-o", "{out.txt}"], new Dictionary<string, byte[]> { ["c.shn"] = container }, "out.txt");
        });
    }

    [Fact]
    public void Perplexity_with_a_damaged_model_file_keeps_the_promises()
    {
        var gen = Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, 2], Gen.Bool, Gen.Bool);
        Fuzz.Run("kn", gen, 160, value =>
        {
            var (kind, at, repeat, json, reseal) = value;
            byte[] model = Model.Value;
            for (int i = 0; i <= repeat; i++)
            {
                model = Inputs.Damage(model, kind, at + (i * 7919));
            }

            // Half the cases recompute the trailing CRC-32, as a crafted file would, so the parser's own checks are fuzzed too.
            if (reseal && model.Length >= 4)
            {
                model = [.. model];
                BitConverter.GetBytes(Shannon.Coding.Crc32.Of(model.AsSpan(0, model.Length - 4))).CopyTo(model, model.Length - 4);
            }

            string[] args = ["perplexity", "{t.txt}", "--model", "ngram:{m.kn}", "--html", "{page.html}", .. json ? new[] { "--json" } : []];
            var files = new Dictionary<string, byte[]> { ["m.kn"] = model, ["t.txt"] = Encoding.UTF8.GetBytes("the word was\n\nin the god\n") };
            return new FuzzCase(args, files, "page.html");
        });
    }
}
