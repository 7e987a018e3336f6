namespace Shannon.Calibration;

/// <summary>The options of a calibration report or a temperature fit: bins, unit, input checks and uncertainty.</summary>
public sealed record CalibrationOptions
{
    /// <summary>The default options: 15 equal-width bins, nats, rows summing to 1 within 10⁻⁶, no temperature fit, no interval.</summary>
    public static CalibrationOptions Default { get; } = new();

    /// <summary>B, the number of bins of the reliability diagram, the ECE, the MCE and the classwise ECE (1 to 10⁶); 15 by default, as Guo et al.</summary>
    public int Bins { get; init; } = 15;

    /// <summary>How the top-label bins and the binary reliability curve are placed; the classwise ECE always uses equal-width bins.</summary>
    public BinStrategy Strategy { get; init; } = BinStrategy.Uniform;

    /// <summary>The unit of the NLL; nats by default.</summary>
    public LogBase LogBase { get; init; }

    /// <summary>Divide every probability row by its sum instead of rejecting rows that do not sum to 1.</summary>
    public bool Normalize { get; init; }

    /// <summary>
    /// How far from 1 a probability row's sum may be, absolutely, when <see cref="Normalize"/> is off; 10⁻⁶ by default.
    /// A row of C float32 values may be off by up to C·ε (ε = 1.19·10⁻⁷), the rounding a float32 softmax can leave, when
    /// that is larger: PyTorch's float32 softmax over 50 257 classes sums to 1 ± 1.1·10⁻⁵.
    /// </summary>
    public double SumTolerance { get; init; } = 1e-6;

    /// <summary>Also fit a temperature (Guo et al. 2017) and report the NLL and ECE after it.</summary>
    public bool FitTemperature { get; init; }

    /// <summary>Half-samples of the rows for the interval of the top-label ECE (the one uncertainty policy, <see cref="Estimators.Uncertainty.HalfSampling"/>); 0 (none) by default, else at least 2.</summary>
    public int IntervalReplicates { get; init; }

    /// <summary>The level of the interval, in (0, 1); 0.95 by default.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The seed of the half-samples; 0 by default.</summary>
    public int Seed { get; init; }
}
