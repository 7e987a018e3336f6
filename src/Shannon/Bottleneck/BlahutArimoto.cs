using Shannon.Numerics;

namespace Shannon.Bottleneck;

/// <summary>
/// The Blahut–Arimoto alternating maximisation: the capacity of a discrete memoryless channel and the
/// rate–distortion function of a discrete source.
/// </summary>
/// <remarks>
/// References: Blahut, R. E. (1972), Computation of channel capacity and rate-distortion functions, IEEE
/// Transactions on Information Theory 18(4), 460–473, doi:10.1109/TIT.1972.1054855; Arimoto, S. (1972), An
/// algorithm for computing the capacity of arbitrary discrete memoryless channels, IEEE Transactions on
/// Information Theory 18(1), 14–20, doi:10.1109/TIT.1972.1054753; Cover, T. M. &amp; Thomas, J. A. (2006),
/// Elements of Information Theory, 2nd ed., §10.8, doi:10.1002/047174882X.
/// </remarks>
public static class BlahutArimoto
{
    /// <summary>The capacity C = max over r of I(X;Y) of a discrete memoryless channel W(y|x), with the input that achieves it.</summary>
    /// <param name="channel">W(y|x), row-major <paramref name="inputs"/> × <paramref name="outputs"/>; every row a distribution.</param>
    /// <param name="inputs">The number of input symbols |X| (rows).</param>
    /// <param name="outputs">The number of output symbols |Y| (columns).</param>
    /// <param name="tolerance">Stop when the gap maxₓ D(W(·|x) ‖ q) − I(X;Y) (in nats), an upper bound on C − I, is below this; &gt; 0.</param>
    /// <param name="maxIterations">The iteration limit; ≥ 1.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>C in the unit of <paramref name="logBase"/>, 0 ≤ C ≤ log min(|X|, |Y|), with the input r(x), its output q(y), the gap and the iteration count.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> does not have the stated shape, has a negative or non-finite entry, or a row that does not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputs"/> or <paramref name="outputs"/> is below 1, <paramref name="tolerance"/> is not positive, or <paramref name="maxIterations"/> is below 1.</exception>
    /// <remarks>
    /// Starts from the uniform input and repeats r(x) ← r(x) e^{Dₓ} / Σ r e^{D} with Dₓ = D(W(·|x) ‖ rW). The gap
    /// bounds C − I from above, so the result is certified to <see cref="CapacityResult.Gap"/>. Examples: binary
    /// symmetric channel 1 − H(ε) bits; binary erasure channel 1 − ε bits; a noiseless channel log |X|.
    /// Symmetric channels converge in one iteration; others linearly. Rows with identical W give non-unique optimal
    /// inputs; the one returned is the limit from the uniform start. See the class remarks for the references.
    /// </remarks>
    public static CapacityResult Capacity(
        ReadOnlySpan<double> channel, int inputs, int outputs, double tolerance = 1e-12, int maxIterations = 100_000, LogBase logBase = default)
    {
        BottleneckGuard.Channel(channel, inputs, outputs, nameof(channel), nameof(inputs), nameof(outputs));
        Guard.Positive(tolerance, nameof(tolerance));
        BottleneckGuard.IterationLimit(maxIterations);

        var r = new double[inputs];
        var q = new double[outputs];
        var divergence = new double[inputs];
        Array.Fill(r, 1.0 / inputs);
        int iterations = 0;
        bool converged = false;
        double capacity;
        double gap;
        while (true)
        {
            OutputOf(channel, r, outputs, q);
            Divergences(channel, q, outputs, divergence);
            double max = Max(divergence);
            var information = default(CompensatedSum);
            var weighted = default(CompensatedSum);
            for (int x = 0; x < inputs; x++)
            {
                information.Add(r[x] * divergence[x]);
                weighted.Add(r[x] * Math.Exp(divergence[x] - max));
            }

            capacity = Math.Max(0.0, information.Value);
            gap = Math.Max(0.0, max - capacity);
            if (gap < tolerance)
            {
                converged = true;
                break;
            }

            if (iterations == maxIterations)
            {
                break;
            }

            for (int x = 0; x < inputs; x++)
            {
                r[x] = r[x] * Math.Exp(divergence[x] - max) / weighted.Value;
            }

            iterations++;
        }

        return new CapacityResult(logBase.FromNats(capacity), logBase.FromNats(gap), r, q, iterations, converged, logBase);
    }

