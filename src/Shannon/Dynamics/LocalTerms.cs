using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Numerics;

namespace Shannon.Dynamics;

/// <summary>
/// Local (per-sample) mutual and conditional mutual information in nats for the estimators that have a local form:
/// plug-in (log ratios of counts), Gaussian (log ratios of fitted densities) and the k-NN estimators (per-sample digamma
/// terms). The mean of the local values is the estimator's raw estimate. The bias-corrected discrete estimators have no
/// pointwise form, so where the automatic rule picks one for discrete data, the local values are the plug-in's (Lizier,
/// Prokopenko &amp; Zomaya 2008): their mean is the plug-in estimate, above the rule's corrected one by its bias.
/// </summary>
internal static class LocalTerms
{
    public static double[] ConditionalMutualInformation(IConditionalMutualInformationEstimator estimator, Variable x, Variable y, Variable z) => estimator switch
    {
        Automatic automatic => ConditionalMutualInformation(Pointwise(automatic.For(x, y, z)), x, y, z),
        PlugIn => PlugInConditional(x, y, z),
        Gaussian => GaussianLocal([[x, y, z], [z]], [[x, z], [y, z]]),
        FrenzelPompe fp => fp.LocalNats(Numbers(x, fp), x.Dimension, Numbers(y, fp), y.Dimension, Numbers(z, fp), z.Dimension),
        _ => throw NoLocalForm(estimator),
    };

    public static double[] MutualInformation(IMutualInformationEstimator estimator, Variable x, Variable y) => estimator switch
    {
        Automatic automatic => MutualInformation(Pointwise(automatic.For(x, y)), x, y),
        PlugIn => PlugInMutual(x, y),
        Gaussian => GaussianLocal([[x, y]], [[x], [y]]),
        Ksg ksg => ksg.LocalNats(Numbers(x, ksg), x.Dimension, Numbers(y, ksg), y.Dimension),
        _ => throw NoLocalForm(estimator),
    };

    /// <summary>The automatic rule's choice, with a discrete estimator (bias-corrected: no local form) read as the plug-in.</summary>
    private static T Pointwise<T>(T chosen)
        where T : IEstimator => chosen is DiscreteEntropyEstimator and not PlugIn ? (T)(IEstimator)new PlugIn() : chosen;

    private static ArgumentException NoLocalForm(IEstimator estimator) =>
        new($"the {estimator.Name} estimator has no local (pointwise) form; use plugin, gaussian, ksg1/ksg2 (MI) or frenzel-pompe (CMI).", nameof(estimator));

    private static ReadOnlySpan<double> Numbers(Variable variable, IEstimator estimator) => variable.HasValues
        ? variable.Values
        : throw new ArgumentException($"{estimator.Name} needs numbers, but '{variable.Name}' holds labels.", nameof(variable));

    /// <summary>ln(n_xyz n_z / (n_xz n_yz)) at each sample.</summary>
    private static double[] PlugInConditional(Variable x, Variable y, Variable z)
    {
        int[] xz = LabelCodes.Combine(x.Codes, z.Codes, z.Categories, out int mxz);
        int[] yz = LabelCodes.Combine(y.Codes, z.Codes, z.Categories, out int myz);
        int[] xyz = LabelCodes.Combine(x.Codes, yz, myz, out int mxyz);
        long[] cxz = LabelCodes.Counts(xz, mxz), cyz = LabelCodes.Counts(yz, myz), cxyz = LabelCodes.Counts(xyz, mxyz), cz = z.Counts();
        ReadOnlySpan<int> zc = z.Codes;
        var local = new double[x.Rows];
        for (int i = 0; i < local.Length; i++)
        {
            local[i] = Math.Log((double)cxyz[xyz[i]] * cz[zc[i]] / ((double)cxz[xz[i]] * cyz[yz[i]]));
        }

        return local;
    }

    /// <summary>ln(N n_xy / (n_x n_y)) at each sample.</summary>
    private static double[] PlugInMutual(Variable x, Variable y)
    {
        int[] xy = LabelCodes.Combine(x.Codes, y.Codes, y.Categories, out int mxy);
        long[] cxy = LabelCodes.Counts(xy, mxy), cx = x.Counts(), cy = y.Counts();
        ReadOnlySpan<int> xc = x.Codes, yc = y.Codes;
        double n = x.Rows;
        var local = new double[x.Rows];
        for (int i = 0; i < local.Length; i++)
        {
            local[i] = Math.Log(n * cxy[xy[i]] / ((double)cx[xc[i]] * cy[yc[i]]));
        }

        return local;
    }

    /// <summary>
    /// Σ ln f(plus blocks) − Σ ln f(minus blocks) at each sample, f the Gaussian density with the sample mean and covariance
    /// (the 2π terms cancel because the dimensions balance). The mean over samples is the log-determinant estimate exactly:
    /// the mean Mahalanobis term of a d-block is d(n − 1)/n, and the signed dimensions sum to 0.
    /// </summary>
    private static double[] GaussianLocal(Variable[][] plus, Variable[][] minus)
    {
        var local = new double[plus[0][0].Rows];
        foreach (var parts in plus)
        {
            AddLogDensity(local, parts, +1);
        }

        foreach (var parts in minus)
        {
            AddLogDensity(local, parts, -1);
        }

        return local;
    }

    private static void AddLogDensity(double[] local, Variable[] parts, int sign)
    {
        var block = Variable.Join(parts);
        ReadOnlySpan<double> values = Numbers(block, new Gaussian());
        int d = block.Dimension, n = block.Rows;
        if (n < 2)
        {
            throw new ArgumentException($"'{block.Name}' has {n} sample; a covariance needs at least 2.", nameof(parts));
        }

        double[] factor = Cholesky.Factor(Gaussian.Covariance(values, d), d, nameof(parts));
        double halfLogDet = 0.5 * Cholesky.LogDeterminant(factor, d);
        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                mean[j] += values[(i * d) + j];
            }
        }

        for (int j = 0; j < d; j++)
        {
            mean[j] /= n;
        }

        var centred = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                centred[j] = values[(i * d) + j] - mean[j];
            }

            Cholesky.SolveLower(factor, d, centred);
            double q = 0.0;
            for (int j = 0; j < d; j++)
            {
                q += centred[j] * centred[j];
            }

            local[i] += sign * (-halfLogDet - (0.5 * q));
        }
    }
}
