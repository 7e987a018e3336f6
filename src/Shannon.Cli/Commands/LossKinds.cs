using Shannon.Losses;

namespace Shannon.Cli.Commands;

/// <summary>What <c>shannon loss</c> was asked for, its inputs apart.</summary>
/// <param name="Context">Supplies standard input for inline weight lists.</param>
/// <param name="Kind">ce, nll, bce, bce-logits, kl-div, focal, infonce, nt-xent or gaussian-kl.</param>
internal sealed record LossRequest(CliContext Context, string Kind)
{
    /// <summary>mean, sum, none, or batchmean (kl-div).</summary>
    public required string Reduction { get; init; }

    /// <summary>The temperature when given; each kind has its default.</summary>
    public double? Temperature { get; init; }

    /// <summary>The --weights argument.</summary>
    public string? Weights { get; init; }

    /// <summary>The --pos-weight argument.</summary>
    public string? PositiveWeights { get; init; }

    public int IgnoreIndex { get; init; }

    public double LabelSmoothing { get; init; }

    public bool TargetProbabilities { get; init; }

    public bool LogTarget { get; init; }

    /// <summary>focal's α; negative for none.</summary>
    public double Alpha { get; init; }

    public double Gamma { get; init; }

    public bool Cosine { get; init; }

    /// <summary>Whether --grad was given (the gradient w.r.t. the first input is computed).</summary>
    public bool WantGradient { get; init; }

    /// <summary>Whether --grad2 was given.</summary>
    public bool WantSecondGradient { get; init; }
}

/// <summary>One library call per kind of <c>shannon loss</c>: read the inputs, call the loss, return its values and gradients.</summary>
internal static class LossKinds
{
    /// <summary>A gradient to write: float32 (for float16/32 inputs) or float64, with its input's shape.</summary>
    internal sealed record Gradient(float[]? Singles, double[]? Doubles, int[] Shape);

    /// <summary>The result, its reduction's name, the per-row (or per-element) losses, how to name them, and the gradients asked for.</summary>
    internal sealed record Outcome(CrossEntropyResult Result, string Reduction, double[] Values, string Title, string Items, Gradient? First, Gradient? Second);

    public static Outcome Run(LossRequest request, string[] files) => request.Kind switch
    {
        "ce" => CrossEntropy(request, files[0], files[1]),
        "nll" => Nll(request, files[0], files[1]),
        "bce" => Binary(request, files[0], files[1], logits: false),
        "bce-logits" => Binary(request, files[0], files[1], logits: true),
        "kl-div" => KlDiv(request, files[0], files[1]),
        "focal" => Focal(request, files[0], files[1]),
        "infonce" => InfoNceLoss(request, files[0], files[1]),
        "nt-xent" => NtXent(request, files[0]),
        _ => GaussianKl(request, files[0], files[1]),
    };

    private static LossReduction Reduction(LossRequest request) => request.Reduction switch
    {
        "sum" => LossReduction.Sum,
        "none" => LossReduction.None,
        _ => LossReduction.Mean,
    };

    private static double[]? Vector(LossRequest request, string? argument, string name) =>
        argument is null ? null : LossInputs.ReadVector(argument, name, request.Context);

    private static Outcome Make(LossRequest request, CrossEntropyResult result, double[] values, string title, string items, Gradient? first = null, Gradient? second = null) =>
        new(result, request.Reduction, values, title, items, first, second);

    private static Outcome CrossEntropy(LossRequest request, string logitsPath, string targetsPath)
    {
        var options = new CrossEntropyOptions
        {
            ClassWeights = Vector(request, request.Weights, "--weights") ?? default(ReadOnlyMemory<double>),
            IgnoreIndex = request.IgnoreIndex,
            LabelSmoothing = request.LabelSmoothing,
            Temperature = request.Temperature ?? 1.0,
            Reduction = Reduction(request),
        };
        var table = LossInputs.ReadLogits(logitsPath);
        var rowLosses = new double[table.Rows];
        CrossEntropyResult result;
        if (table.Singles is { } singles)
        {
            var gradient = request.WantGradient ? new float[singles.Length] : null;
            result = request.TargetProbabilities
                ? CrossEntropyLoss.FromLogits(singles, table.Classes, Array.ConvertAll(LossInputs.ReadProbabilities(targetsPath, table), v => (float)v), options, rowLosses, gradient)
                : CrossEntropyLoss.FromLogits(singles, table.Classes, LossInputs.ReadIndices(targetsPath), options, rowLosses, gradient);
            return Make(request, result, rowLosses, "cross-entropy", "rows", gradient is null ? null : new(gradient, null, table.Shape));
        }

        var doubles = table.Doubles!;
        var doubleGradient = request.WantGradient ? new double[doubles.Length] : null;
        result = request.TargetProbabilities
            ? CrossEntropyLoss.FromLogits(doubles, table.Classes, LossInputs.ReadProbabilities(targetsPath, table), options, rowLosses, doubleGradient)
            : CrossEntropyLoss.FromLogits(doubles, table.Classes, LossInputs.ReadIndices(targetsPath), options, rowLosses, doubleGradient);
        return Make(request, result, rowLosses, "cross-entropy", "rows", doubleGradient is null ? null : new(null, doubleGradient, table.Shape));
    }

