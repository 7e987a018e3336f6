namespace Shannon.Reports.InformationPlane;

/// <summary>One layer's place in the information plane at one epoch, in bits.</summary>
/// <param name="Layer">The layer's name, e.g. <c>hidden 1 (32)</c>.</param>
/// <param name="CompressionInformation">I(X;T) by binning: the plug-in H(bin(T)), since X is the sample identity and T a function of it.</param>
/// <param name="RelevantInformation">I(T;Y) by binning: the plug-in mutual information of bin(T) and the label.</param>
/// <param name="NoisyCompression">The noisy-channel I(X;T + Z), Z ~ N(0, σ²I), X uniform over the subsample: Gaussian-mixture Monte Carlo, in [0, log₂ m]; null when off.</param>
/// <param name="NeighbourRelevant">I(T;Y) by Ross's k-NN estimator on the subsample; null when off.</param>
internal sealed record LayerInformation(
    string Layer, double CompressionInformation, double RelevantInformation, double? NoisyCompression, double? NeighbourRelevant);

/// <summary>Everything recorded after one epoch (epoch 0 is the untrained network).</summary>
/// <param name="Epoch">The number of training passes so far.</param>
/// <param name="Loss">Mean cross-entropy −log q(y|x) over the training split, in nats.</param>
/// <param name="TestLoss">The same over the test split, in nats.</param>
/// <param name="MeanPredictiveEntropy">Mean entropy of the predicted distribution q(·|x) over the training split, in nats.</param>
/// <param name="Perplexity">exp(loss): the effective number of classes the model hesitates between.</param>
/// <param name="TrainAccuracy">The fraction of training samples whose most probable class is the label.</param>
/// <param name="TestAccuracy">The same over the test split.</param>
/// <param name="Layers">Hidden layers first, then the softmax output.</param>
internal sealed record EpochRecord(
    int Epoch, double Loss, double TestLoss, double MeanPredictiveEntropy, double Perplexity, double TrainAccuracy, double TestAccuracy,
    IReadOnlyList<LayerInformation> Layers);

/// <summary>The whole run: settings, the data's entropies, and one record per epoch.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="Unit">The unit of the informations (bits); losses and entropies of predictions are in nats.</param>
/// <param name="Samples">n, the samples the informations are computed on (all of them, train and test).</param>
/// <param name="TrainSamples">The size of the training split.</param>
/// <param name="InputEntropy">H(X) = log₂ n with X the sample identity: the ceiling of I(X;T).</param>
/// <param name="LabelEntropy">H(Y) of the labels = I(X;Y) (X identifies the sample): the ceiling of I(T;Y).</param>
/// <param name="Epochs">Epochs 0..N.</param>
internal sealed record InformationPlaneResult(
    InformationPlaneOptions Options, string Unit, int Samples, int TrainSamples, double InputEntropy, double LabelEntropy,
    IReadOnlyList<EpochRecord> Epochs);
