namespace Shannon.Estimators;

/// <summary>
/// The error an estimator throws when it cannot work on the samples it was given: too few for its model (a covariance
/// of d columns needs more than d samples) or for its neighbours (k-NN needs more than k), or columns that are
/// constant or collinear. Callers see a plain <see cref="ArgumentException"/> naming the parameter.
/// </summary>
/// <remarks>
/// The exception is marked (<see cref="Exception.Data"/>) rather than typed, so that the public contract stays
/// <see cref="ArgumentException"/>, while a caller that built the samples itself (transfer entropy and active
/// information storage embed series into lagged blocks) can tell this failure from a wrong kind of input and say what
/// the samples were made of and what to change (a longer series, shorter histories, another estimator).
/// </remarks>
internal static class DegenerateSamples
{
    private const string Key = "Shannon.DegenerateSamples";

    /// <summary>The marked exception: <paramref name="message"/> names the samples, <paramref name="paramName"/> their parameter.</summary>
    public static ArgumentException Error(string message, string paramName)
    {
        var error = new ArgumentException(message, paramName);
        error.Data[Key] = true;
        return error;
    }

    /// <summary>Was <paramref name="error"/> made by <see cref="Error"/>?</summary>
    public static bool Is(ArgumentException error) => error.Data.Contains(Key);
}