    private static Outcome Nll(LossRequest request, string inputPath, string targetsPath)
    {
        var table = LossInputs.ReadTable(inputPath, "--input", twoDimensional: true);
        int[] targets = LossInputs.ReadIndices(targetsPath);
        double[]? weights = Vector(request, request.Weights, "--weights");
        var rowLosses = new double[table.Rows];
        if (table.Singles is { } singles)
        {
            var gradient = request.WantGradient ? new float[singles.Length] : null;
            var result = NllLoss.FromLogProbabilities(singles, table.Classes, targets, weights, request.IgnoreIndex, Reduction(request), rowLosses, gradient);
            return Make(request, result, rowLosses, "nll", "rows", gradient is null ? null : new(gradient, null, table.Shape));
        }

        var doubleGradient = request.WantGradient ? new double[table.Length] : null;
        var doubleResult = NllLoss.FromLogProbabilities(table.Doubles, table.Classes, targets, weights, request.IgnoreIndex, Reduction(request), rowLosses, doubleGradient);
        return Make(request, doubleResult, rowLosses, "nll", "rows", doubleGradient is null ? null : new(null, doubleGradient, table.Shape));
    }

    private static Outcome Binary(LossRequest request, string inputPath, string targetsPath, bool logits)
    {
        string inputName = logits ? "--logits" : "--input";
        var table = LossInputs.ReadTable(inputPath, inputName, twoDimensional: false);
        var targets = LossInputs.ReadTable(targetsPath, "--targets", twoDimensional: false);
        LossInputs.SameShape(table, inputName, targets, "--targets");
        double[]? weights = Vector(request, request.Weights, "--weights");
        double[]? positive = Vector(request, request.PositiveWeights, "--pos-weight");
        var losses = new double[table.Length];
        string title = logits ? "binary cross-entropy with logits" : "binary cross-entropy";
        if (table.Singles is { } singles)
        {
            var gradient = request.WantGradient ? new float[singles.Length] : null;
            var result = logits
                ? BinaryCrossEntropy.FromLogits(singles, targets.AsSingles(), weights, positive, Reduction(request), losses, gradient)
                : BinaryCrossEntropy.FromProbabilities(singles, targets.AsSingles(), weights, Reduction(request), losses, gradient);
            return Make(request, result, losses, title, "elements", gradient is null ? null : new(gradient, null, table.Shape));
        }

        var doubleGradient = request.WantGradient ? new double[table.Length] : null;
        var doubleResult = logits
            ? BinaryCrossEntropy.FromLogits(table.Doubles, targets.AsDoubles(), weights, positive, Reduction(request), losses, doubleGradient)
            : BinaryCrossEntropy.FromProbabilities(table.Doubles, targets.AsDoubles(), weights, Reduction(request), losses, doubleGradient);
        return Make(request, doubleResult, losses, title, "elements", doubleGradient is null ? null : new(null, doubleGradient, table.Shape));
    }

    private static Outcome Focal(LossRequest request, string logitsPath, string targetsPath)
    {
        var table = LossInputs.ReadTable(logitsPath, "--logits", twoDimensional: false);
        var targets = LossInputs.ReadTable(targetsPath, "--targets", twoDimensional: false);
        LossInputs.SameShape(table, "--logits", targets, "--targets");
        double? alpha = request.Alpha < 0 ? null : request.Alpha;
        var losses = new double[table.Length];
        if (table.Singles is { } singles)
        {
            var gradient = request.WantGradient ? new float[singles.Length] : null;
            var result = FocalLoss.FromLogits(singles, targets.AsSingles(), request.Gamma, alpha, Reduction(request), losses, gradient);
            return Make(request, result, losses, "focal", "elements", gradient is null ? null : new(gradient, null, table.Shape));
        }

        var doubleGradient = request.WantGradient ? new double[table.Length] : null;
        var doubleResult = FocalLoss.FromLogits(table.Doubles, targets.AsDoubles(), request.Gamma, alpha, Reduction(request), losses, doubleGradient);
        return Make(request, doubleResult, losses, "focal", "elements", doubleGradient is null ? null : new(null, doubleGradient, table.Shape));
    }

    private static Outcome KlDiv(LossRequest request, string inputPath, string targetsPath)
    {
        var table = LossInputs.ReadTable(inputPath, "--input", twoDimensional: false);
        var targets = LossInputs.ReadTable(targetsPath, "--targets", twoDimensional: false);
        LossInputs.SameShape(table, "--input", targets, "--targets");
        var reduction = request.Reduction switch
        {
            "batchmean" => KlDivReduction.BatchMean,
            "mean" => KlDivReduction.Mean,
            "sum" => KlDivReduction.Sum,
            _ => KlDivReduction.None,
        };
        var terms = new double[table.Length];
        if (table.Singles is { } singles)
        {
            var gradient = request.WantGradient ? new float[singles.Length] : null;
            var result = KlDivLoss.FromLogProbabilities(singles, targets.AsSingles(), table.Classes, reduction, request.LogTarget, terms, gradient);
            return Make(request, result, terms, "KL-divergence", "elements", gradient is null ? null : new(gradient, null, table.Shape));
        }

        var doubleGradient = request.WantGradient ? new double[table.Length] : null;
        var doubleResult = KlDivLoss.FromLogProbabilities(table.Doubles, targets.AsDoubles(), table.Classes, reduction, request.LogTarget, terms, doubleGradient);
        return Make(request, doubleResult, terms, "KL-divergence", "elements", doubleGradient is null ? null : new(null, doubleGradient, table.Shape));
    }

