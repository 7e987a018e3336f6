using System.CommandLine;
using System.Globalization;
using Shannon.Data.Counts;
using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Reports.Information;
using Shannon.Selection;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon features DATA --target COL …</c>: ranks or selects features by mutual information with the target,
/// from a CSV/Parquet file, or from a counts table (<c>--counts</c>); <c>--emit-sql</c> prints the counting query.
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string?>("DATA") { Description = "A .csv, .tsv or .parquet file with a header, or - for stdin.", Arity = ArgumentArity.ZeroOrOne };
        var target = new Option<string>("--target") { Description = "The target column.", Required = true };
        var task = new Option<string>("--task") { Description = "classification|regression|auto (auto: the shared rule — text, or integers with at most 20 distinct values, are classes).", DefaultValueFactory = _ => "auto" };
        task.AcceptOnlyFromAmong("auto", "classification", "regression");
        var method = new Option<string>("--method") { Description = "mi (univariate ranking) | mrmr | mrmr-quotient | jmi | cmim | disr.", DefaultValueFactory = _ => "mi" };
        method.AcceptOnlyFromAmong("mi", "mrmr", "mrmr-quotient", "jmi", "cmim", "disr");
        var top = new Option<int?>("--top") { Description = "Keep the best N features (greedy methods pick N; all by default)." }.Within(OptionRanges.FeatureCount);
        var discrete = new Option<string>("--discrete") { Description = "auto (the shared rule) or COL,… to treat these columns as discrete too.", DefaultValueFactory = _ => "auto" };
        var estimator = new Option<string?>("--estimator") { Description = $"The estimator of every pair: {EstimatorChoice.AllNames} (default auto: {EstimatorChoice.AutoDiscrete}, ross or ksg1 by the columns' kinds)." };
        var k = new Option<int?>("--k") { Description = "Neighbours of the k-NN estimators (default 3)." }.Within(OptionRanges.Neighbours);
        var permutations = new Option<int>("--permutations") { Description = "Permutations for p-values (method mi); 0 for none.", DefaultValueFactory = _ => 0 }.Within(OptionRanges.PermutationsOrNone);
        var ci = new Option<double?>("--ci") { Description = "Level of a half-sampling interval for each score (method mi), e.g. 0.95." }.Within(OptionRanges.Confidence);
        var seed = new Option<int?>("--seed") { Description = "Seed of the permutations, the half-samples and the k-NN jitter (default 0)." }.Within(OptionRanges.Seed);
        var emitSql = new Option<bool>("--emit-sql") { Description = "Print the GROUP BY query that counts each feature against the target (each on the rows where both are present, as the scores), and exit." };
        var counts = new Option<string?>("--counts") { Description = "Rank from a counts table (feature, value, TARGET, count; or variables + count) instead of DATA." };
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var types = CliTables.TypesOption();
        var command = new Command("features", "Rank or select features by mutual information with a target.\nExamples:\n  shannon features data.csv --target species\n  shannon features data.csv --target species --ci 0.95 --permutations 999\n  shannon features big.parquet --target y --discrete a,b,c --emit-sql\n  shannon features --counts counts.csv --target y --json")
        {
            data, target, task, method, top, discrete, estimator, k, permutations, ci, seed, emitSql, counts, logBase, json, types,
        };
        command.SetAction(parse =>
        {
            CliTables.UseTypes(context, parse.GetValue(types));
            var request = new FeaturesRequest(
                parse.GetValue(data), parse.GetValue(target)!, parse.GetValue(task)!, parse.GetValue(method)!, parse.GetValue(top),
                parse.GetValue(discrete)!, parse.GetValue(estimator), parse.GetValue(k), parse.GetValue(permutations),
                parse.GetValue(ci), parse.GetValue(seed), parse.GetValue(emitSql), parse.GetValue(counts));
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            var result = WorkProgress.Run(context, "reading the table", 0, counter => Rank(request, unit, context, counter));
            if (result is null)
            {
                return ExitCodes.Success;
            }

            if (result.Value.Scored is { } scored)
            {
                WriteScores(context, scored, request.Target, unit, parse.GetValue(json), request.Confidence);
            }
            else
            {
                Write(context, result.Value.Ranking!, result.Value.Picks, result.Value.Excluded, request.Target, unit, parse.GetValue(json));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The scores (method mi) or the greedy ranking with each pick's own score (its kind and estimator), or null when the SQL was printed instead.</summary>
    private static (IReadOnlyList<ScoredFeature>? Scored, FeatureRanking? Ranking, IReadOnlyList<ScoredFeature> Picks, IReadOnlyList<ScoredFeature> Excluded)? Rank(FeaturesRequest request, LogBase unit, CliContext context, WorkCounter counter)
    {
        var chosen = EstimatorChoice.Require<IMutualInformationEstimator>(EstimatorChoice.Parse(request.Estimator, request.K, request.Seed, null), "I(X;Y)");
        bool uncertainty = request.Permutations > 0 || request.Confidence is not null;
        if (request.Counts is not null)
        {
            if (request.Data is not null || request.EmitSql || request.Method != "mi" || uncertainty)
            {
                throw new UsageException("--counts takes the place of DATA and ranks by mi from the counts only, without intervals or p-values.");
            }

            // Counts are observations of discrete pairs: the estimator choice of two discrete columns of DATA.
            var discrete = EstimatorChoice.ForCounts(request.Estimator, null, "counts");
            var fromCounts = CliTables.ReadCountsFile(context, CliInput.FilePath(context, request.Counts, "--counts", InputFormat.Table), request.Target);
            return (Keep(FromCounts(RequireClasses(fromCounts), discrete, unit), request.Top), null, [], []);
        }

        if (request.EmitSql && CliInput.IsStdin(request.Data))
        {
            throw new UsageException("--emit-sql needs DATA as a file path: the query names the file, and stdin is gone once read.");
        }

        string path = CliInput.FilePath(context, request.Data ?? throw new UsageException("features needs DATA (a .csv or .parquet file) or --counts FILE."), "DATA", InputFormat.Table);
        var kinds = CliTables.ColumnKinds(context, path);
        if (!kinds.ContainsKey(request.Target))
        {
            throw new ArgumentException($"--target: there is no column '{request.Target}' in '{path}'; it has: {string.Join(", ", kinds.Keys)}.");
        }

        string[] featureNames = [.. kinds.Keys.Where(n => n != request.Target)];
        if (featureNames.Length == 0)
        {
            throw new ArgumentException($"'{path}' has no feature columns besides the target.");
        }

        string[] forced = request.Discrete == "auto" ? [] : NumberList.Elements(request.Discrete, "--discrete");
        if (forced.FirstOrDefault(name => !kinds.ContainsKey(name)) is { } unknown)
        {
            throw new UsageException($"--discrete names column '{NumberList.Escape(unknown)}', which '{CliInput.DisplayName(path)}' does not have; its columns are: {string.Join(", ", kinds.Keys)}.");
        }

        if (request.EmitSql)
        {
            // Pairwise-complete per feature, as the scores below: the counts give the plug-in mi that features DATA prints for discrete pairs.
            string[] text = [.. forced.Union(context.TableTypes.Categorical).Union(context.TableTypes.Boolean)];
            context.Out.WriteLine(ContingencyQuery.Sql(path, request.Target, featureNames, text: text));
            return null;
        }

        if (request.Method != "mi" && uncertainty)
        {
            throw new UsageException("--ci and --permutations go with --method mi; the greedy methods report the criterion at each pick.");
        }

        // The one scoring of features and report: pairwise-complete rows, chance-corrected ranking, flags, q-values.
        var cells = CliTables.Read(context, path, new TableReadOptions { Categorical = forced, MissingValues = MissingValuePolicy.KeepCells });
        var settings = new ScoringSettings(
            chosen, unit, request.Seed ?? EstimatorDefaults.Seed, request.Confidence, EstimatorDefaults.IntervalReplicates, request.Permutations,
            int.MaxValue, ScoringSettings.LeastRows, request.Task);
        TableColumn[] candidates = [.. cells.Columns.Where(c => c.Name != request.Target)];

        // Two passes over the features: the point scores, then the uncertainty of the ranked ones.
        counter.Restart(2L * candidates.Length, "scoring features (two passes)");
        var scores = FeatureScoring.Score(candidates, cells[request.Target], settings, (done, _) => counter.Set(done));
        var dropped = cells.Dropped;
        context.RowsDropped = new DroppedRows(dropped.RowsRead, scores.TargetMissing, [.. dropped.Columns.Where(c => c.Column == request.Target)]);
        var featureCells = dropped.Columns.Where(c => c.Column != request.Target).ToArray();
        // mi's notes for the same pairs, once per wording with the features it applies to.
        foreach (var note in scores.Features.SelectMany(f => f.EstimateNotes.Select(n => (Note: n, f.Name))).GroupBy(p => p.Note))
        {
            context.Note($"note: {string.Join(", ", note.Select(p => $"'{p.Name}'"))}: {note.Key}");
        }

        foreach (var leak in scores.Features.Where(f => f.Flags.Contains(FeatureScoring.Leakage)))
        {
            context.Note("warning: " + FeatureScoring.LeakageWarning(leak, scores.TargetEntropy, unit.Unit));
        }

        if (request.Method == "mi")
        {
            if (featureCells.Length > 0)
            {
                context.Note($"note: missing feature cells leave out only their own feature's rows (pairwise-complete): {Describe(featureCells)}.");
            }

            return (Keep(scores.Features, request.Top), null, [], []);
        }

        // The greedy methods: the one selection of features and report, over the candidates the scoring ranks, each
        // term on its own rows; the rows left out of every term are those without a target value, as for method mi.
        var method = Method(request.Method);
        counter.Restart(0, $"{request.Method}: pair estimates");
        var selection = FeatureSelection.Select(cells, scores, cells[request.Target], method, request.Top ?? candidates.Length, int.MaxValue, settings, new WorkDoneProgress(counter));
        foreach (var excluded in selection.Excluded)
        {
            context.Note($"note: '{excluded.Name}' is not a candidate for {request.Method} ({FeatureSelection.Reason(excluded)}).");
        }

        if (featureCells.Length > 0)
        {
            context.Note($"note: missing feature cells leave out only the terms with their feature, {FeatureSelection.TermRows}: {Describe(featureCells)}.");
        }

        var scored = scores.Features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return (null, selection.Ranking, [.. selection.Ranking.Features.Select(f => scored[f.Name])], selection.Excluded);
    }

    private static string Describe(IEnumerable<MissingCells> cells) => string.Join("; ", cells.Select(c => $"'{c.Column}' {c.Describe()}"));

    private static SelectionMethod Method(string name) => name switch
    {
        "mrmr" => SelectionMethod.Mrmr,
        "mrmr-quotient" => SelectionMethod.MrmrQuotient,
        "jmi" => SelectionMethod.Jmi,
        "cmim" => SelectionMethod.Cmim,
        _ => SelectionMethod.Disr,
    };

    private static TargetContingencies RequireClasses(TargetContingencies tables) => tables.Classes.Count >= 2
        ? tables
        : throw new InvalidDataException($"The target '{tables.Target}' has only one class; mutual information with it is 0 for every feature.");

    private static IReadOnlyList<ScoredFeature> Keep(IReadOnlyList<ScoredFeature> scored, int? top) => top is int n ? [.. scored.Take(n)] : scored;

    /// <summary>Scores from counts by <paramref name="discrete"/> (the automatic rule's Grassberger unless --estimator names another), chance-corrected (the plug-in less its null mean) and flagged as <see cref="FeatureScoring"/> does from rows.</summary>
    private static IReadOnlyList<ScoredFeature> FromCounts(TargetContingencies tables, DiscreteEntropyEstimator discrete, LogBase unit)
    {
        var scored = tables.Features.Select(f =>
        {
            var table = f.Table;
            var estimate = WithUncertainty.MutualInformation(discrete, table, unit); // marked when too sparse, as from rows
            double mi = estimate.Value;
            int distinct = 0;
            long largest = 0;
            foreach (long sum in table.RowSums)
            {
                distinct += sum > 0 ? 1 : 0;
                largest = Math.Max(largest, sum);
            }

            var flags = new List<string>();
            if (largest >= FeatureScoring.ConstantShare * table.Total)
            {
                flags.Add(FeatureScoring.Constant);
            }

            if (table.Total >= 10 && distinct >= FeatureScoring.IdLikeShare * table.Total)
            {
                flags.Add(FeatureScoring.IdLike);
            }

            double plugIn = Measures.Clustering.MutualInformation(table, unit);
            double adjusted = plugIn - Measures.Clustering.ExpectedMutualInformation(table, unit);
            return new ScoredFeature(f.Feature, "text", "discrete", 0, distinct, table.Total, flags, discrete.Name, mi, adjusted, null, null, null, null, 0, null, estimate.IntervalWithheld)
            {
                PlugIn = discrete is PlugIn ? null : plugIn,
                TooSparse = estimate.IntervalWithheld,
            };
        });
        return [.. scored.OrderBy(f => f.Ranked ? 0 : 1).ThenByDescending(f => f.Adjusted)];
    }

    /// <summary>
    /// Method mi's output: the ranked features in score order (rank 1, 2, …), then the flagged ones listed apart without a
    /// rank (id-like, a leakage suspect among them if it is one; empty; too few rows; not estimable), so the numbered list is
    /// always in score order. JSON: <c>unit</c>, <c>method</c>, <c>target</c>, per feature <c>name</c>, <c>kind</c>, <c>rank</c>
    /// (null for a feature listed apart),
    /// <c>score</c> (the ranking criterion, <c>mi_adjusted</c>: for two discrete columns the plug-in I less its exact mean
    /// under independence, else the estimate itself), <c>estimator</c> (the pair's), <c>mi</c> (the number <c>shannon mi</c>
    /// prints for the pair), <c>mi_adjusted</c>, <c>plug_in</c> (the plug-in I beside another discrete estimator, as
    /// <c>shannon mi</c> gives it), <c>flags</c>, <c>rows</c> (the n of the pair's estimate, as <c>mi</c> prints it: pairwise-complete rows
    /// less those the estimator leaves out), and where computed <c>ci</c>, <c>p_value</c>,
    /// <c>p_value_is_bound</c> (no permutation reached the observed score: the p-value 1/(permutations + 1) is the bound
    /// p &lt; 1/(permutations + 1), printed with "&lt;"), <c>q_value</c>.
    /// </summary>
    private static void WriteScores(CliContext context, IReadOnlyList<ScoredFeature> scored, string target, LogBase unit, bool json, double? level)
    {
        if (json)
        {
            var features = scored.Select((f, i) =>
            {
                var entry = new Dictionary<string, object?>
                {
                    ["name"] = f.Name,
                    ["kind"] = f.Kind,
                    ["rank"] = f.Ranked ? i + 1 : null,
                    ["score"] = f.Adjusted,
                    ["estimator"] = f.Estimator,
                    ["mi"] = f.MutualInformation,
                    ["mi_adjusted"] = f.Adjusted,
                    ["flags"] = f.Flags,
                    ["rows"] = f.Rows,
                };
                if (f.PlugIn is double plugIn)
                {
                    entry["plug_in"] = plugIn;
                }

                if (f.Lower is double low && f.Upper is double high)
                {
                    entry["ci"] = new[] { low, high };
                }

                if (f.PValue is double p)
                {
                    entry["p_value"] = p;
                    entry["p_value_is_bound"] = f.PValueIsBound;
                }

                if (f.QValue is double q)
                {
                    entry["q_value"] = q;
                }

                if (f.Note is string note)
                {
                    entry["note"] = note;
                }

                return entry;
            }).ToArray();
            CliOutput.Json(context, [new("unit", unit.Unit), new("method", "mi"), new("target", target), new("features", features)]);
            return;
        }

        foreach (string line in ScoreHeader(target, unit))
        {
            context.Out.WriteLine(line);
        }

        for (int i = 0; i < scored.Count; i++)
        {
            var f = scored[i];
            if (!f.Ranked && (i == 0 || scored[i - 1].Ranked))
            {
                context.Out.WriteLine("not ranked (listed apart: an id-like column is never ranked as signal, an empty or unestimable one has no score):");
            }

            string score = f.Adjusted is double adjusted ? CliOutput.Number(adjusted) : "—";
            string mi = f.MutualInformation is double value ? $"  mi = {CliOutput.Number(value)}" : string.Empty;
            string relation = f.PValueIsBound ? "<" : "=";
            string p = f.PValue is double pv ? $"  p {relation} {CliOutput.Number(pv)}" : string.Empty;
            string q = f.QValue is double qv ? $"  q {(f.PValueIsBound ? "≤" : "=")} {CliOutput.Number(qv)}" : string.Empty;
            string interval = f.Lower is double low && f.Upper is double high ? $"  CI({CliOutput.Number(level ?? 0)}) [{CliOutput.Number(low)}, {CliOutput.Number(high)}]" : string.Empty;
            string flags = f.Flags.Count > 0 ? $"  [{string.Join(", ", f.Flags)}]" : string.Empty;
            string note = f.Note is string n ? $"  ({n})" : string.Empty;
            string rank = f.Ranked ? (i + 1).ToString(CultureInfo.InvariantCulture) : "—";
            context.Out.WriteLine($"{rank,4}  {score,-14}  {f.Name}{mi}{p}{q}{interval}{flags}{note}");
        }
    }

    /// <summary>What method mi's two number columns are, exactly: the ranking score first, then the pair's estimate.</summary>
    internal static string[] ScoreHeader(string target, LogBase unit) =>
    [
        $"mi scores with target '{target}' ({unit.Unit}), ranked by the first column, mi_adjusted, the chance-corrected score:",
        "  two discrete columns: the plug-in I less its mean under independence, I_plugin - E0[I_plugin] (Vinh, Epps & Bailey 2010);",
        "  otherwise (ross, ksg1: E0[I] = 0 by construction) the estimate mi itself;",
        $"  mi = the pair's estimate, the number shannon mi prints ({EstimatorChoice.AutoDiscrete} for two discrete columns by default, ross or ksg1 otherwise).",
    ];

    /// <summary>
    /// JSON: <c>unit</c>, <c>method</c>, <c>target</c>, <c>term_rows</c> (how the criterion's terms chose their rows,
    /// <see cref="FeatureSelection.TermRows"/>) and per feature <c>name</c>, <c>kind</c>, <c>rank</c>, <c>score</c> (the method's
    /// criterion; DISR's is a unitless ratio), <c>estimator</c>, <c>mi</c> and <c>rows</c> (the relevance term I(feature; target)
    /// and its n: the numbers <c>shannon mi</c> and method mi print for the pair, missing cells or not), <c>mi_adjusted</c>
    /// (the chance-corrected relevance the criterion used) and, where computed, <c>ci</c> and <c>p_value</c> (no
    /// <c>plug_in</c>: the terms are the criterion's, each already chance-corrected from the plug-in for discrete pairs);
    /// <c>not_candidates</c>: the columns the one scoring flagged out of the
    /// selection (id-like, constant, empty, too few rows, not estimable), each <c>name</c>, <c>flags</c>, <c>note</c>.
    /// </summary>
    private static void Write(CliContext context, FeatureRanking ranking, IReadOnlyList<ScoredFeature> picks, IReadOnlyList<ScoredFeature> excluded, string target, LogBase unit, bool json)
    {
        bool ratio = ranking.Method == "disr";
        double Score(double nats) => ratio ? nats : unit.FromNats(nats);
        if (json)
        {
            var features = ranking.Features.Select((f, i) =>
            {
                var entry = new Dictionary<string, object?>
                {
                    ["name"] = f.Name,
                    ["kind"] = picks[i].Kind,
                    ["rank"] = f.Rank,
                    ["score"] = Score(f.Score),
                    ["estimator"] = picks[i].Estimator,
                    ["mi"] = unit.FromNats(f.Relevance ?? f.Score),
                    ["mi_adjusted"] = unit.FromNats(f.AdjustedRelevance ?? f.Relevance ?? f.Score),
                    ["rows"] = f.Rows,
                };
                if (f.Interval is { } interval)
                {
                    entry["ci"] = new[] { unit.FromNats(interval.Low), unit.FromNats(interval.High) };
                }

                if (f.PValue is double p)
                {
                    entry["p_value"] = p;
                }

                return entry;
            }).ToArray();
            var apart = excluded.Select(f => new Dictionary<string, object?> { ["name"] = f.Name, ["flags"] = f.Flags, ["note"] = f.Note }).ToArray();
            CliOutput.Json(context,
            [
                new("unit", unit.Unit), new("method", ranking.Method), new("target", target), new("term_rows", FeatureSelection.TermRows),
                new("features", features), new("not_candidates", apart),
            ]);
            return;
        }

        context.Out.WriteLine($"{ranking.Method} scores with target '{target}' ({(ratio ? "unitless ratio sums" : unit.Unit)}); mi = I(feature; target) and its n, as shannon mi prints them:");
        foreach (var f in ranking.Features)
        {
            string p = f.PValue is double value ? $"  p = {CliOutput.Number(value)}" : string.Empty;
            string interval = f.Interval is { } ci ? $"  CI({CliOutput.Number(ci.Level)}) [{CliOutput.Number(unit.FromNats(ci.Low))}, {CliOutput.Number(unit.FromNats(ci.High))}]" : string.Empty;
            string mi = f.Relevance is double relevance ? $"  mi = {CliOutput.Number(unit.FromNats(relevance))} (n = {f.Rows})" : string.Empty;
            context.Out.WriteLine($"{f.Rank,4}  {CliOutput.Number(Score(f.Score)),-14}  {f.Name}{mi}{p}{interval}");
        }
    }

    private sealed record FeaturesRequest(
        string? Data, string Target, string Task, string Method, int? Top, string Discrete, string? Estimator,
        int? K, int Permutations, double? Confidence, int? Seed, bool EmitSql, string? Counts);
}
