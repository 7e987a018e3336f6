using System.Globalization;
using Shannon.Estimators;

namespace Shannon.Dynamics;

/// <summary>
/// Delay embedding of time series: the times t at which every lag a measure needs exists within one trial, and the
/// lagged blocks (X_{t−a}, …, X_{t−a−m+1}) at those times, as <see cref="Variable"/>s any estimator takes.
/// </summary>
/// <remarks>
/// Transfer entropy and active information storage are (conditional) mutual informations of such blocks, so they are
/// estimated by embedding and then calling the project's estimators. Reference: Takens, F. (1981), Detecting strange
/// attractors in turbulence, Lecture Notes in Mathematics 898, 366–381, doi:10.1007/BFb0091924.
/// </remarks>
public static class Embedding
{
    /// <summary>Every row t, trial by trial, that has <paramref name="maxLag"/> earlier rows in its own trial.</summary>
    /// <param name="trials">The trials of the series.</param>
    /// <param name="maxLag">The largest lag used; at least 1.</param>
    /// <returns>The rows t in order; empty when no trial is longer than <paramref name="maxLag"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLag"/> &lt; 1.</exception>
    public static int[] Times(Trials trials, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLag, 1);
        long count = 0;
        for (int i = 0; i < trials.Count; i++)
        {
            count += Math.Max(0, trials.Lengths[i] - maxLag);
        }

        var times = new int[count];
        int next = 0;
        for (int i = 0; i < trials.Count; i++)
        {
            for (int t = trials.Starts[i] + maxLag; t < trials.Starts[i] + trials.Lengths[i]; t++)
            {
                times[next++] = t;
            }
        }

        return times;
    }

    /// <summary>The block (X_{t−lag}, X_{t−lag−1}, …, X_{t−lag−length+1}) at each of <paramref name="times"/>.</summary>
    /// <param name="series">The series X.</param>
    /// <param name="times">The rows t; each at least lag + length − 1.</param>
    /// <param name="length">The number of lags m; at least 1.</param>
    /// <param name="lag">The first (smallest) lag a; 0 gives the present X_t first.</param>
    /// <returns>A variable of |times| rows and m × dim X columns, most recent lag first, named by its lags (x[t-1], x[t-2..t-4],
    /// x[t] for lag 0) so that an estimator's message names the block; discrete when X is.</returns>
    /// <exception cref="ArgumentOutOfRangeException">length &lt; 1, lag &lt; 0, or a time whose lags fall before row 0.</exception>
    public static Variable Past(Variable series, ReadOnlySpan<int> times, int length, int lag)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        var parts = new Variable[length];
        var rows = new int[times.Length];
        for (int j = 0; j < length; j++)
        {
            int shift = lag + j;
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = times[i] - shift;
                if (rows[i] < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(times), times[i], $"time {times[i]} has no lag {shift}.");
                }
            }

            parts[j] = series.Subset(rows);
        }

        return Variable.Join(parts).Named(Name(series.Name, lag, length));
    }

    /// <summary>x[t], x[t-1] or x[t-2..t-4]: the block of <paramref name="length"/> lags from <paramref name="lag"/>.</summary>
    internal static string Name(string series, int lag, int length)
    {
        static string Lag(int a) => a == 0 ? "t" : string.Create(CultureInfo.InvariantCulture, $"t-{a}");
        return length == 1 ? $"{series}[{Lag(lag)}]" : $"{series}[{Lag(lag)}..{Lag(lag + length - 1)}]";
    }
}
