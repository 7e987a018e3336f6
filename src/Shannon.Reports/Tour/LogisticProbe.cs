namespace Shannon.Reports.Tour;

/// <summary>
/// The linear probe of lesson 003 §4.8 as scikit-learn runs it: <c>cross_val_score(LogisticRegression(), x, y, cv=3)</c>
/// on one feature and two classes, i.e. StratifiedKFold(3) without shuffling and an L2-regularised logistic regression
/// (C = 1, intercept unpenalised) fitted on each training part and scored by accuracy on the held-out part.
/// </summary>
/// <remarks>
/// The fit minimises ½w² + C·Σᵢ ln(1 + e^(−yᵢ(w xᵢ + b))), yᵢ = ±1, by Newton's method to full double precision
/// (scikit-learn's lbfgs stops at a gradient tolerance of 10⁻⁴; the predictions agree unless a point lies within
/// that tolerance of the boundary, and the tests check the fold accuracies against scikit-learn's). A point is put in
/// the second class when w x + b &gt; 0. Fold assignment follows scikit-learn 1.2's StratifiedKFold: classes in order
/// of first appearance; fold f receives, of class k, as many points as the sorted labels' positions f, f + K, f + 2K, …
/// hold, and each class's points are dealt to folds 0, 1, … in their original order.
/// Pedregosa, F. et al. (2011). Scikit-learn: machine learning in Python. JMLR 12, 2825–2830.
/// </remarks>
internal static class LogisticProbe
{
    private const double C = 1.0;

    /// <summary>The held-out accuracy of each of <paramref name="folds"/> stratified folds, in fold order.</summary>
    /// <exception cref="ArgumentException">The lengths differ, a label is not 0 or 1, or a class has fewer points than folds.</exception>
    public static double[] CrossValidatedAccuracies(ReadOnlySpan<double> x, ReadOnlySpan<long> y, int folds)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values and y {y.Length}.", nameof(y));
        }

        foreach (long label in y)
        {
            if (label is not (0 or 1))
            {
                throw new ArgumentException($"Labels must be 0 or 1; found {label}.", nameof(y));
            }
        }

        int[] fold = StratifiedFolds(y, folds);
        var accuracies = new double[folds];
        var trainX = new List<double>();
        var trainY = new List<long>();
        for (int f = 0; f < folds; f++)
        {
            trainX.Clear();
            trainY.Clear();
            for (int i = 0; i < x.Length; i++)
            {
                if (fold[i] != f)
                {
                    trainX.Add(x[i]);
                    trainY.Add(y[i]);
                }
            }

            (double w, double b) = Fit(trainX.ToArray(), trainY.ToArray());
            int correct = 0, tested = 0;
            for (int i = 0; i < x.Length; i++)
            {
                if (fold[i] == f)
                {
                    tested++;
                    correct += ((w * x[i]) + b > 0.0 ? 1L : 0L) == y[i] ? 1 : 0;
                }
            }

            accuracies[f] = (double)correct / tested;
        }

        return accuracies;
    }

    /// <summary>StratifiedKFold's test fold of every point (scikit-learn 1.2, no shuffling).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two folds.</exception>
    /// <exception cref="ArgumentException">A class has fewer points than folds.</exception>
    public static int[] StratifiedFolds(ReadOnlySpan<long> y, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        // Classes in order of first appearance, as scikit-learn encodes them.
        var order = new List<long>();
        var counts = new List<int>();
        foreach (long label in y)
        {
            int k = order.IndexOf(label);
            if (k < 0)
            {
                order.Add(label);
                counts.Add(0);
                k = order.Count - 1;
            }

            counts[k]++;
        }

        if (counts.Any(count => count < folds))
        {
            throw new ArgumentException($"Every class needs at least {folds} points for {folds} folds.", nameof(y));
        }

        // allocation[f, k]: how many class-k labels sit at positions f, f + folds, … of the sorted encoded labels.
        var allocation = new int[folds, order.Count];
        int position = 0;
        for (int k = 0; k < order.Count; k++)
        {
            for (int c = 0; c < counts[k]; c++, position++)
            {
                allocation[position % folds, k]++;
            }
        }

        var fold = new int[y.Length];
        for (int k = 0; k < order.Count; k++)
        {
            int f = 0, dealt = 0;
            for (int i = 0; i < y.Length; i++)
            {
                if (y[i] != order[k])
                {
                    continue;
                }

                while (dealt == allocation[f, k])
                {
                    f++;
                    dealt = 0;
                }

                fold[i] = f;
                dealt++;
            }
        }

        return fold;
    }

    /// <summary>The minimiser (w, b) of ½w² + C·Σ ln(1 + e^(−yᵢ(w xᵢ + b))) with yᵢ = 2·label − 1, by damped Newton steps.</summary>
    public static (double Weight, double Intercept) Fit(ReadOnlySpan<double> x, ReadOnlySpan<long> labels)
    {
        double w = 0.0, b = 0.0;
        double objective = Objective(x, labels, w, b);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double gw = w, gb = 0.0, hww = 1.0, hwb = 0.0, hbb = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                double sign = labels[i] == 1 ? 1.0 : -1.0;
                double margin = sign * ((w * x[i]) + b);
                double wrong = Sigmoid(-margin);
                double curvature = C * wrong * (1.0 - wrong);
                gw -= C * sign * x[i] * wrong;
                gb -= C * sign * wrong;
                hww += curvature * x[i] * x[i];
                hwb += curvature * x[i];
                hbb += curvature;
            }

            double determinant = (hww * hbb) - (hwb * hwb);
            double stepW = ((hbb * gw) - (hwb * gb)) / determinant;
            double stepB = ((hww * gb) - (hwb * gw)) / determinant;
            double scale = 1.0;
            double next = Objective(x, labels, w - stepW, b - stepB);
            while (next > objective && scale > 1e-10)
            {
                scale /= 2.0;
                next = Objective(x, labels, w - (scale * stepW), b - (scale * stepB));
            }

            w -= scale * stepW;
            b -= scale * stepB;
            objective = next;
            if (Math.Abs(scale * stepW) <= 1e-15 * Math.Max(1.0, Math.Abs(w)) && Math.Abs(scale * stepB) <= 1e-15 * Math.Max(1.0, Math.Abs(b)))
            {
                break;
            }
        }

        return (w, b);
    }

    private static double Objective(ReadOnlySpan<double> x, ReadOnlySpan<long> labels, double w, double b)
    {
        double sum = 0.5 * w * w;
        for (int i = 0; i < x.Length; i++)
        {
            double margin = (labels[i] == 1 ? 1.0 : -1.0) * ((w * x[i]) + b);
            // ln(1 + e^(−m)) without overflow.
            sum += C * (margin > 0 ? Math.Log(1.0 + Math.Exp(-margin)) : -margin + Math.Log(1.0 + Math.Exp(margin)));
        }

        return sum;
    }

    private static double Sigmoid(double t) => t >= 0 ? 1.0 / (1.0 + Math.Exp(-t)) : Math.Exp(t) / (1.0 + Math.Exp(t));
}