    private static Outcome InfoNceLoss(LossRequest request, string queryPath, string keysPath)
    {
        var queries = LossInputs.ReadTable(queryPath, "--query", twoDimensional: true);
        var keys = LossInputs.ReadTable(keysPath, "--keys", twoDimensional: true);
        LossInputs.SameShape(queries, "--query", keys, "--keys");
        var options = new InfoNceOptions { Temperature = request.Temperature ?? 0.07, Cosine = request.Cosine, Reduction = Reduction(request) };
        var losses = new double[queries.Rows];
        if (queries.Singles is { } q && keys.Singles is { } k)
        {
            var queryGradient = request.WantGradient ? new float[q.Length] : null;
            var keyGradient = request.WantSecondGradient ? new float[k.Length] : null;
            var result = InfoNce.FromEmbeddings(q, k, queries.Classes, options, losses, queryGradient, keyGradient);
            return Make(request, result, losses, "InfoNCE", "pairs",
                queryGradient is null ? null : new(queryGradient, null, queries.Shape), keyGradient is null ? null : new(keyGradient, null, keys.Shape));
        }

        var doubleQueryGradient = request.WantGradient ? new double[queries.Length] : null;
        var doubleKeyGradient = request.WantSecondGradient ? new double[keys.Length] : null;
        var doubleResult = InfoNce.FromEmbeddings(queries.AsDoubles(), keys.AsDoubles(), queries.Classes, options, losses, doubleQueryGradient, doubleKeyGradient);
        return Make(request, doubleResult, losses, "InfoNCE", "pairs",
            doubleQueryGradient is null ? null : new(null, doubleQueryGradient, queries.Shape), doubleKeyGradient is null ? null : new(null, doubleKeyGradient, keys.Shape));
    }

    private static Outcome NtXent(LossRequest request, string path)
    {
        var z = LossInputs.ReadTable(path, "--z", twoDimensional: true);
        double temperature = request.Temperature ?? 0.5;
        var losses = new double[z.Rows];
        if (z.Singles is { } singles)
        {
            var gradient = request.WantGradient ? new float[singles.Length] : null;
            var result = InfoNce.NtXent(singles, z.Classes, temperature, Reduction(request), losses, gradient);
            return Make(request, result, losses, "NT-Xent", "anchors", gradient is null ? null : new(gradient, null, z.Shape));
        }

        var doubleGradient = request.WantGradient ? new double[z.Length] : null;
        var doubleResult = InfoNce.NtXent(z.Doubles, z.Classes, temperature, Reduction(request), losses, doubleGradient);
        return Make(request, doubleResult, losses, "NT-Xent", "anchors", doubleGradient is null ? null : new(null, doubleGradient, z.Shape));
    }

    private static Outcome GaussianKl(LossRequest request, string meanPath, string logVariancePath)
    {
        var mean = LossInputs.ReadTable(meanPath, "--mu", twoDimensional: false);
        var logVariance = LossInputs.ReadTable(logVariancePath, "--logvar", twoDimensional: false);
        LossInputs.SameShape(mean, "--mu", logVariance, "--logvar");
        var rows = new double[mean.Rows];
        if (mean.Singles is { } m && logVariance.Singles is { } v)
        {
            var meanGradient = request.WantGradient ? new float[m.Length] : null;
            var varianceGradient = request.WantSecondGradient ? new float[v.Length] : null;
            var result = GaussianClosedForm.VaeKullbackLeibler(m, v, mean.Classes, Reduction(request), rows, meanGradient, varianceGradient);
            return Make(request, result, rows, "Gaussian KL", "rows",
                meanGradient is null ? null : new(meanGradient, null, mean.Shape), varianceGradient is null ? null : new(varianceGradient, null, logVariance.Shape));
        }

        var doubleMeanGradient = request.WantGradient ? new double[mean.Length] : null;
        var doubleVarianceGradient = request.WantSecondGradient ? new double[logVariance.Length] : null;
        var doubleResult = GaussianClosedForm.VaeKullbackLeibler(mean.AsDoubles(), logVariance.AsDoubles(), mean.Classes, Reduction(request), rows, doubleMeanGradient, doubleVarianceGradient);
        return Make(request, doubleResult, rows, "Gaussian KL", "rows",
            doubleMeanGradient is null ? null : new(null, doubleMeanGradient, mean.Shape), doubleVarianceGradient is null ? null : new(null, doubleVarianceGradient, logVariance.Shape));
    }
}
