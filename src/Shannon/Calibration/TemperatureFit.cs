namespace Shannon.Calibration;

/// <summary>The temperature that minimises the mean NLL of softmax(z / T), with the NLL and the top-label ECE before and after it.</summary>
/// <param name="Temperature">T* &gt; 0: the minimiser of the mean NLL over T; above 1 the model was over-confident, below 1 under-confident.</param>
/// <param name="NllBefore">The mean NLL at T = 1, in <paramref name="Unit"/>.</param>
/// <param name="NllAfter">The mean NLL at T*, in <paramref name="Unit"/>; never above <paramref name="NllBefore"/>.</param>
/// <param name="EceBefore">The top-label ECE at T = 1 (unitless).</param>
/// <param name="EceAfter">The top-label ECE of softmax(z / T*), with the same bins rule.</param>
/// <param name="Unit">The unit of the NLLs.</param>
/// <param name="Passes">How many passes over the rows the fit made (one per Newton or bisection step).</param>
public sealed record TemperatureFit(double Temperature, double NllBefore, double NllAfter, double EceBefore, double EceAfter, LogBase Unit, int Passes);
