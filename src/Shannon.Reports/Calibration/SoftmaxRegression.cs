using System.Numerics.Tensors;
using Shannon.Losses;

namespace Shannon.Reports.Calibration;

/// <summary>
/// A multinomial logistic regression (softmax regression) fitted by full-batch gradient descent on the mean
/// cross-entropy, on standardised features, without regularisation: a quick, deterministic model whose held-out
/// predictions show what an unregularised, over-trained classifier's confidence looks like.
/// </summary>
/// <remarks>
/// The gradient with respect to the logits is <see cref="CrossEntropyLoss"/>'s (softmax − one-hot, over N); the
/// weights' gradient is Xᵀ times it. Features are standardised with the training rows' mean and standard deviation (a
/// constant feature is centred only). The train/test split is a seeded shuffle. Reference: Bishop, C. M. (2006),
/// Pattern Recognition and Machine Learning, §4.3.4 (multiclass logistic regression), Springer.
/// </remarks>
internal sealed class SoftmaxRegression
{
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[] _weights;
    private readonly double[] _bias;
    private readonly double[] _step;

    private SoftmaxRegression(int features, int classes, double[] mean, double[] scale)
    {
        Features = features;
        Classes = classes;
        _mean = mean;
        _scale = scale;
        _weights = new double[classes * features];
        _bias = new double[classes];
        _step = new double[classes * features];
    }

    /// <summary>The number of input features.</summary>
    public int Features { get; }

    /// <summary>The number of classes.</summary>
    public int Classes { get; }

    /// <summary>Fits the model to the rows of <paramref name="x"/> listed in <paramref name="rows"/>.</summary>
    /// <param name="x">N×F features, row-major.</param>
    /// <param name="features">F.</param>
    /// <param name="labels">N class indices in 0 … classes − 1.</param>
    /// <param name="classes">K ≥ 2.</param>
    /// <param name="rows">The training rows.</param>
    /// <param name="epochs">Gradient steps on the whole training set.</param>
    /// <param name="learningRate">The step size.</param>
    /// <returns>The fitted model.</returns>
    public static SoftmaxRegression Fit(ReadOnlySpan<double> x, int features, ReadOnlySpan<int> labels, int classes, ReadOnlySpan<int> rows, int epochs, double learningRate)
    {
        var mean = new double[features];
        var scale = new double[features];
        foreach (int r in rows)
        {
            for (int f = 0; f < features; f++)
            {
                mean[f] += x[(r * features) + f];
            }
        }

        for (int f = 0; f < features; f++)
        {
            mean[f] /= rows.Length;
        }

        foreach (int r in rows)
        {
            for (int f = 0; f < features; f++)
            {
                double d = x[(r * features) + f] - mean[f];
                scale[f] += d * d;
            }
        }

        for (int f = 0; f < features; f++)
        {
            double sd = Math.Sqrt(scale[f] / rows.Length);
            scale[f] = sd > 0 ? 1.0 / sd : 1.0;
        }

        var model = new SoftmaxRegression(features, classes, mean, scale);
        var inputs = model.Standardise(x, rows);
        var targets = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            targets[i] = labels[rows[i]];
        }

        var logits = new double[rows.Length * classes];
        var gradient = new double[logits.Length];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.Forward(inputs, rows.Length, logits);
            CrossEntropyLoss.FromLogits(logits, classes, targets, gradient: gradient);
            model.Step(inputs, rows.Length, gradient, learningRate);
        }

        return model;
    }

    /// <summary>The logits of the rows of <paramref name="x"/> listed in <paramref name="rows"/>, row-major.</summary>
    public double[] Logits(ReadOnlySpan<double> x, ReadOnlySpan<int> rows)
    {
        var logits = new double[rows.Length * Classes];
        Forward(Standardise(x, rows), rows.Length, logits);
        return logits;
    }

    /// <summary>A seeded split of 0 … n − 1 into training and test rows (the test share rounded to the nearest row).</summary>
    public static (int[] Train, int[] Test) Split(int n, double testFraction, int seed)
    {
        int[] order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        int test = (int)Math.Round(n * testFraction);
        return (order[test..], order[..test]);
    }

    private double[] Standardise(ReadOnlySpan<double> x, ReadOnlySpan<int> rows)
    {
        var inputs = new double[rows.Length * Features];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int f = 0; f < Features; f++)
            {
                inputs[(i * Features) + f] = (x[(rows[i] * Features) + f] - _mean[f]) * _scale[f];
            }
        }

        return inputs;
    }

    /// <summary>z_ik = b_k + w_k · x_i, the weights held class by class (K × F) so that each product is one dot.</summary>
    private void Forward(double[] inputs, int n, double[] logits)
    {
        for (int i = 0; i < n; i++)
        {
            var row = inputs.AsSpan(i * Features, Features);
            for (int k = 0; k < Classes; k++)
            {
                logits[(i * Classes) + k] = _bias[k] + TensorPrimitives.Dot(row, _weights.AsSpan(k * Features, Features));
            }
        }
    }

    /// <summary>One gradient step: the logits' gradient (already divided by N) pulled back through the linear layer, Σ_i g_ik x_i.</summary>
    private void Step(double[] inputs, int n, double[] gradient, double learningRate)
    {
        Array.Clear(_step);
        for (int i = 0; i < n; i++)
        {
            var row = inputs.AsSpan(i * Features, Features);
            for (int k = 0; k < Classes; k++)
            {
                double g = gradient[(i * Classes) + k];
                _bias[k] -= learningRate * g;
                var step = _step.AsSpan(k * Features, Features);
                TensorPrimitives.MultiplyAdd(row, g, step, step);
            }
        }

        TensorPrimitives.MultiplyAdd(_step, -learningRate, _weights, _weights);
    }
}
