using System.Numerics.Tensors;
using Shannon.Losses;
using Shannon.Numerics;

namespace Shannon.Language.Logits;

/// <summary>
/// Per-token numbers from a causal language model's logits: the log-probability (negative surprisal) of each true
/// token, the predictive entropy, the rank of the true token, and the Kullback–Leibler divergence of a reference
/// model's distribution from this model's.
/// </summary>
/// <remarks>
/// Logits are a T×V row-major table: row t is the model's unnormalised log-distribution over the V token ids at
/// position t, and <c>targets[t]</c> is the true token there (for a dump of a causal LM's outputs, row t predicts input
/// token t + 1: shift the ids before calling). Everything is computed in double from a max-shifted log-sum-exp
/// (<see cref="Softmax"/>); float logits are widened exactly. With temperature T the distribution is softmax(z / T).
/// Reference: Bridle, J. S. (1990), Probabilistic interpretation of feedforward classification network outputs,
/// NATO ASI Series F68, 227–236, doi:10.1007/978-3-642-76153-9_28.
/// </remarks>
public static class LogitScoring
{
    /// <summary>Scores every row of a T×V table of logits against its true token.</summary>
    /// <param name="logits">T×V logits, row-major; no NaN or +∞, no row all −∞.</param>
    /// <param name="vocabulary">V, the number of columns.</param>
    /// <param name="targets">T true token ids, each in [0, V).</param>
    /// <param name="logProbabilities">Receives T values ln p(targets[t]) = z/T − log Σ exp(z/T), in nats (≤ 0).</param>
    /// <param name="entropies">Receives T predictive entropies −Σ p ln p in nats, or is empty to skip them.</param>
    /// <param name="ranks">Receives T ranks 1 + #{v : z_v &gt; z_target} (ties rank optimistically), or is empty to skip them.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <exception cref="ArgumentException">The table is not T×V with T = targets.Length; a bad logit (named with its row and class); a destination is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vocabulary"/> or <paramref name="temperature"/> is not positive, or a target lies outside [0, V) (named with its index).</exception>
    public static void Score(ReadOnlySpan<double> logits, int vocabulary, ReadOnlySpan<int> targets, Span<double> logProbabilities, Span<double> entropies = default, Span<int> ranks = default, double temperature = 1.0)
    {
        CheckTable(logits.Length, vocabulary, targets, nameof(logits));
        int rows = targets.Length;
        Guard.DestinationFits(logProbabilities, rows, nameof(logProbabilities));
        if (!entropies.IsEmpty)
        {
            Guard.DestinationFits(entropies, rows, nameof(entropies));
        }

        if (!ranks.IsEmpty)
        {
            Guard.DestinationFits(ranks, rows, nameof(ranks));
        }

        Softmax.LogSumExpRows(logits, vocabulary, logProbabilities, temperature);
        if (!entropies.IsEmpty)
        {
            Softmax.EntropyRows(logits, vocabulary, entropies, temperature);
        }

        for (int t = 0; t < rows; t++)
        {
            var row = logits.Slice(t * vocabulary, vocabulary);
            double target = row[targets[t]];
            logProbabilities[t] = Math.Min(0.0, (target / temperature) - logProbabilities[t]);
            if (!ranks.IsEmpty)
            {
                ranks[t] = RankOf(row, target);
            }
        }
    }

    /// <inheritdoc cref="Score(ReadOnlySpan{double}, int, ReadOnlySpan{int}, Span{double}, Span{double}, Span{int}, double)"/>
    public static void Score(ReadOnlySpan<float> logits, int vocabulary, ReadOnlySpan<int> targets, Span<double> logProbabilities, Span<double> entropies = default, Span<int> ranks = default, double temperature = 1.0) =>
        Score(Widen(logits), vocabulary, targets, logProbabilities, entropies, ranks, temperature);

    /// <summary>KL(reference ‖ model) of every row: how much the model's distribution departs from the reference's.</summary>
    /// <param name="reference">T×V reference logits (e.g. the full-precision model), row-major.</param>
    /// <param name="model">T×V logits of the model under test (e.g. a quantised one), row-major.</param>
    /// <param name="vocabulary">V, the number of columns.</param>
    /// <param name="destination">Receives T divergences Σ_v p_ref(v) (ln p_ref(v) − ln p_model(v)) in nats, ≥ 0.</param>
    /// <exception cref="ArgumentException">The tables differ in length or are not T×V; a bad logit (named with its table, row and class); <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vocabulary"/> is not positive.</exception>
    /// <remarks>
    /// +∞ when the model gives probability 0 (a −∞ logit) to a token the reference gives positive probability; a token
    /// with p_ref = 0 contributes 0. Clamped at 0 against rounding. Reference: Kullback, S. &amp; Leibler, R. A. (1951),
    /// On Information and Sufficiency, Ann. Math. Statist. 22(1), 79–86, doi:10.1214/aoms/1177729694.
    /// </remarks>
    public static void KullbackLeibler(ReadOnlySpan<double> reference, ReadOnlySpan<double> model, int vocabulary, Span<double> destination)
    {
        Guard.SameLength(reference, model, nameof(reference), nameof(model));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabulary);
        if (reference.Length == 0 || reference.Length % vocabulary != 0)
        {
            throw new ArgumentException($"reference has {reference.Length} values, not a positive multiple of vocabulary = {vocabulary}.", nameof(reference));
        }

