using Shannon.Language.Logits;

namespace Shannon.Language.Tests.Logits;

public class ReferenceComparisonTests
{
    [Fact]
    public void Agrees_with_numpy_on_the_llama_cpp_statistics()
    {
        int[] tokens = LogitReference.Integers("tokens");
        float[] model = [.. LogitReference.Numbers("model").Select(x => (float)x)];
        float[] reference = [.. LogitReference.Numbers("reference").Select(x => (float)x)];
        var comparison = ReferenceComparison.Of(reference, model, LogitReference.Vocabulary, tokens.AsSpan(1));
        Assert.Equal(tokens.Length - 1, comparison.Tokens);
        LogitReference.Close(LogitReference.Number("mean_kl"), comparison.MeanKullbackLeibler, 1e-11);
        LogitReference.Close(LogitReference.Number("kl_stderr"), comparison.KullbackLeiblerStandardError, 1e-10);
        LogitReference.Close(LogitReference.Number("median_kl"), comparison.MedianKullbackLeibler, 1e-11);
        LogitReference.Close(LogitReference.Number("kl_q90"), comparison.KullbackLeiblerQuantile(0.9), 1e-11);
        LogitReference.Close(LogitReference.Number("kl_q10"), comparison.KullbackLeiblerQuantile(0.1), 1e-11);
        Assert.Equal(LogitReference.Numbers("kl").Max(), comparison.MaximumKullbackLeibler, 11);
        Assert.Equal(LogitReference.Number("top1_agreement"), comparison.TopOneAgreement, 15);
        LogitReference.Close(LogitReference.Number("mean_delta_p"), comparison.MeanDeltaProbability);
        LogitReference.Close(LogitReference.Number("delta_p_stderr"), comparison.DeltaProbabilityStandardError, 1e-11);
        LogitReference.Close(LogitReference.Number("rms_delta_p"), comparison.RootMeanSquareDeltaProbability);
        LogitReference.Close(LogitReference.Number("model_cross_entropy"), comparison.ModelCrossEntropy);
        LogitReference.Close(LogitReference.Number("reference_cross_entropy"), comparison.ReferenceCrossEntropy);
        LogitReference.Close(LogitReference.Number("log_ppl_ratio"), comparison.LogPerplexityRatio);
        LogitReference.Close(LogitReference.Number("log_ppl_ratio_stderr"), comparison.LogPerplexityRatioStandardError, 1e-11);
        Assert.Equal(Math.Exp(comparison.ModelCrossEntropy), comparison.ModelPerplexity, 12);
    }

    [Fact]
    public void A_model_against_itself_agrees_everywhere()
    {
        double[] logits = [3, 1, 0, 0, 2, 5];
        var comparison = ReferenceComparison.Of(logits, logits, 3, [0, 2]);
        Assert.Equal(0.0, comparison.MeanKullbackLeibler);
        Assert.Equal(1.0, comparison.TopOneAgreement);
        Assert.Equal(0.0, comparison.TopOneAgreementStandardError);
        Assert.Equal(0.0, comparison.MeanDeltaProbability);
        Assert.Equal(0.0, comparison.LogPerplexityRatio);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => ReferenceComparison.Of(new double[6], new double[3], 3, [0, 1])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceComparison.Of(new double[6], new double[6], 3, [0, 9])).ParamName);
        var comparison = ReferenceComparison.Of(new double[6], new double[6], 3, [0, 1]);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => comparison.KullbackLeiblerQuantile(1.5)).ParamName);
    }
}
