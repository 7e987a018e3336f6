using System.CommandLine;
using Shannon.Data.Tables;
using Shannon.Selection;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon tree DATA --target COL</c>: an entropy-criterion decision tree and the information gain of each split.</summary>
internal static class TreeCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string>("DATA") { Description = "A .csv, .tsv or .parquet file with a header (or - for stdin); numeric columns are the features." };
        var target = new Option<string>("--target") { Description = "The class column.", Required = true };
        var maxDepth = new Option<int?>("--max-depth") { Description = "Maximum depth, as scikit-learn's max_depth: 0 is a single leaf, 1 one split; unlimited by default." }.Within(OptionRanges.TreeDepth);
        var minLeaf = new Option<int>("--min-leaf") { Description = "Fewest training rows per leaf.", DefaultValueFactory = _ => 1 }.Within(OptionRanges.PositiveCount);
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var types = CliTables.TypesOption();
        var command = new Command("tree", "Grow a decision tree by information gain (entropy criterion), like scikit-learn's DecisionTreeClassifier(criterion=\"entropy\"); gains and entropies in --base's unit (nats by default).\nExample: shannon tree iris.csv --target target --max-depth 3 --base 2")
        {
            data, target, maxDepth, minLeaf, logBase, json, types,
        };
        command.SetAction(parse =>
        {
            CliTables.UseTypes(context, parse.GetValue(types));
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            string path = CliInput.FilePath(context, parse.GetValue(data)!, "DATA", InputFormat.Table);
            string targetName = parse.GetValue(target)!;
            var kinds = CliTables.ColumnKinds(context, path);
            if (!kinds.ContainsKey(targetName))
            {
                throw new ArgumentException($"--target: there is no column '{targetName}' in '{path}'; it has: {string.Join(", ", kinds.Keys)}.");
            }

            string[] features = CliTables.NumericFeatures(context, kinds, targetName, path, "the tree");

            var (x, classes) = CliTables.ReadClassification(context, path, features, targetName, "; there is nothing to split");

            var tree = WorkProgress.Run(context, "growing the tree: rows placed in leaves", classes.Codes.Length, counter =>
                EntropyDecisionTree.Fit(x, features.Length, classes.Codes, classes.CategoryCount, parse.GetValue(maxDepth), parse.GetValue(minLeaf), new WorkDoneProgress(counter)));
            Write(context, tree, features, [.. classes.Categories.Select(c => c ?? "(missing)")], targetName, unit, parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The tree, entropies and gains converted once from nats to <paramref name="unit"/> (the gain ratio is unitless).
    /// JSON: <c>unit</c>, <c>target</c>, <c>classes</c>, per node <c>id</c>, <c>depth</c>, <c>samples</c>, <c>entropy</c>,
    /// <c>counts</c> and for a split <c>feature</c>, <c>threshold</c>, <c>gain</c>, <c>gain_ratio</c>, <c>left</c>, <c>right</c>.
    /// </summary>
    private static void Write(CliContext context, EntropyDecisionTree tree, string[] features, string[] classes, string target, LogBase unit, bool json)
    {
        if (json)
        {
            var nodes = tree.Nodes.Select(node =>
            {
                var entry = new Dictionary<string, object?>
                {
                    ["id"] = node.Id,
                    ["depth"] = node.Depth,
                    ["samples"] = node.SampleCount,
                    ["entropy"] = unit.FromNats(node.Entropy),
                    ["counts"] = node.ClassCounts,
                };
                if (!node.IsLeaf)
                {
                    entry["feature"] = features[node.Feature];
                    entry["threshold"] = node.Threshold;
                    entry["gain"] = unit.FromNats(node.Gain);
                    entry["gain_ratio"] = node.GainRatio;
                    entry["left"] = node.Left;
                    entry["right"] = node.Right;
                }

                return entry;
            }).ToArray();
            CliOutput.Json(context, [new("unit", unit.Unit), new("target", target), new("classes", classes), new("nodes", nodes)]);
            return;
        }

        foreach (var node in tree.Nodes)
        {
            string indent = new(' ', 2 * node.Depth);
            string text = node.IsLeaf
                ? $"leaf: {classes[Majority(node.ClassCounts)]} (n = {node.SampleCount}, H = {CliOutput.Number(unit.FromNats(node.Entropy))} {unit.Unit})"
                : $"{features[node.Feature]} <= {CliOutput.Number(node.Threshold)}  gain {CliOutput.Number(unit.FromNats(node.Gain))} {unit.Unit} (n = {node.SampleCount})";
            context.Out.WriteLine(indent + text);
        }
    }

    /// <summary>The most frequent class, the lowest code among ties.</summary>
    private static int Majority(IReadOnlyList<long> counts)
    {
        int best = 0;
        for (int c = 1; c < counts.Count; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        return best;
    }
}
