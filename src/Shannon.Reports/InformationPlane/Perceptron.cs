using System.Numerics.Tensors;

namespace Shannon.Reports.InformationPlane;

/// <summary>
/// A small fully connected network with tanh hidden layers and linear logits, trained by Adam on a loss gradient
/// the caller supplies (the cross-entropy's, from <c>CrossEntropyLoss.FromLogits</c>). Weights are row-major
/// [out × in]; everything is double and single-threaded, so a seed fixes the whole run. Buffers are allocated once.
/// </summary>
internal sealed class Perceptron
{
    private readonly int[] _sizes;
    private readonly double[][] _weights;
    private readonly double[][] _biases;
    private readonly double[][] _weightGradients;
    private readonly double[][] _biasGradients;
    private readonly double[][] _deltas;
    private readonly Adam[] _weightSteps;
    private readonly Adam[] _biasSteps;

    /// <param name="sizes">Layer widths from input to output, e.g. 64, 32, 16, 10.</param>
    /// <param name="random">Draws the Glorot-uniform initial weights (Glorot &amp; Bengio 2010); biases start at 0.</param>
    /// <param name="learningRate">Adam's step size α.</param>
    public Perceptron(int[] sizes, Random random, double learningRate)
    {
        _sizes = sizes;
        int layers = sizes.Length - 1;
        _weights = new double[layers][];
        _biases = new double[layers][];
        _weightGradients = new double[layers][];
        _biasGradients = new double[layers][];
        _deltas = new double[layers][];
        _weightSteps = new Adam[layers];
        _biasSteps = new Adam[layers];
        for (int l = 0; l < layers; l++)
        {
            double limit = Math.Sqrt(6.0 / (sizes[l] + sizes[l + 1]));
            _weights[l] = new double[sizes[l + 1] * sizes[l]];
            for (int i = 0; i < _weights[l].Length; i++)
            {
                _weights[l][i] = limit * ((2.0 * random.NextDouble()) - 1.0);
            }

            _biases[l] = new double[sizes[l + 1]];
            _weightGradients[l] = new double[_weights[l].Length];
            _biasGradients[l] = new double[sizes[l + 1]];
            _deltas[l] = new double[sizes[l + 1]];
            _weightSteps[l] = new Adam(_weights[l].Length, learningRate);
            _biasSteps[l] = new Adam(sizes[l + 1], learningRate);
        }
    }

    /// <summary>The number of weight layers (hidden layers + 1).</summary>
    public int Layers => _weights.Length;

    /// <summary>The width of layer <paramref name="layer"/> (0 is the input).</summary>
    public int Width(int layer) => _sizes[layer];

    /// <summary>Layer <paramref name="layer"/>'s weights, row-major [out × in], live (a gradient check perturbs them).</summary>
    public double[] Weights(int layer) => _weights[layer];

    /// <summary>The gradient of layer <paramref name="layer"/>'s weights accumulated by <see cref="Backward"/> since the last <see cref="Step"/>.</summary>
    public ReadOnlySpan<double> WeightGradients(int layer) => _weightGradients[layer];

    /// <summary>Fresh activation buffers for one sample: one array per layer above the input.</summary>
    public double[][] NewActivations() => _sizes[1..].Select(width => new double[width]).ToArray();

    /// <summary>
    /// Runs the network on one input. <paramref name="activations"/>[l] receives layer l + 1's output: tanh for the
    /// hidden layers, the logits for the last.
    /// </summary>
    public void Forward(ReadOnlySpan<double> input, double[][] activations)
    {
        ReadOnlySpan<double> previous = input;
        for (int l = 0; l < Layers; l++)
        {
            var output = activations[l].AsSpan();
            int inputs = _sizes[l];
            for (int j = 0; j < output.Length; j++)
            {
                output[j] = _biases[l][j] + TensorPrimitives.Dot(_weights[l].AsSpan(j * inputs, inputs), previous);
            }

            if (l < Layers - 1)
            {
                TensorPrimitives.Tanh(output, output);
            }

            previous = output;
        }
    }

    /// <summary>
    /// Back-propagates one sample's ∂loss/∂logits through the activations <see cref="Forward"/> left, adding the
    /// weight and bias gradients to the accumulators that <see cref="Step"/> consumes.
    /// </summary>
    public void Backward(ReadOnlySpan<double> input, double[][] activations, ReadOnlySpan<double> logitGradient)
    {
        logitGradient.CopyTo(_deltas[Layers - 1]);
        for (int l = Layers - 1; l >= 0; l--)
        {
            ReadOnlySpan<double> below = l == 0 ? input : activations[l - 1];
            double[] delta = _deltas[l];
            int width = _sizes[l];
            for (int j = 0; j < delta.Length; j++)
            {
                var row = _weightGradients[l].AsSpan(j * width, width);
                TensorPrimitives.MultiplyAdd(below, delta[j], row, row);
            }

            TensorPrimitives.Add(_biasGradients[l], delta, _biasGradients[l]);
            if (l == 0)
            {
                break;
            }

            // δ_below = (Wᵀ δ) ⊙ (1 − tanh²), tanh being the activation below.
            var next = _deltas[l - 1].AsSpan();
            next.Clear();
            for (int j = 0; j < delta.Length; j++)
            {
                TensorPrimitives.MultiplyAdd(_weights[l].AsSpan(j * width, width), delta[j], next, next);
            }

            for (int i = 0; i < width; i++)
            {
                next[i] *= 1.0 - (below[i] * below[i]);
            }
        }
    }

    /// <summary>One Adam step with the accumulated gradients, which are then cleared.</summary>
    public void Step()
    {
        for (int l = 0; l < Layers; l++)
        {
            _weightSteps[l].Apply(_weights[l], _weightGradients[l]);
            _biasSteps[l].Apply(_biases[l], _biasGradients[l]);
            Array.Clear(_weightGradients[l]);
            Array.Clear(_biasGradients[l]);
        }
    }

    /// <summary>
    /// Adam (Kingma &amp; Ba 2015, arXiv:1412.6980) with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and bias correction.
    /// </summary>
    private sealed class Adam(int length, double learningRate)
    {
        private readonly double[] _first = new double[length];
        private readonly double[] _second = new double[length];
        private int _steps;

        public void Apply(double[] parameters, double[] gradient)
        {
            _steps++;
            double correction1 = 1.0 - Math.Pow(0.9, _steps);
            double correction2 = 1.0 - Math.Pow(0.999, _steps);
            for (int i = 0; i < parameters.Length; i++)
            {
                _first[i] = (0.9 * _first[i]) + (0.1 * gradient[i]);
                _second[i] = (0.999 * _second[i]) + (0.001 * gradient[i] * gradient[i]);
                parameters[i] -= learningRate * (_first[i] / correction1) / (Math.Sqrt(_second[i] / correction2) + 1e-8);
            }
        }
    }
}
