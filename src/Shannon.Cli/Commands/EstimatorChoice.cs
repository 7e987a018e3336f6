using System.CommandLine;
using System.Globalization;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Cli.Commands;

/// <summary>
/// The one place where <c>--estimator NAME</c> (with <c>--k</c>, <c>--seed</c> and <c>--bins</c>) becomes an estimator
/// object; every command that estimates from samples asks here and uses the object it gets.
/// </summary>
internal static class EstimatorChoice
{
    /// <summary>The discrete estimator names, each also accepted after <c>auto:</c> as the automatic rule's discrete part.</summary>
    public static readonly string[] DiscreteNames =
        ["plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "jackknife", "nsb", "jeffreys", "laplace", "perks", "minimax", "dirichlet:A"];

    /// <summary>The continuous and mixed estimator names.</summary>
    public static readonly string[] ContinuousNames =
        ["ksg1", "ksg2", "ross", "gaussian", "binned", "frenzel-pompe", "kl", "spacing", "vasicek", "van-es", "ebrahimi", "correa"];

    /// <summary>The automatic rule's discrete estimator (the library's default, <see cref="Automatic.DiscreteEstimator"/>), for help texts and messages.</summary>
    public static string AutoDiscrete => new Automatic().DiscreteEstimator.Name;

    /// <summary>Every name <c>--estimator</c> takes, for help texts and messages.</summary>
    public static string AllNames => string.Join('|', ["auto", "auto:DISCRETE", .. ContinuousNames, .. DiscreteNames]);

    /// <summary>The estimator <paramref name="name"/> denotes (the automatic rule when null).</summary>
    /// <param name="name">The <c>--estimator</c> value, or null.</param>
    /// <param name="k">The <c>--k</c> value, or null for the default.</param>
    /// <param name="seed">The <c>--seed</c> value, or null for the default (the jitter seed of the k-NN estimators).</param>
    /// <param name="bins">The <c>--bins</c> value for <c>binned</c>, or null.</param>
    /// <returns>The estimator object.</returns>
    /// <exception cref="UsageException">An unknown name or a bad pseudocount.</exception>
    public static IEstimator Parse(string? name, int? k, int? seed, string? bins)
    {
        int neighbours = k ?? EstimatorDefaults.K;
        int jitter = seed ?? EstimatorDefaults.Seed;
        string text = (name ?? "auto").Trim().ToLowerInvariant();
        if (bins is not null && text != "binned")
        {
            // Only the binned estimator bins; any other would ignore --bins without a word.
            throw new UsageException($"--bins {NumberList.Escape(bins)} applies to --estimator binned; {(text.StartsWith("auto", StringComparison.Ordinal) ? $"the automatic estimator ({AutoDiscrete}, ross or ksg1 by column kinds)" : $"--estimator {NumberList.Escape(text)}")} does not bin. Add --estimator binned to use it.");
        }

        if (text == "auto")
        {
            return new Automatic(neighbours, jitter);
        }

        if (text.StartsWith("auto:", StringComparison.Ordinal))
        {
            return new Automatic(neighbours, jitter, Discrete(text["auto:".Length..], name!));
        }

        return text switch
        {
            "ksg" or "ksg1" => new Ksg(neighbours, 1, Rescale: true, jitter),
            "ksg2" => new Ksg(neighbours, 2, Rescale: true, jitter),
            "ross" => new Ross(neighbours, Rescale: true, jitter),
            "gaussian" => new Gaussian(),
            "binned" => Bins(bins),
            "frenzel-pompe" => new FrenzelPompe(neighbours, Rescale: true, jitter),
            "kl" or "kozachenko-leonenko" => new KozachenkoLeonenko(neighbours),
            "spacing" => new Spacing(),
            "vasicek" => new Spacing(SpacingMethod.Vasicek),
            "van-es" => new Spacing(SpacingMethod.VanEs),
            "ebrahimi" => new Spacing(SpacingMethod.Ebrahimi),
            "correa" => new Spacing(SpacingMethod.Correa),
            _ => Discrete(text, name!),
        };
    }

    /// <summary>
    /// The estimator of a quantity from counts of discrete values (<c>entropy --counts</c>, <c>mi --joint --counts</c>,
    /// <c>mi --labels</c>): by the same choice as two discrete columns of DATA, the automatic rule's discrete estimator
    /// unless <c>--estimator</c> names another discrete one.
    /// </summary>
    /// <param name="name">The <c>--estimator</c> value, or null for auto.</param>
    /// <param name="bins">The <c>--bins</c> value, or null (refused: counts are not binned).</param>
    /// <param name="what">What the input holds, for the message ("counts", "labels").</param>
    /// <returns>The discrete estimator.</returns>
    /// <exception cref="UsageException">An unknown name, <c>--bins</c>, or an estimator of continuous samples.</exception>
    public static DiscreteEntropyEstimator ForCounts(string? name, string? bins, string what) => Parse(name, null, null, bins) switch
    {
        Automatic automatic => automatic.DiscreteEstimator,
        DiscreteEntropyEstimator discrete => discrete,
        var other => throw new UsageException($"--estimator {other.Name} estimates from continuous samples, and {what} are discrete: use auto (the default, {AutoDiscrete}) or one of {string.Join('|', DiscreteNames)}."),
    };

    /// <summary>The estimator as the interface a question needs, or a usage error saying it cannot answer that question.</summary>
    /// <typeparam name="T">The estimator interface the command needs.</typeparam>
    /// <param name="estimator">The parsed estimator.</param>
    /// <param name="question">The quantity, for the message (e.g. "I(X;Y|Z)").</param>
    /// <returns>The estimator as <typeparamref name="T"/>.</returns>
    /// <exception cref="UsageException">It does not estimate that quantity.</exception>
    public static T Require<T>(IEstimator estimator, string question)
        where T : IEstimator => estimator is T answer
        ? answer
        : throw new UsageException($"--estimator {estimator.Name} does not estimate {question}.");

    private static DiscreteEntropyEstimator Discrete(string text, string original) => text switch
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
        _ when text.StartsWith("dirichlet:", StringComparison.Ordinal) => Pseudocount(text["dirichlet:".Length..], original),
        _ => throw new UsageException($"--estimator '{NumberList.Escape(original)}' is not one of {AllNames}."),
    };

    private static Dirichlet Pseudocount(string text, string original) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double a) && double.IsFinite(a) && a >= 0
            ? new Dirichlet(a)
            : throw new UsageException($"--estimator {NumberList.Escape(original)}: the Dirichlet pseudocount must be a finite number ≥ 0 (0 is the plug-in estimate).");

    /// <summary>Parses <c>--bins</c>: a rule name (sturges|scott|fd|sqrt|doane|quantile[:N]) or a bin count; Freedman–Diaconis when absent.</summary>
    /// <param name="text">The option's value, or null.</param>
    /// <returns>The binning estimator.</returns>
    /// <exception cref="UsageException">Neither a rule nor a count in range.</exception>
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
}
