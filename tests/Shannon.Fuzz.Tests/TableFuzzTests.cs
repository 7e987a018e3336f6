using CsCheck;

namespace Shannon.Fuzz.Tests;

/// <summary>Every command that reads a table, on generated CSV: odd names, text, empty and non-finite cells, ragged rows, junk.</summary>
public sealed class TableFuzzTests
{
    private static readonly Gen<string> Estimator = Gen.OneOf("auto", "ksg1", "ksg2", "ross", "gaussian", "binned", "frenzel-pompe", "kl", "spacing", "vasicek", "plugin", "miller-madow");

    [Fact]
    public void Commands_reading_a_table_keep_the_promises()
    {
        var gen = Gen.Select(Inputs.Csv, Gen.Int[0, 13], Gen.Int[0, 3], Gen.Int[0, 3], Estimator);
        Fuzz.Run("csv", gen, 260, value =>
        {
            var ((header, bytes), command, first, second, estimator) = value;
            string a = header[first % header.Length];
            string b = header[second % header.Length];
            string[] args = command switch
            {
                0 => ["entropy", "--samples", "{d.csv}", "--column", a, "--estimator", estimator],
                1 => ["mi", "{d.csv}", "--x", a, "--y", b, "--estimator", estimator],
                2 => ["mi", "{d.csv}", "--x", a, "--y", b, "--ci", "0.9", "--permutations", "9", "--json"],
                3 => ["features", "{d.csv}", "--target", a, "--json"],
                4 => ["features", "--counts", "{d.csv}", "--target", a],
                5 => ["tree", "{d.csv}", "--target", a, "--max-depth", "3"],
                6 => ["report", "{d.csv}", "--target", a, "-o", "{r/}", "--permutations", "0", "--replicates", "0"],
                7 => ["logistic", "{d.csv}", "--target", a, "--logits", "{held.npy}", "--labels", "{held.txt}"],
                8 => ["mi", "--joint", "{d.csv}"],
                9 => ["channel", "capacity", "--matrix", "{d.csv}"],
                10 => ["ib", "--joint", "{d.csv}", "--beta", "2", "--plot", "{ib.svg}"],
                11 => ["entropy", "{d.csv}"],
                12 => ["mi", "{d.csv}", "--x", a, "--y", b, "--types", $"{a}=bool"],
                _ => ["entropy", "--samples", "{d.csv}", "--column", a, "--ci", "0.9", "--json"],
            };
            string[] outputs = command switch
            {
                6 => ["r/"],
                7 => ["held.npy", "held.txt"],
                10 => ["ib.svg"],
                _ => [],
            };
            return new FuzzCase(args, new Dictionary<string, byte[]> { ["d.csv"] = bytes }, outputs);
        });
    }
}