        int rows = reference.Length / vocabulary;
        Guard.DestinationFits(destination, rows, nameof(destination));
        Validate(reference, vocabulary, destination[..rows], nameof(reference));
        Validate(model, vocabulary, destination[..rows], nameof(model));
        var referenceLog = new double[vocabulary];
        var modelLog = new double[vocabulary];
        for (int t = 0; t < rows; t++)
        {
            Softmax.Log(reference.Slice(t * vocabulary, vocabulary), referenceLog);
            Softmax.Log(model.Slice(t * vocabulary, vocabulary), modelLog);
            destination[t] = RowDivergence(referenceLog, modelLog);
        }
    }

    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double})"/>
    public static void KullbackLeibler(ReadOnlySpan<float> reference, ReadOnlySpan<float> model, int vocabulary, Span<double> destination) =>
        KullbackLeibler(Widen(reference), Widen(model), vocabulary, destination);

    /// <summary>1 + the number of entries strictly above <paramref name="target"/>.</summary>
    internal static int RankOf(ReadOnlySpan<double> row, double target)
    {
        int above = 0;
        foreach (double z in row)
        {
            if (z > target)
            {
                above++;
            }
        }

        return above + 1;
    }

    /// <summary>Checks a T×V table against T targets in [0, V).</summary>
    internal static void CheckTable(int length, int vocabulary, ReadOnlySpan<int> targets, string logitsName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabulary);
        Guard.NotEmpty(targets, nameof(targets));
        if ((long)targets.Length * vocabulary != length)
        {
            throw new ArgumentException($"{logitsName} has {length} values but targets.Length × vocabulary = {targets.Length} × {vocabulary} = {(long)targets.Length * vocabulary}.", logitsName);
        }

        CheckTargets(vocabulary, targets);
    }

    /// <summary>Checks V &gt; 0 and T ≥ 1 targets, each in [0, V).</summary>
    internal static void CheckTargets(int vocabulary, ReadOnlySpan<int> targets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabulary);
        Guard.NotEmpty(targets, nameof(targets));
        for (int t = 0; t < targets.Length; t++)
        {
            if ((uint)targets[t] >= (uint)vocabulary)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), targets[t], $"targets has {targets[t]} at index {t}, outside [0, {vocabulary}).");
            }
        }
    }

    /// <summary>
    /// Rejects NaN, +∞ and rows of −∞ only in a block of rows that starts at row <paramref name="firstRow"/> of a
    /// larger table, naming <paramref name="table"/> with the row in the whole table and the class.
    /// </summary>
    internal static void CheckRows(ReadOnlySpan<double> logits, int vocabulary, int firstRow, string table)
    {
        int rows = logits.Length / vocabulary;
        for (int r = 0; r < rows; r++)
        {
            var row = logits.Slice(r * vocabulary, vocabulary);
            bool finite = false;
            for (int c = 0; c < row.Length; c++)
            {
                double v = row[c];
                if (double.IsNaN(v) || double.IsPositiveInfinity(v))
                {
                    long row0 = (long)firstRow + r;
                    string what = double.IsNaN(v) ? "a NaN entry" : "an infinite entry Infinity";
                    throw new ArgumentException($"{table} has {what} at index {(row0 * vocabulary) + c} (row {row0}, class {c}).", table);
                }

                finite |= v != double.NegativeInfinity;
            }

            if (!finite)
            {
                throw new ArgumentException($"{table} row {(long)firstRow + r} has no finite entry (every logit is -Infinity), so its softmax is undefined.", table);
            }
        }
    }

    /// <summary>The logits widened to double (exact).</summary>
    internal static double[] Widen(ReadOnlySpan<float> values)
    {
        var wide = new double[values.Length];
        TensorPrimitives.ConvertChecked(values, wide.AsSpan());
        return wide;
    }

    private static double RowDivergence(ReadOnlySpan<double> referenceLog, ReadOnlySpan<double> modelLog)
    {
        var sum = default(CompensatedSum);
        for (int v = 0; v < referenceLog.Length; v++)
        {
            double lr = referenceLog[v];
            if (double.IsNegativeInfinity(lr))
            {
                continue;
            }

            if (double.IsNegativeInfinity(modelLog[v]))
            {
                return double.PositiveInfinity;
            }

            sum.Add(Math.Exp(lr) * (lr - modelLog[v]));
        }

        return Math.Max(0.0, sum.Value);
    }

    /// <summary>Rejects NaN, +∞ and all −∞ rows, naming <paramref name="table"/> with the row and class.</summary>
    internal static void Validate(ReadOnlySpan<double> logits, int vocabulary, Span<double> scratch, string table)
    {
        try
        {
            Softmax.LogSumExpRows(logits, vocabulary, scratch);
        }
        catch (ArgumentException ex) when (ex.ParamName == "logits" && table != "logits")
        {
            throw new ArgumentException(table + ex.Message.Split(" (Parameter")[0]["logits".Length..], table, ex);
        }
    }
}