    /// <summary>One point of the rate–distortion function R(D) of a discrete source: the test channel that minimises I(X;X̂) + β E[d].</summary>
    /// <param name="source">The source distribution p(x); non-negative, summing to 1.</param>
    /// <param name="distortion">d(x, x̂), row-major |X| × <paramref name="reproductions"/>; finite and ≥ 0.</param>
    /// <param name="reproductions">The number of reproduction symbols |X̂| (columns of <paramref name="distortion"/>).</param>
    /// <param name="beta">The Lagrange multiplier β = −s ≥ 0 (finite): large β buys low distortion at a high rate.</param>
    /// <param name="tolerance">Stop when Blahut's gap (in nats) between the rate and the lower bound on R(D) is below this; &gt; 0.</param>
    /// <param name="maxIterations">The iteration limit; ≥ 1.</param>
    /// <param name="logBase">The unit of the rate; nats by default.</param>
    /// <returns>
    /// The point (D, R) with D = Σ p(x) Q(x̂|x) d(x,x̂) and R = I(X;X̂) in the unit of <paramref name="logBase"/>, on
    /// the curve R(D) within the reported gap, where the curve's slope dR/dD (nats per unit distortion) is −β.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a distribution, or <paramref name="distortion"/> has the wrong length or a negative or non-finite entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reproductions"/> is below 1, <paramref name="beta"/> is negative or not finite, <paramref name="tolerance"/> is not positive, or <paramref name="maxIterations"/> is below 1.</exception>
    /// <remarks>
    /// Starts from the uniform reproduction q and alternates Q(x̂|x) ∝ q(x̂) e^{−β d(x,x̂)} and q(x̂) = Σ p(x) Q(x̂|x),
    /// in the log domain so that large β does not underflow. β = 0 returns rate 0 at the distortion of the uniform
    /// reproduction. Example: a Bernoulli(p) source under Hamming distortion has R(D) = H(p) − H(D) for
    /// 0 ≤ D ≤ min(p, 1 − p), reached at β = ln((1 − D)/D). See the class remarks for the references.
    /// </remarks>
    public static RateDistortionPoint RateDistortion(
        ReadOnlySpan<double> source, ReadOnlySpan<double> distortion, int reproductions, double beta,
        double tolerance = 1e-12, int maxIterations = 100_000, LogBase logBase = default)
    {
        CheckRateDistortion(source, distortion, reproductions, tolerance, maxIterations);
        BottleneckGuard.Beta(beta, nameof(beta));
        return SolveRateDistortion(source, distortion, reproductions, beta, tolerance, maxIterations, logBase);
    }

    /// <summary>The rate–distortion curve traced by solving <see cref="RateDistortion"/> at each β of a sweep.</summary>
    /// <param name="source">The source distribution p(x); non-negative, summing to 1.</param>
    /// <param name="distortion">d(x, x̂), row-major |X| × <paramref name="reproductions"/>; finite and ≥ 0.</param>
    /// <param name="reproductions">The number of reproduction symbols |X̂|.</param>
    /// <param name="betas">The multipliers β ≥ 0, in any order; one point per entry, in the same order.</param>
    /// <param name="tolerance">The per-point gap tolerance in nats; &gt; 0.</param>
    /// <param name="maxIterations">The per-point iteration limit; ≥ 1.</param>
    /// <param name="logBase">The unit of the rates; nats by default.</param>
    /// <returns>One <see cref="RateDistortionPoint"/> per β; as β grows, D falls and R rises.</returns>
    /// <exception cref="ArgumentException">As <see cref="RateDistortion"/>; also when <paramref name="betas"/> is empty or has a negative or non-finite entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="RateDistortion"/>.</exception>
    /// <remarks>Each point is solved from the uniform start, so the points are independent of the sweep's order. References as the class.</remarks>
    public static RateDistortionPoint[] RateDistortionCurve(
        ReadOnlySpan<double> source, ReadOnlySpan<double> distortion, int reproductions, ReadOnlySpan<double> betas,
        double tolerance = 1e-12, int maxIterations = 100_000, LogBase logBase = default)
    {
        CheckRateDistortion(source, distortion, reproductions, tolerance, maxIterations);
        Guard.NotEmpty(betas, nameof(betas));
        Guard.NonNegativeFinite(betas, nameof(betas));
        var points = new RateDistortionPoint[betas.Length];
        for (int i = 0; i < betas.Length; i++)
        {
            points[i] = SolveRateDistortion(source, distortion, reproductions, betas[i], tolerance, maxIterations, logBase);
        }

        return points;
    }

