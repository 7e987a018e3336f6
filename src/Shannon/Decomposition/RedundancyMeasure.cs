namespace Shannon.Decomposition;

/// <summary>The redundancy measure a partial information decomposition is built on.</summary>
public enum RedundancyMeasure
{
    /// <summary>
    /// Williams–Beer I_min: R = Σ_t p(t) minᵢ I(T = t ; Sᵢ), the expected minimum specific information (discrete tables).
    /// Williams, P. L. &amp; Beer, R. D. (2010), Nonnegative decomposition of multivariate information, arXiv:1004.2515.
    /// </summary>
    Imin,

    /// <summary>
    /// Minimum mutual information: R = min(I(S₁;T), I(S₂;T)); for jointly Gaussian variables with a scalar target it is
    /// the decomposition every PID satisfying the Williams–Beer axioms and Bertschinger's assumption gives. Barrett, A. B.
    /// (2015), Exploration of synergistic and redundant information sharing in static and dynamical Gaussian systems,
    /// Physical Review E 91, 052802, doi:10.1103/PhysRevE.91.052802.
    /// </summary>
    Mmi,
}
