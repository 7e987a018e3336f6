using System.CommandLine;
using System.Globalization;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Cli.Commands;

/// <summary>Parses the <c>--estimator</c>, <c>--bins</c> and <c>--k</c> options into library estimators.</summary>
internal static class EstimatorChoice
{
    /// <summary>The discrete estimator names <c>--estimator</c> accepts.</summary>
    public static readonly string[] DiscreteNames =
        ["plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "jackknife", "nsb", "jeffreys", "laplace", "perks", "minimax"];

    /// <summary>The discrete estimator a name denotes, or null when the name is not a discrete one.</summary>
    public static DiscreteEntropyEstimator? Discrete(string name) => name switch
    {
        "plugin" => new PlugIn(),
        "miller-madow" => new MillerMadow(),
        "grassberger" => new Grassberger(),
        "chao-shen" => new ChaoShen(),
        "james-stein" => new JamesStein(),
        "jackknife" => new Jackknife(),
        "nsb" => new Nsb(),
        "jeffreys" => new Dirichlet(DirichletPrior.Jeffreys),
        "laplace" => new Dirichlet(DirichletPrior.Laplace),
        "perks" => new Dirichlet(DirichletPrior.Perks),
        "minimax" => new Dirichlet(DirichletPrior.Minimax),
        _ => null,
    };

    /// <summary>Parses <c>--bins</c>: a rule name (sturges|scott|fd|sqrt|doane|quantile[:N]) or a bin count; Freedman–Diaconis when absent.</summary>
    public static Binning Bins(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Binning();
        }

        string rule = text.Trim().ToLowerInvariant();
        if (long.TryParse(rule, NumberStyles.Integer, CultureInfo.InvariantCulture, out long count))
        {
            return new Binning(BinRule.Fixed, (int)OptionRanges.Check(count, OptionRanges.Bins, "--bins"));
        }

        if (rule.StartsWith("quantile", StringComparison.Ordinal))
        {
            string tail = rule["quantile".Length..].TrimStart(':');
            int bins = tail.Length == 0 ? 10
                : long.TryParse(tail, NumberStyles.Integer, CultureInfo.InvariantCulture, out long b) ? (int)OptionRanges.Check(b, OptionRanges.Bins, "--bins quantile:N")
                : throw new UsageException($"--bins quantile:N needs a count N; got '{NumberList.Escape(text)}'.");
            return new Binning(BinRule.EqualFrequency, bins);
        }

        return rule switch
        {
            "sturges" => new Binning(BinRule.Sturges),
            "scott" => new Binning(BinRule.Scott),
            "fd" or "freedman-diaconis" => new Binning(BinRule.FreedmanDiaconis),
            "sqrt" => new Binning(BinRule.SquareRoot),
            "doane" => new Binning(BinRule.Doane),
            _ => throw new UsageException($"--bins '{NumberList.Escape(text)}' is not a rule (sturges|scott|fd|sqrt|doane|quantile[:N]) or a count."),
        };
    }

    /// <summary>Checks <c>--bins</c> while parsing (a rule, or a count in range), so a bad value fails before any file is read.</summary>
    public static Option<string?> Validated(this Option<string?> bins)
    {
        bins.Validators.Add(result =>
        {
            try
            {
                Bins(result.GetValueOrDefault<string?>());
            }
            catch (UsageException ex)
            {
                result.AddError(ex.Message);
            }
        });
        return bins;
    }

    /// <summary>Checks <c>--k</c> and returns it (3 by default).</summary>
    public static int K(int? k) => k is null ? 3 : k >= 1 ? k.Value : throw new UsageException($"--k must be at least 1; got {k}.");

    /// <summary>Checks <c>--ci</c>.</summary>
    public static double? Level(double? ci) => ci is null || (ci > 0 && ci < 1) ? ci : throw new UsageException($"--ci must be a confidence level in (0, 1), e.g. 0.95; got {ci}.");
}
