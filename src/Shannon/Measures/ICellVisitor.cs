namespace Shannon.Measures;

/// <summary>Receives the non-zero cells of a <see cref="ContingencyTable"/>.</summary>
internal interface ICellVisitor
{
    /// <summary>One non-zero cell.</summary>
    void Visit(int row, int column, long count);
}
