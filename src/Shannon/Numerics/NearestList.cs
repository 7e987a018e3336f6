namespace Shannon.Numerics;

/// <summary>The k nearest points found so far, kept sorted by distance in two caller-owned spans of length k.</summary>
internal static class NearestList
{
    /// <summary>Empties the list: every distance +∞, every index −1.</summary>
    public static void Clear(Span<int> neighbours, Span<double> distances)
    {
        distances.Fill(double.PositiveInfinity);
        neighbours.Fill(-1);
    }

    /// <summary>Inserts a point nearer than the current k-th (the caller checks), dropping the k-th.</summary>
    public static void Insert(double distance, int index, Span<int> neighbours, Span<double> distances)
    {
        int position = distances.Length - 1;
        while (position > 0 && distances[position - 1] > distance)
        {
            distances[position] = distances[position - 1];
            neighbours[position] = neighbours[position - 1];
            position--;
        }

        distances[position] = distance;
        neighbours[position] = index;
    }
}
