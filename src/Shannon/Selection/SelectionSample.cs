using Shannon.Estimators;

namespace Shannon.Selection;

/// <summary>
/// The data of a forward selection, term by term: the variables of each term of a criterion on the rows that term is
/// estimated on. <see cref="Complete"/> gives every term all rows; a sample with missing cells (Shannon.Data's
/// <c>PairwiseCompleteSample</c>) gives each term the rows where its own variables have values, so a feature's missing
/// cells cost only the terms it is in.
/// </summary>
/// <remarks>
/// <see cref="ForwardSelection.Select(SelectionSample, SelectionMethod, int, SelectionOptions?, IProgress{WorkDone}?)"/>
/// asks for two kinds of term: the relevance I(X;Y) of a feature (<see cref="Relevance"/>), and the terms that pair a
/// candidate with a feature already picked, I(X;X_j), I(X;X_j|Y) and DISR's I(X,X_j;Y)/H(X,X_j,Y) (<see cref="Pair"/>);
/// the terms of one pair share one set of rows, so JMI's and CMIM's I(X;X_j|Y) − I(X;X_j) is a difference on one
/// sample, as in Brown et al. (2012). Implementations return variables of equal length within a call and throw
/// <see cref="ArgumentException"/> naming the features when a term has too few rows.
/// </remarks>
public abstract class SelectionSample
{
    /// <summary>The candidate features' names, distinct, in index order.</summary>
    public abstract IReadOnlyList<string> Features { get; }

    /// <summary>The target on every row it has a value: the variable whose kind decides the task (classification when discrete).</summary>
    public abstract Variable Target { get; }

    /// <summary>The feature and the target on the rows of the relevance term I(X;Y).</summary>
    /// <param name="feature">The feature's index in <see cref="Features"/>.</param>
    /// <returns>X and Y, of equal length.</returns>
    /// <exception cref="ArgumentException">Too few rows for the term.</exception>
    public abstract (Variable Feature, Variable Target) Relevance(int feature);

    /// <summary>Two features and the target on the rows of the terms that pair them (I(X;X_j), I(X;X_j|Y), DISR's ratio).</summary>
    /// <param name="feature">The candidate's index in <see cref="Features"/>.</param>
    /// <param name="other">The picked feature's index in <see cref="Features"/>.</param>
    /// <returns>X, X_j and Y, of equal length.</returns>
    /// <exception cref="ArgumentException">Too few rows for the terms.</exception>
    public abstract (Variable Feature, Variable Other, Variable Target) Pair(int feature, int other);

    /// <summary>Features and a target without missing values: every term on all rows.</summary>
    /// <param name="features">The features; each as long as <paramref name="target"/>, names distinct, at least one.</param>
    /// <param name="target">The target.</param>
    /// <returns>A sample whose every term is on all rows.</returns>
    /// <exception cref="ArgumentNullException">An argument or a feature is null.</exception>
    /// <exception cref="ArgumentException">No features, lengths differ, or a name occurs twice.</exception>
    public static SelectionSample Complete(IReadOnlyList<Variable> features, Variable target)
    {
        FeatureInputs.Check(features, target);
        return new CompleteSample([.. features], target);
    }

    private sealed class CompleteSample(Variable[] features, Variable target) : SelectionSample
    {
        private readonly string[] _names = [.. features.Select(f => f.Name)];

        public override IReadOnlyList<string> Features => _names;

        public override Variable Target => target;

        public override (Variable Feature, Variable Target) Relevance(int feature) => (features[feature], target);

        public override (Variable Feature, Variable Other, Variable Target) Pair(int feature, int other) => (features[feature], features[other], target);
    }
}
