using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Numerics;

namespace Shannon.Selection;

/// <summary>Greedy forward feature selection by mRMR, JMI, CMIM or DISR, with each pairwise term computed once.</summary>
public static class ForwardSelection
{
    /// <summary>Picks <paramref name="k"/> features one at a time, each maximising the method's criterion given those already picked.</summary>
    /// <param name="features">The candidate features; each as long as <paramref name="target"/>, names distinct.</param>
    /// <param name="target">The target: discrete for classification, continuous for regression (mRMR only).</param>
    /// <param name="method">The criterion.</param>
    /// <param name="k">How many features to pick; at most the number of features.</param>
    /// <param name="options">The estimator of the pair terms (<see cref="Automatic"/> when null); its uncertainty settings are not used here.</param>
    /// <param name="progress">Told the pair estimates done of p + Σ_{i=1}^{k−1} (p − i) (the relevances, then each pick's
    /// terms with the remaining candidates), about 256 times, from worker threads; null for none.</param>
    /// <returns>The picked features in order (rank 1 first); each score is the criterion's value when it was picked
    /// (nats, except DISR's unitless ratio sum) from the chance-corrected terms, <see cref="FeatureScore.Relevance"/> holds
    /// the estimator's I(X;Y) and <see cref="FeatureScore.AdjustedRelevance"/> the chance-corrected relevance the criterion used.</returns>
    /// <exception cref="ArgumentException">No features, lengths differ, duplicate names; JMI or CMIM with a continuous
    /// target or an estimator without conditional mutual information; DISR with a continuous feature or target; the
    /// estimator rejects a pair (the message names both columns), e.g. Ross with a column whose every value occurs once.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not in [1, features.Count].</exception>
    /// <remarks>
    /// <para>One rule for every term of every criterion: each is the options' estimator's estimate of its quantity, chance
    /// corrected as features are ranked (<see cref="MutualInformationRanking.ChanceCorrected(IMutualInformationEstimator, Variable, Variable, double, LogBase)"/>
    /// for the relevance I(X;Y) and the redundancy I(X;X_j), and its conditional form
    /// <see cref="MutualInformationRanking.ChanceCorrected(IConditionalMutualInformationEstimator, Variable, Variable, Variable, double, LogBase)"/>
    /// for I(X;X_j|Y)). For two (three) discrete variables and any discrete estimator, the automatic rule's Grassberger
    /// and the plug-in alike, a term is the plug-in estimate less its exact mean under the permutation null (X's rows
    /// permuted, within each class of Y for the conditional term), so each term is unbiased when its variables are
    /// (conditionally) independent; for the k-NN estimators (KSG, Ross, the automatic rule's within-class estimate of
    /// I(X;X_j|Y)) it is the estimate itself, the number <c>shannon mi</c> prints for the pair. So the redundancy of X with
    /// X_j is the score <c>shannon features</c> gives X against the target X_j, and every term of a criterion answers
    /// its question the same way. Why not the raw estimates: their biases grow with the number of cells, and the
    /// criteria subtract terms on tables of different sizes. The conditional term sees |Y| times the cells of the
    /// redundancy, so JMI's and CMIM's I(X;X_j|Y) − I(X;X_j) is a bonus of about (|Y| − 1)(|X| − 1)(|X_j| − 1)/(2n)
    /// nats for a many-valued column that carries nothing: in 100 simulated data sets (n = 300, a 3-class target, a
    /// 3-valued strong feature picked first, a binary weak signal against 30 values of noise), JMI chose the noise second
    /// in all 100 with raw plug-in terms and in 72 with raw Grassberger terms (the bias corrections leave part of the
    /// bias of sparse tables), and in 15 with chance-corrected terms (bench/simulations/selection_terms.py). mRMR chose
    /// the noise in 25 with chance-corrected terms, 11 with raw Grassberger and 0 with raw plug-in redundancy: the raw
    /// redundancy's bias is a penalty on every many-valued column, which here happens to fall on the noise but falls
    /// as much on a many-valued column that carries information.</para>
    /// <para>The first pick maximises the relevance for every method. Each later step computes, in parallel over the
    /// remaining candidates, only the terms that involve the feature picked last (I(X;X_j), and I(X;X_j|Y) or DISR's
    /// ratio) and adds them to per-candidate running sums or maxima, so every pairwise term is estimated once: O(k·p)
    /// estimates for p features. Ties go to the lower feature index. DISR's ratio I(X,X_j;Y)/H(X,X_j,Y) is the
    /// estimator's (<see cref="Automatic.DiscreteEstimator"/> for the automatic rule), not chance corrected: its
    /// denominator grows with a noise column's values as its numerator's bias does, and in the simulation above DISR
    /// preferred the weak signal in 98–100 of 100 data sets with raw plug-in, raw Grassberger or corrected numerators
    /// alike. For a discrete
    /// Y and continuous features the automatic rule takes I(X;X_j|Y) = Σ_y p(y) I(X;X_j|Y=y) (<see cref="ConditionedOnLabels"/>).
    /// Reference: Brown, G., Pocock, A., Zhao, M.-J. &amp; Luján, M. (2012), Conditional likelihood maximisation:
    /// a unifying framework for information theoretic feature selection, JMLR 13, 27–66.</para>
    /// </remarks>
    public static FeatureRanking Select(IReadOnlyList<Variable> features, Variable target, SelectionMethod method, int k, SelectionOptions? options = null, IProgress<WorkDone>? progress = null) =>
        Select(SelectionSample.Complete(features, target), method, k, options, progress);