    private static RateDistortionPoint SolveRateDistortion(
        ReadOnlySpan<double> source, ReadOnlySpan<double> distortion, int reproductions, double beta,
        double tolerance, int maxIterations, LogBase logBase)
    {
        int symbols = source.Length;
        var logQ = new double[reproductions];
        var testChannel = new double[symbols * reproductions];
        var output = new double[reproductions];
        Array.Fill(logQ, -Math.Log(reproductions));
        int iterations = 0;
        bool converged = false;
        double gap;
        while (true)
        {
            TestChannel(source, distortion, logQ, beta, testChannel);
            output.AsSpan().Clear();
            for (int x = 0; x < symbols; x++)
            {
                var row = testChannel.AsSpan(x * reproductions, reproductions);
                for (int j = 0; j < reproductions; j++)
                {
                    output[j] += source[x] * row[j];
                }
            }

            // c(x̂) = output / q; Blahut's gap = max log c − Σ output log c over the support of q.
            double maxLogC = double.NegativeInfinity;
            var mean = default(CompensatedSum);
            for (int j = 0; j < reproductions; j++)
            {
                if (double.IsNegativeInfinity(logQ[j]) || output[j] == 0.0)
                {
                    continue;
                }

                double logC = Math.Log(output[j]) - logQ[j];
                maxLogC = Math.Max(maxLogC, logC);
                mean.Add(output[j] * logC);
            }

            gap = Math.Max(0.0, maxLogC - mean.Value);
            if (gap < tolerance)
            {
                converged = true;
                break;
            }

            if (iterations == maxIterations)
            {
                break;
            }

            for (int j = 0; j < reproductions; j++)
            {
                logQ[j] = Math.Log(output[j]);
            }

            iterations++;
        }

        var expected = default(CompensatedSum);
        var rate = default(CompensatedSum);
        for (int x = 0; x < symbols; x++)
        {
            if (source[x] == 0.0)
            {
                continue;
            }

            var row = testChannel.AsSpan(x * reproductions, reproductions);
            var cost = distortion.Slice(x * reproductions, reproductions);
            for (int j = 0; j < reproductions; j++)
            {
                if (row[j] > 0.0)
                {
                    expected.Add(source[x] * row[j] * cost[j]);
                    rate.Add(source[x] * row[j] * Math.Log(row[j] / output[j]));
                }
            }
        }

        return new RateDistortionPoint(
            beta, logBase.FromNats(Math.Max(0.0, rate.Value)), Math.Max(0.0, expected.Value), logBase.FromNats(gap),
            testChannel, output, iterations, converged, logBase);
    }

    /// <summary>Q(x̂|x) = exp(log q(x̂) − β d(x,x̂) − log Z(x)), with a max-shifted log-sum-exp per row.</summary>
    private static void TestChannel(ReadOnlySpan<double> source, ReadOnlySpan<double> distortion, ReadOnlySpan<double> logQ, double beta, Span<double> destination)
    {
        int reproductions = logQ.Length;
        for (int x = 0; x < source.Length; x++)
        {
            var row = destination.Slice(x * reproductions, reproductions);
            var cost = distortion.Slice(x * reproductions, reproductions);
            double max = double.NegativeInfinity;
            for (int j = 0; j < reproductions; j++)
            {
                row[j] = logQ[j] - (beta * cost[j]);
                max = Math.Max(max, row[j]);
            }

            var z = default(CompensatedSum);
            for (int j = 0; j < reproductions; j++)
            {
                row[j] = Math.Exp(row[j] - max);
                z.Add(row[j]);
            }

            for (int j = 0; j < reproductions; j++)
            {
                row[j] /= z.Value;
            }
        }
    }

    private static void OutputOf(ReadOnlySpan<double> channel, ReadOnlySpan<double> r, int outputs, Span<double> q)
    {
        q.Clear();
        for (int x = 0; x < r.Length; x++)
        {
            var row = channel.Slice(x * outputs, outputs);
            for (int y = 0; y < outputs; y++)
            {
                q[y] += r[x] * row[y];
            }
        }
    }

    /// <summary>Dₓ = D(W(·|x) ‖ q) in nats; q(y) &gt; 0 wherever W(y|x) &gt; 0 because every r(x) stays positive.</summary>
    private static void Divergences(ReadOnlySpan<double> channel, ReadOnlySpan<double> q, int outputs, Span<double> destination)
    {
        for (int x = 0; x < destination.Length; x++)
        {
            var row = channel.Slice(x * outputs, outputs);
            var sum = default(CompensatedSum);
            for (int y = 0; y < outputs; y++)
            {
                if (row[y] > 0.0)
                {
                    sum.Add(row[y] * Math.Log(row[y] / q[y]));
                }
            }

            destination[x] = Math.Max(0.0, sum.Value);
        }
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static void CheckRateDistortion(ReadOnlySpan<double> source, ReadOnlySpan<double> distortion, int reproductions, double tolerance, int maxIterations)
    {
        Guard.Distribution(source, nameof(source));
        BottleneckGuard.Dimension(reproductions, nameof(reproductions));
        Guard.Shape(distortion.Length, [source.Length, reproductions], nameof(distortion), nameof(reproductions));
        Guard.NonNegativeFinite(distortion, nameof(distortion));
        Guard.Positive(tolerance, nameof(tolerance));
        BottleneckGuard.IterationLimit(maxIterations);
    }
}
