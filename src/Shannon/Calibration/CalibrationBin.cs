namespace Shannon.Calibration;

/// <summary>One bin of a top-label reliability diagram: its edges, how many samples fell in it, their mean confidence and accuracy.</summary>
/// <param name="Lower">The lower edge; the bin holds values above it (the first bin also holds values equal to it).</param>
/// <param name="Upper">The upper edge, included in the bin.</param>
/// <param name="Count">The number of samples whose confidence fell in the bin.</param>
/// <param name="Confidence">The mean top-label confidence max_k p_k of those samples; NaN for an empty bin.</param>
/// <param name="Accuracy">The fraction of those samples whose arg-max class is the label; NaN for an empty bin.</param>
public readonly record struct CalibrationBin(double Lower, double Upper, long Count, double Confidence, double Accuracy)
{
    /// <summary>The calibration gap of the bin, accuracy − confidence: negative when the model is over-confident; NaN for an empty bin.</summary>
    public double Gap => Accuracy - Confidence;
}