    /// <summary>
    /// Picks <paramref name="k"/> features one at a time as <see cref="Select(IReadOnlyList{Variable}, Variable, SelectionMethod, int, SelectionOptions?, IProgress{WorkDone}?)"/>
    /// does, each term on the rows <paramref name="sample"/> gives it: for data with missing cells, the rows where the
    /// term's own variables have values.
    /// </summary>
    /// <param name="sample">The features and the target, term by term (<see cref="SelectionSample.Complete"/> for data without missing cells).</param>
    /// <param name="method">The criterion.</param>
    /// <param name="k">How many features to pick; at most the number of features.</param>
    /// <param name="options">The estimator of the terms (<see cref="Automatic"/> when null); its uncertainty settings are not used here.</param>
    /// <param name="progress">Told the pair estimates done, as for the other overload; null for none.</param>
    /// <returns>The picked features in order, as the other overload; <see cref="FeatureScore.Rows"/> is the n of the
    /// relevance estimate, on the rows <see cref="SelectionSample.Relevance"/> gives, so a feature's
    /// <see cref="FeatureScore.Relevance"/> and rows are the estimator's I(X;Y) on the pair's rows whatever the other
    /// features' missing cells.</returns>
    /// <exception cref="ArgumentException">No features or a name twice; the method refuses the data as for the other
    /// overload; the sample refuses a term (too few rows) or the estimator a pair (the message names the features).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not in [1, the number of features].</exception>
    /// <remarks>
    /// Per-term rows change no criterion's algebra: each term is the estimate of its own population quantity, and the
    /// terms that JMI and CMIM subtract, I(X;X_j|Y) − I(X;X_j), are computed on one set of rows (<see cref="SelectionSample.Pair"/>).
    /// With no missing cells every term is on all rows and the two overloads give the same bits.
    /// </remarks>
    public static FeatureRanking Select(SelectionSample sample, SelectionMethod method, int k, SelectionOptions? options = null, IProgress<WorkDone>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        options ??= new SelectionOptions();
        options.Validate();
        var names = sample.Features;
        FeatureInputs.Names(names);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, names.Count);
        CheckMethod(sample, method, options.Estimator);

        var pairs = options.Estimator;
        var conditionalPairs = pairs as IConditionalMutualInformationEstimator;
        var discrete = options.DiscreteEstimator;
        int p = names.Count;
        var estimates = new ProgressThrottle(p + ((k - 1L) * p) - ((k - 1L) * k / 2), progress);
        var (mutualInformation, relevance, rows) = MutualInformationRanking.Relevance(sample, pairs, estimates);
        var redundancy = new double[p];
        var conditional = new double[p];
        var worstLoss = new double[p];
        var ratios = new double[p];
        var remaining = new List<int>(Enumerable.Range(0, p));
        var picked = new List<FeatureScore>();

