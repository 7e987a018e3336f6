namespace Shannon.Selection;

/// <summary>One node of an <see cref="EntropyDecisionTree"/>, numbered in preorder (left subtree first), as scikit-learn numbers its nodes.</summary>
/// <param name="Id">The node's index in <see cref="EntropyDecisionTree.Nodes"/>; the root is 0.</param>
/// <param name="Depth">0 for the root.</param>
/// <param name="Feature">The feature split on; −1 for a leaf.</param>
/// <param name="Threshold">Rows with x[Feature] ≤ Threshold go left; NaN for a leaf.</param>
/// <param name="Left">The left child's id; −1 for a leaf.</param>
/// <param name="Right">The right child's id; −1 for a leaf.</param>
/// <param name="Entropy">H(Y) of the rows at this node, in nats.</param>
/// <param name="Gain">The split's information gain in nats; 0 for a leaf.</param>
/// <param name="GainRatio">The split's gain ratio (gain / split information); 0 for a leaf.</param>
/// <param name="ClassCounts">Training rows per class at this node.</param>
public sealed record TreeNode(int Id, int Depth, int Feature, double Threshold, int Left, int Right, double Entropy, double Gain, double GainRatio, IReadOnlyList<long> ClassCounts)
{
    /// <summary>Whether the node has no children.</summary>
    public bool IsLeaf => Left < 0;

    /// <summary>Training rows at this node.</summary>
    public long SampleCount => ClassCounts.Sum();
}
