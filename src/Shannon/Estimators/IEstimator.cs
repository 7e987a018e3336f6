namespace Shannon.Estimators;

/// <summary>An estimator: a value the caller chooses, passes around and prints, holding its own options.</summary>
public interface IEstimator
{
    /// <summary>The estimator's short name, as the command line's <c>--estimator</c> spells it (e.g. <c>ksg1</c>, <c>miller-madow</c>).</summary>
    string Name { get; }
}