        int first = ArgMax(remaining, relevance);
        picked.Add(new FeatureScore(names[first], first, relevance[first], 1, null, mutualInformation[first], null, relevance[first], rows[first]));
        remaining.Remove(first);
        Array.Fill(worstLoss, double.NegativeInfinity);
        while (picked.Count < k)
        {
            int newest = picked[^1].Index;
            int[] candidates = [.. remaining];
            ParallelLoop.For(0, candidates.Length, i =>
            {
                int c = candidates[i];
                try
                {
                    var (x, other, target) = sample.Pair(c, newest);
                    if (method == SelectionMethod.Disr)
                    {
                        ratios[c] += SymmetricalRelevance(discrete, x, other, target);
                    }
                    else
                    {
                        double shared = MutualInformationRanking.Score(pairs, x, other);
                        redundancy[c] += shared;
                        if (method is SelectionMethod.Jmi or SelectionMethod.Cmim)
                        {
                            double given = MutualInformationRanking.Score(conditionalPairs!, x, other, target);
                            conditional[c] += given;
                            worstLoss[c] = Math.Max(worstLoss[c], shared - given);
                        }
                    }
                }
                catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException))
                {
                    throw new ArgumentException($"the pair '{names[c]}', '{names[newest]}': {ex.Message}", "features", ex);
                }

                estimates.Add();
            });

            int size = picked.Count;
            var scores = new double[p];
            foreach (int c in candidates)
            {
                scores[c] = method switch
                {
                    SelectionMethod.Mrmr => relevance[c] - (redundancy[c] / size),
                    SelectionMethod.MrmrQuotient => relevance[c] / Math.Max(redundancy[c] / size, 1e-12),
                    SelectionMethod.Jmi => relevance[c] - ((redundancy[c] - conditional[c]) / size),
                    SelectionMethod.Cmim => relevance[c] - worstLoss[c],
                    _ => ratios[c],
                };
            }

            int best = ArgMax(remaining, scores);
            picked.Add(new FeatureScore(names[best], best, scores[best], picked.Count + 1, null, mutualInformation[best], null, relevance[best], rows[best]));
            remaining.Remove(best);
        }

        return new FeatureRanking(Name(method), picked);
    }

    /// <summary>The method's name as the CLI spells it.</summary>
    /// <param name="method">The method.</param>
    /// <returns><c>mrmr</c>, <c>mrmr-quotient</c>, <c>jmi</c>, <c>cmim</c> or <c>disr</c>.</returns>
    public static string Name(SelectionMethod method) => method switch
    {
        SelectionMethod.Mrmr => "mrmr",
        SelectionMethod.MrmrQuotient => "mrmr-quotient",
        SelectionMethod.Jmi => "jmi",
        SelectionMethod.Cmim => "cmim",
        SelectionMethod.Disr => "disr",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"Unknown selection method {method}."),
    };

    /// <summary>DISR's term I(A,B;Y) / H(A,B,Y) for discrete A, B, Y, in [0, 1].</summary>
    private static double SymmetricalRelevance(DiscreteEntropyEstimator discrete, Variable a, Variable b, Variable y)
    {
        var ab = Variable.Join([a, b]);
        double joint = discrete.Entropy(Variable.Join([ab, y])).Value;
        return joint > 0 ? discrete.MutualInformation(ab, y).Value / joint : 0.0;
    }

    private static void CheckMethod(SelectionSample sample, SelectionMethod method, IMutualInformationEstimator estimator)
    {
        _ = Name(method);
        if (method is SelectionMethod.Jmi or SelectionMethod.Cmim && estimator is not IConditionalMutualInformationEstimator)
        {
            throw new ArgumentException($"{Name(method)} needs I(X;X_j|Y); the estimator {estimator.Name} does not estimate conditional mutual information.", nameof(estimator));
        }

        if (method is SelectionMethod.Jmi or SelectionMethod.Cmim or SelectionMethod.Disr && !sample.Target.IsDiscrete)
        {
            throw new ArgumentException($"{Name(method)} conditions on the target, which needs a discrete (classification) target; use mrmr for a continuous one.", "target");
        }

        if (method == SelectionMethod.Disr && Enumerable.Range(0, sample.Features.Count).FirstOrDefault(f => !sample.Relevance(f).Feature.IsDiscrete, -1) is int continuous and >= 0)
        {
            throw new ArgumentException($"disr needs discrete features; '{sample.Features[continuous]}' is continuous.", "features");
        }
    }

    private static int ArgMax(List<int> candidates, double[] scores)
    {
        int best = candidates[0];
        foreach (int c in candidates)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }
}
