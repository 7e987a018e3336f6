using System.CommandLine;
using Shannon.Data.Counts;
using Shannon.Data.Tables;
using Shannon.Estimators.Discrete;
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
        var task = new Option<string>("--task") { Description = "classification|regression|auto (auto: regression for a numeric target with a non-integer value).", DefaultValueFactory = _ => "auto" };
        task.AcceptOnlyFromAmong("auto", "classification", "regression");
        var method = new Option<string>("--method") { Description = "mi (univariate ranking) | mrmr | mrmr-quotient | jmi | cmim | disr.", DefaultValueFactory = _ => "mi" };
        method.AcceptOnlyFromAmong("mi", "mrmr", "mrmr-quotient", "jmi", "cmim", "disr");
        var k = new Option<int?>("--k") { Description = "Keep the best K features (greedy methods pick K; all by default)." }.Within(OptionRanges.FeatureCount);
        var discrete = new Option<string>("--discrete") { Description = "auto (text columns discrete, numbers continuous) or COL,… to treat these columns as discrete too.", DefaultValueFactory = _ => "auto" };
        var estimator = new Option<string>("--estimator") { Description = "Discrete–discrete estimator: plugin|miller-madow|grassberger|chao-shen|james-stein|jackknife|nsb|jeffreys|laplace|perks|minimax.", DefaultValueFactory = _ => "plugin" };
        var neighbors = new Option<int>("--neighbors") { Description = "k of the KSG and Ross estimators.", DefaultValueFactory = _ => 3 }.Within(OptionRanges.Neighbours);
        var permutations = new Option<int>("--permutations") { Description = "Permutations for p-values (method mi); 0 for none.", DefaultValueFactory = _ => 0 }.Within(OptionRanges.PermutationsOrNone);
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for a percentile interval of each score (method mi); 0 for none.", DefaultValueFactory = _ => 0 }.Within(OptionRanges.ResamplesOrNone);
        var ci = new Option<double>("--ci") { Description = "Level of the bootstrap interval.", DefaultValueFactory = _ => 0.95 }.Within(OptionRanges.Confidence);
        var seed = new Option<int>("--seed") { Description = "Seed of the permutations, the bootstrap and the tie-breaking jitter.", DefaultValueFactory = _ => 0 }.Within(OptionRanges.Seed);
        var emitSql = new Option<bool>("--emit-sql") { Description = "Print the GROUP BY query that counts each feature against the target, and exit." };
        var counts = new Option<string?>("--counts") { Description = "Rank from a counts table (feature, value, TARGET, count; or variables + count) instead of DATA." };
        var json = CommonOptions.Json();
        var command = new Command("features", "Rank or select features by mutual information with a target (nats).\nExamples:\n  shannon features data.csv --target species\n  shannon features data.csv --target species --bootstrap 200 --ci 0.95 --permutations 99\n  shannon features big.parquet --target y --discrete a,b,c --emit-sql\n  shannon features --counts counts.csv --target y --json")
        {
            data, target, task, method, k, discrete, estimator, neighbors, permutations, bootstrap, ci, seed, emitSql, counts, json,
        };
        command.SetAction(parse =>
        {
            var request = new FeaturesRequest(
                parse.GetValue(data), parse.GetValue(target)!, parse.GetValue(task)!, parse.GetValue(method)!, parse.GetValue(k),
                parse.GetValue(discrete)!, Estimator(parse.GetValue(estimator)!), parse.GetValue(neighbors), parse.GetValue(permutations),
                parse.GetValue(bootstrap), parse.GetValue(ci), parse.GetValue(seed), parse.GetValue(emitSql), parse.GetValue(counts));
            var ranking = WorkProgress.Run(context, "ranking features", () => Rank(request, context));
            if (ranking is null)
            {
                return ExitCodes.Success;
            }

            Write(context, ranking, request.Target, parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The ranking, or null when the SQL was printed instead.</summary>
    private static FeatureRanking? Rank(FeaturesRequest request, CliContext context)
    {
        if (request.Counts is not null)
        {
            if (request.Data is not null || request.EmitSql || request.Method != "mi" || request.Estimator is not PlugIn)
            {
                throw new UsageException("--counts takes the place of DATA and ranks by plug-in mi only.");
            }

            return Keep(RequireClasses(ContingencyQuery.ReadCountsFile(CliInput.FilePath(context, request.Counts, "--counts", InputFormat.Table), request.Target)).Rank(), request.K);
        }

        if (request.EmitSql && CliInput.IsStdin(request.Data))
        {
            throw new UsageException("--emit-sql needs DATA as a file path: the query names the file, and stdin is gone once read.");
        }

        string path = CliInput.FilePath(context, request.Data ?? throw new UsageException("features needs DATA (a .csv or .parquet file) or --counts FILE."), "DATA", InputFormat.Table);
        var kinds = TableReader.ColumnKinds(path);
        if (!kinds.ContainsKey(request.Target))
        {
            throw new ArgumentException($"There is no column '{request.Target}' in '{path}'; it has: {string.Join(", ", kinds.Keys)}.");
        }

        string[] featureNames = [.. kinds.Keys.Where(n => n != request.Target)];
        if (featureNames.Length == 0)
        {
            throw new ArgumentException($"'{path}' has no feature columns besides the target.");
        }

        if (request.EmitSql)
        {
            context.Out.WriteLine(ContingencyQuery.Sql(path, request.Target, featureNames));
            return null;
        }

        string[] forced = request.Discrete == "auto" ? [] : request.Discrete.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool allDiscrete = featureNames.All(n => kinds[n] == ColumnKind.Categorical || forced.Contains(n));
        bool countsSuffice = allDiscrete && request.Method == "mi" && request.Task != "regression" && request.Estimator is PlugIn && request.Permutations == 0 && request.Bootstrap == 0
            && (kinds[request.Target] == ColumnKind.Categorical || request.Task == "classification" || forced.Contains(request.Target));
        if (countsSuffice)
        {
            // Every pair is discrete: count inside DuckDB with GROUP BY, so the rows never enter memory.
            return Keep(RequireClasses(ContingencyQuery.Count(path, request.Target, featureNames)).Rank(), request.K);
        }

        var table = TableReader.Read(path, new TableReadOptions { Categorical = forced });
        var targetColumn = table[request.Target];
        bool classification = request.Task switch
        {
            "classification" => true,
            "regression" => false,
            _ => targetColumn.Kind == ColumnKind.Categorical || targetColumn.Values.ToArray().All(v => v == Math.Floor(v)),
        };
        var y = classification ? Discrete(targetColumn) : Continuous(targetColumn, "regression target");
        if (classification && y.CategoryCount < 2)
        {
            throw new InvalidDataException($"The target '{request.Target}' has only one class; mutual information with it is 0 for every feature.");
        }

        FeatureColumn[] features = [.. table.Columns.Where(c => c.Name != request.Target).Select(c => c.Kind == ColumnKind.Categorical ? Discrete(c) : Continuous(c, "feature"))];

        var options = new SelectionOptions
        {
            Neighbors = request.Neighbors,
            DiscreteEstimator = request.Estimator,
            Permutations = request.Permutations,
            Bootstrap = request.Bootstrap,
            ConfidenceLevel = request.Confidence,
            Seed = request.Seed,
            JitterSeed = request.Seed,
        };
        if (request.Method == "mi")
        {
            return Keep(MutualInformationRanking.Rank(features, y, options), request.K);
        }

        var selectionMethod = request.Method switch
        {
            "mrmr" => SelectionMethod.Mrmr,
            "mrmr-quotient" => SelectionMethod.MrmrQuotient,
            "jmi" => SelectionMethod.Jmi,
            "cmim" => SelectionMethod.Cmim,
            _ => SelectionMethod.Disr,
        };
        return ForwardSelection.Select(features, y, selectionMethod, Math.Min(request.K ?? features.Length, features.Length), options);
    }

    private static TargetContingencies RequireClasses(TargetContingencies tables) => tables.Classes.Count >= 2
        ? tables
        : throw new InvalidDataException($"The target '{tables.Target}' has only one class; mutual information with it is 0 for every feature.");

    private static FeatureRanking Keep(FeatureRanking ranking, int? k) => k is int top ? ranking.Top(top) : ranking;

    /// <summary>A discrete variable from a categorical column's codes, or from a numeric column's distinct values.</summary>
    private static FeatureColumn Discrete(TableColumn column)
    {
        if (column.Kind == ColumnKind.Categorical)
        {
            return FeatureColumn.Discrete(column.Name, column.Codes);
        }

        var codes = new Dictionary<double, int>();
        int[] labels = [.. column.Values.ToArray().Select(v => codes.TryGetValue(v, out int c) ? c : codes[v] = codes.Count)];
        return FeatureColumn.Discrete(column.Name, labels);
    }

    private static FeatureColumn Continuous(TableColumn column, string role) => column.Kind == ColumnKind.Numeric
        ? FeatureColumn.Continuous(column.Name, column.Values)
        : throw new ArgumentException($"The {role} '{column.Name}' is not numeric.");

    private static DiscreteEntropyEstimator Estimator(string name) => EstimatorChoice.Discrete(name)
        ?? throw new UsageException($"Unknown --estimator '{NumberList.Escape(name)}'; use {string.Join(", ", EstimatorChoice.DiscreteNames)}.");

    private static void Write(CliContext context, FeatureRanking ranking, string target, bool json)
    {
        if (json)
        {
            var features = ranking.Features.Select(f =>
            {
                var entry = new Dictionary<string, object?> { ["name"] = f.Name, ["score"] = f.Score, ["rank"] = f.Rank, ["relevance"] = f.Relevance };
                if (f.PValue is double p)
                {
                    entry["p_value"] = p;
                }

                if (f.Interval is { } interval)
                {
                    entry["ci"] = new[] { interval.Low, interval.High };
                }

                return entry;
            }).ToArray();
            CliOutput.Json(context, [new("unit", ranking.Unit), new("method", ranking.Method), new("target", target), new("features", features)]);
            return;
        }

        context.Out.WriteLine($"{ranking.Method} scores with target '{target}' ({ranking.Unit}):");
        foreach (var f in ranking.Features)
        {
            string p = f.PValue is double value ? $"  p = {CliOutput.Number(value)}" : string.Empty;
            string interval = f.Interval is { } ci ? $"  CI({CliOutput.Number(ci.Level)}) [{CliOutput.Number(ci.Low)}, {CliOutput.Number(ci.High)}]" : string.Empty;
            context.Out.WriteLine($"{f.Rank,4}  {CliOutput.Number(f.Score),-14}  {f.Name}{p}{interval}");
        }
    }

    private sealed record FeaturesRequest(
        string? Data, string Target, string Task, string Method, int? K, string Discrete, DiscreteEntropyEstimator Estimator,
        int Neighbors, int Permutations, int Bootstrap, double Confidence, int Seed, bool EmitSql, string? Counts);
}
