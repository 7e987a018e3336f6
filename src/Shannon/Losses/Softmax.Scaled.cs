using Shannon.Numerics;

namespace Shannon.Losses;

public static partial class Softmax
{
    /// <summary>The log of the absolute value of a weighted sum of exponentials, with its sign (scipy.special.logsumexp with b and return_sign).</summary>
    /// <param name="logits">The exponents aᵢ; not empty, no NaN; ±∞ allowed.</param>
    /// <param name="scale">The scale factors bᵢ, the same length as <paramref name="logits"/>; any finite or infinite real, no NaN; negative values subtract.</param>
    /// <param name="sign">+1 or −1, the sign of Σᵢ bᵢ e^(aᵢ); 0 when the sum is exactly 0; NaN with a NaN result.</param>
    /// <returns>
    /// log |Σᵢ bᵢ exp(aᵢ)| (nats), computed as m + log |Σᵢ bᵢ exp(aᵢ − m)| with m the largest aᵢ whose bᵢ ≠ 0
    /// (m = 0 when that is infinite); −∞ when the sum is 0 (for instance all bᵢ = 0, or terms that cancel exactly).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty or holds a NaN; <paramref name="scale"/> has another length or holds a NaN.</exception>
    /// <remarks>
    /// Terms with bᵢ = 0 are left out, so a +∞ exponent with zero weight does not turn the result into NaN. Scale
    /// factors of both signs on +∞ exponents give ∞ − ∞: the result and the sign are NaN, as in scipy. With all
    /// bᵢ = 1 this is <see cref="LogSumExp(ReadOnlySpan{double}, double)"/>. The shifted terms are summed with
    /// Neumaier compensation, so a sum that nearly cancels keeps more digits than scipy's plain sum.
    /// Reference: Blanchard, P., Higham, D. J. &amp; Higham, N. J. (2021), Accurately computing the log-sum-exp and
    /// softmax functions, IMA Journal of Numerical Analysis 41(4), 2311–2330, doi:10.1093/imanum/draa038.
    /// </remarks>
    public static double LogSumExp(ReadOnlySpan<double> logits, ReadOnlySpan<double> scale, out double sign)
    {
        Guard.NotEmpty(logits, nameof(logits));
        Guard.SameLength(logits, scale, nameof(logits), nameof(scale));
        double max = double.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++)
        {
            if (double.IsNaN(logits[i]))
            {
                throw Guard.BadEntry(nameof(logits), i, logits[i]);
            }

            if (double.IsNaN(scale[i]))
            {
                throw Guard.BadEntry(nameof(scale), i, scale[i]);
            }

            if (scale[i] != 0.0 && logits[i] > max)
            {
                max = logits[i];
            }
        }

        double shift = double.IsInfinity(max) ? 0.0 : max;
        double sum = 0.0, compensation = 0.0;
        for (int i = 0; i < logits.Length; i++)
        {
            if (scale[i] == 0.0)
            {
                continue;
            }

            double term = scale[i] * Math.Exp(logits[i] - shift);
            double next = sum + term;
            compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - next) + term : (term - next) + sum;
            sum = next;
        }

        if (double.IsFinite(sum))
        {
            sum += compensation;
        }

        sign = double.IsNaN(sum) ? double.NaN : Math.Sign(sum);
        return Math.Log(Math.Abs(sum)) + shift;
    }
}
