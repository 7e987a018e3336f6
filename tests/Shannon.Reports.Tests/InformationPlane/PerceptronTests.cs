using Shannon.Losses;
using Shannon.Reports.InformationPlane;

namespace Shannon.Reports.Tests.InformationPlane;

public class PerceptronTests
{
    [Fact]
    public void Backward_matches_central_differences_of_the_cross_entropy()
    {
        // A 5-4-3-3 tanh network, one sample: the back-propagated ∂CE/∂W (CE and ∂CE/∂logits from CrossEntropyLoss)
        // against (CE(W + h) − CE(W − h)) / 2h with h = 1e-6; central differences are accurate to O(h²) ≈ 1e-12 plus
        // rounding ≈ 1e-16/h = 1e-10, so 1e-8 absolute is a safe bound.
        var network = new Perceptron([5, 4, 3, 3], new Random(11), learningRate: 1e-3);
        double[] input = [0.3, -0.7, 0.1, 0.9, -0.2];
        int[] label = [2];
        var activations = network.NewActivations();
        double Loss()
        {
            network.Forward(input, activations);
            return CrossEntropyLoss.FromLogits(activations[^1], 3, label).Value;
        }

        network.Forward(input, activations);
        var gradient = new double[3];
        CrossEntropyLoss.FromLogits(activations[^1], 3, label, gradient: gradient);
        network.Backward(input, activations, gradient);
        for (int layer = 0; layer < network.Layers; layer++)
        {
            double[] weights = network.Weights(layer);
            double[] analytic = network.WeightGradients(layer).ToArray();
            for (int i = 0; i < weights.Length; i++)
            {
                double saved = weights[i];
                weights[i] = saved + 1e-6;
                double up = Loss();
                weights[i] = saved - 1e-6;
                double down = Loss();
                weights[i] = saved;
                Assert.True(Math.Abs(((up - down) / 2e-6) - analytic[i]) < 1e-8, $"layer {layer} weight {i}: {analytic[i]} vs {(up - down) / 2e-6}");
            }
        }
    }
}
