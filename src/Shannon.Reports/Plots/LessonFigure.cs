namespace Shannon.Reports.Plots;

/// <summary>The lessons' figures that <c>shannon plot</c> draws.</summary>
internal enum LessonFigure
{
    /// <summary>H(p, 1 − p) in bits: the arch with its maximum of 1 bit at p = ½.</summary>
    BinaryEntropy,

    /// <summary>KL(P‖Q) and KL(Q‖P) against Q = (q, 1 − q) for P = (0.8, 0.2): KL is not symmetric.</summary>
    KlAsymmetry,

    /// <summary>Forward KL(P‖Q_μ) and reverse KL(Q_μ‖P) against μ for a bimodal P: mean-seeking vs mode-seeking.</summary>
    ForwardReverseKl,

    /// <summary>H(softmax(z / T)) against T: temperature raises entropy towards log K.</summary>
    TemperatureEntropy,

    /// <summary>I(X;Y) of a bivariate Gaussian against its correlation ρ: KSG and binned estimates.</summary>
    MiVsRho,
}
