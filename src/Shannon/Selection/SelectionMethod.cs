namespace Shannon.Selection;

/// <summary>Greedy forward-selection criteria of Brown et al.'s conditional-likelihood framework.</summary>
/// <remarks>Reference: Brown, G., Pocock, A., Zhao, M.-J. &amp; Luján, M. (2012), Conditional likelihood maximisation:
/// a unifying framework for information theoretic feature selection, JMLR 13, 27–66.</remarks>
public enum SelectionMethod
{
    /// <summary>mRMR, difference form: I(X;Y) − (1/|S|) Σ_{j∈S} I(X;X_j) (Peng, Long &amp; Ding 2005, doi:10.1109/TPAMI.2005.159).</summary>
    Mrmr,

    /// <summary>mRMR, quotient form: I(X;Y) / ((1/|S|) Σ_{j∈S} I(X;X_j)), the denominator floored at 1e-12 nats (Ding &amp; Peng 2005, doi:10.1142/S0219720005001004).</summary>
    MrmrQuotient,

    /// <summary>Joint mutual information: I(X;Y) − (1/|S|) Σ_{j∈S} [I(X;X_j) − I(X;X_j|Y)], the ranking of Σ_j I(X,X_j;Y) (Yang &amp; Moody 1999).</summary>
    Jmi,

    /// <summary>Conditional mutual information maximisation: min_{j∈S} I(X;Y|X_j) = I(X;Y) − max_{j∈S} [I(X;X_j) − I(X;X_j|Y)] (Fleuret 2004, JMLR 5, 1531–1555).</summary>
    Cmim,

    /// <summary>Double input symmetrical relevance: Σ_{j∈S} I(X,X_j;Y) / H(X,X_j,Y); discrete variables only (Meyer, Schretter &amp; Bontempi 2008, doi:10.1109/JSTSP.2008.923858).</summary>
    Disr,
}
