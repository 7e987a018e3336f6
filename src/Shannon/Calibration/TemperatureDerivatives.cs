namespace Shannon.Calibration;

/// <summary>The temperature-scaling objective L(β) (mean NLL of softmax(β z), nats) and its first three derivatives in β.</summary>
/// <param name="Value">L(β).</param>
/// <param name="Slope">L′(β) = mean_i [E_β z_i − z_iy].</param>
/// <param name="Curvature">L″(β) = mean_i Var_β z_i ≥ 0.</param>
/// <param name="Third">L‴(β) = mean_i E_β (z_i − E_β z_i)³.</param>
internal readonly record struct TemperatureDerivatives(double Value, double Slope, double Curvature, double Third);
