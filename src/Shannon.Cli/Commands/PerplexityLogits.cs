using System.Globalization;
using Shannon.Data.Npy;
using Shannon.Language;
using Shannon.Language.Logits;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon perplexity --logits FILE.npy --tokens FILE [--reference REF.npy] [--temperatures LIST]</c>: a logit dump's numbers.</summary>
internal static class PerplexityLogits
{
    /// <summary>Scores a dump; adds the comparison with a reference dump and a temperature sweep when asked.</summary>
    public static PerplexityRun Score(CliContext context, string logitsPath, string? tokensPath, string? referencePath, double[]? temperatures, Func<int, string>? decode)
    {
        if (tokensPath is null)
        {
            throw new UsageException("--logits needs --tokens FILE: the token ids the model read (.npy integers or a text list).");
        }

        int[] tokens = ReadTokens(CliInput.FilePath(context, tokensPath, "--tokens", InputFormat.NpyOrText));
        using var dump = LogitDumpReader.Open(CliInput.FilePath(context, logitsPath, "--logits", InputFormat.Npy), tokens);
        using var reference = referencePath is null ? null : LogitDumpReader.Open(CliInput.FilePath(context, referencePath, "--reference", InputFormat.Npy), tokens);
        if (reference is not null && (reference.Vocabulary != dump.Vocabulary || reference.Count != dump.Count))
        {
            throw new UsageException($"--reference has {reference.Count}×{reference.Vocabulary} used logits but --logits has {dump.Count}×{dump.Vocabulary}.");
        }

        // One pass over the dump (and the reference in step) in a fixed window: the tables are never held whole.
        var scorer = new LogitDumpScorer(dump.Vocabulary, dump.Tokens, decode);
        var comparison = reference is null ? null : new ReferenceComparisonBuilder(dump.Vocabulary, dump.Targets);
        var sweep = temperatures is null ? null : new TemperatureSweep(temperatures);
        var block = new double[dump.WindowRows * dump.Vocabulary];
        var referenceBlock = reference is null ? [] : new double[block.Length];
        int rows;
        while ((rows = dump.ReadRows(block)) > 0)
        {
            var logits = block.AsSpan(0, rows * dump.Vocabulary);
            var targets = dump.Targets.Slice(scorer.Count, rows);
            scorer.Add(logits);
            if (reference is not null)
            {
                reference.ReadRows(referenceBlock.AsSpan(0, logits.Length));
                comparison!.Add(referenceBlock.AsSpan(0, logits.Length), logits);
            }

            sweep?.Add(logits, dump.Vocabulary, targets);
        }

        var run = new PerplexityRun([scorer.Build()], $"logits from {Path.GetFileName(CliInput.DisplayName(logitsPath))}", HasText: decode is not null);
        if (comparison is not null)
        {
            AddComparison(run, comparison.Build());
        }

        if (sweep is not null)
        {
            AddSweep(run, sweep.Points());
        }

        return run;
    }

    /// <summary>Adds a temperature sweep's fields and lines.</summary>
    public static void AddSweep(PerplexityRun run, IReadOnlyList<TemperaturePoint> points)
    {
        run.Fields.Add(new("temperature_sweep", points.Select(p => new Dictionary<string, object?>
        {
            ["temperature"] = p.Temperature,
            ["perplexity"] = p.Perplexity,
            ["mean_entropy"] = p.MeanEntropy,
        }).ToList()));
        run.Lines.Add("temperature   perplexity   mean entropy (nats)");
        foreach (var p in points)
        {
            run.Lines.Add($"{CliOutput.Number(p.Temperature),11}   {CliOutput.Number(p.Perplexity),10}   {CliOutput.Number(p.MeanEntropy)}");
        }
    }

    private static void AddComparison(PerplexityRun run, ReferenceComparison c)
    {
        run.Fields.Add(new("reference", new Dictionary<string, object?>
        {
            ["kl_mean"] = c.MeanKullbackLeibler,
            ["kl_stderr"] = CliOutput.OrNull(c.KullbackLeiblerStandardError),
            ["kl_median"] = c.MedianKullbackLeibler,
            ["kl_p90"] = c.KullbackLeiblerQuantile(0.90),
            ["kl_p99"] = c.KullbackLeiblerQuantile(0.99),
            ["kl_p999"] = c.KullbackLeiblerQuantile(0.999),
            ["kl_max"] = c.MaximumKullbackLeibler,
            ["kl_min"] = c.MinimumKullbackLeibler,
            ["kl_unit"] = "nats",
            ["top1_agreement"] = c.TopOneAgreement,
            ["top1_agreement_stderr"] = CliOutput.OrNull(c.TopOneAgreementStandardError),
            ["delta_p_mean"] = c.MeanDeltaProbability,
            ["delta_p_stderr"] = CliOutput.OrNull(c.DeltaProbabilityStandardError),
            ["delta_p_rms"] = c.RootMeanSquareDeltaProbability,
            ["perplexity_model"] = c.ModelPerplexity,
            ["perplexity_reference"] = c.ReferencePerplexity,
            ["ln_ppl_ratio"] = c.LogPerplexityRatio,
            ["ln_ppl_ratio_stderr"] = CliOutput.OrNull(c.LogPerplexityRatioStandardError),
            ["kl_per_token"] = c.KullbackLeiblerPerToken.ToArray(),
        }));
        run.Lines.Add($"KL(reference ‖ model) mean = {CliOutput.Number(c.MeanKullbackLeibler)}{PlusMinus(c.KullbackLeiblerStandardError)} nats; median {CliOutput.Number(c.MedianKullbackLeibler)}, 99% {CliOutput.Number(c.KullbackLeiblerQuantile(0.99))}, max {CliOutput.Number(c.MaximumKullbackLeibler)}");
        run.Lines.Add($"top-1 agreement = {CliOutput.Number(c.TopOneAgreement)}{PlusMinus(c.TopOneAgreementStandardError)}; mean Δp = {CliOutput.Number(c.MeanDeltaProbability)}{PlusMinus(c.DeltaProbabilityStandardError)} (RMS {CliOutput.Number(c.RootMeanSquareDeltaProbability)})");
        run.Lines.Add($"ln(PPL(model)/PPL(reference)) = {CliOutput.Number(c.LogPerplexityRatio)}{PlusMinus(c.LogPerplexityRatioStandardError)}; PPL(reference) = {CliOutput.Number(c.ReferencePerplexity)}");
    }

    /// <summary>" ± SE", or nothing when the standard error is undefined (one token).</summary>
    private static string PlusMinus(double standardError) =>
        double.IsNaN(standardError) ? string.Empty : $" ± {CliOutput.Number(standardError)}";

    /// <summary>Token ids from a .npy integer vector or a text of integers separated by whitespace or commas.</summary>
    private static int[] ReadTokens(string path)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            var array = NpyFile.Read(path);
            return array.Shape.Length == 1 || array.Rows == 1 ? array.ToInt32() : throw new InvalidDataException($"--tokens {Path.GetFileName(path)} holds a {array.Rows}×{array.Columns} table, not a vector of ids.");
        }

        string[] parts = Data.Files.TextFile.ReadAllText(path, "--tokens").Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        var ids = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out ids[i]))
            {
                throw new UsageException($"--tokens has '{NumberList.Escape(parts[i])}' at index {i}, which is not a token id.");
            }
        }

        return ids;
    }
}
