namespace Shannon.Reports.Plots;

/// <summary>The lessons' figures that <c>shannon plot</c> draws.</summary>
internal enum LessonFigure
{
    /// <summary>H(p, 1 − p) in bits: the arch with its maximum of 1 bit at p = ½.</summary>
    BinaryEntropy,

    /// <summary>H(softmax(z / T)) against T: temperature raises entropy towards log K.</summary>
    TemperatureEntropy,

    /// <summary>I(X;Y) of a bivariate Gaussian against its correlation ρ: KSG and binned estimates.</summary>
    MiVsRho,
}
