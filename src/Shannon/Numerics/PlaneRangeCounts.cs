using System.Runtime.CompilerServices;

namespace Shannon.Numerics;

/// <summary>
/// Max-norm radius counts for every point of a planar set at once, each point with its own radius: the number of points
/// p with ‖p − pᵢ‖∞ ≤ rᵢ, pᵢ itself included, by one offline sweep instead of n tree queries.
/// </summary>
/// <remarks>
/// <para>‖p − pᵢ‖∞ ≤ r holds exactly when |a − aᵢ| ≤ r and |b − bᵢ| ≤ r, and on each axis the points that pass form one run
/// of that axis's sorted order (<see cref="SortedLine.RangeWithinOf"/>, which evaluates |v − c| ≤ r in double, the
/// predicate a k-d tree evaluates), so a count is the number of points whose a-rank and b-rank both fall in two rank
/// intervals. Sweeping the a-ranks in order while a Fenwick tree holds the b-ranks inserted so far answers each query as
/// the difference of two prefix counts taken at the ends of its a-interval: O(n log n) in all, however many points each
/// radius holds (a k-d tree's count grows with the perimeter of the box). The counts equal a k-d tree's exactly, ties
/// included, and do not depend on the schedule: the rank intervals are found in parallel, the sweep is sequential.</para>
/// <para>Reference: Fenwick, P. M. (1994), A new data structure for cumulative frequency tables, Software: Practice and
/// Experience 24(3), 327–336, doi:10.1002/spe.4380240306.</para>
/// </remarks>
internal static class PlaneRangeCounts
{
    /// <summary>For each of the n = |<paramref name="radii"/>| row-major points (a, b), the number of points within max-norm distance ≤ its radius, itself included.</summary>
    /// <param name="points">n × 2 finite values, row-major.</param>
    /// <param name="radii">The radius of each point's query, ≥ 0.</param>
    /// <returns>The n counts, each at least 1.</returns>
    public static int[] Of(ReadOnlySpan<double> points, double[] radii)
    {
        int n = radii.Length;
        var a = GC.AllocateUninitializedArray<double>(n);
        var b = GC.AllocateUninitializedArray<double>(n);
        for (int i = 0; i < n; i++)
        {
            a[i] = points[2 * i];
            b[i] = points[(2 * i) + 1];
        }

        SortedLine lineA = null!;
        SortedLine lineB = null!;
        ParallelLoop.Invoke(() => lineA = new SortedLine(a), () => lineB = new SortedLine(b));
        var aFirst = GC.AllocateUninitializedArray<int>(n);
        var aLast = GC.AllocateUninitializedArray<int>(n);
        var bFirst = GC.AllocateUninitializedArray<int>(n);
        var bLast = GC.AllocateUninitializedArray<int>(n);
        PointRanges.For(n, (begin, end) =>
        {
            for (int i = begin; i < end; i++)
            {
                (aFirst[i], aLast[i]) = lineA.RangeWithinOf(i, radii[i]);
                (bFirst[i], bLast[i]) = lineB.RangeWithinOf(i, radii[i]);
            }
        });

        // Each query is answered at two sweep positions: + at the end of its a-interval, − just before its start.
        // Events are bucketed by position (a counting sort); a query's own index, or its complement for −, is the event.
        var eventStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            eventStart[aLast[i] + 1]++;
            if (aFirst[i] > 0)
            {
                eventStart[aFirst[i]]++;
            }
        }

        for (int p = 0; p < n; p++)
        {
            eventStart[p + 1] += eventStart[p];
        }

        var events = GC.AllocateUninitializedArray<int>(eventStart[n]);
        var cursor = eventStart.AsSpan(0, n).ToArray();
        for (int i = 0; i < n; i++)
        {
            events[cursor[aLast[i]]++] = i;
            if (aFirst[i] > 0)
            {
                events[cursor[aFirst[i] - 1]++] = ~i;
            }
        }

        return Sweep(lineA, lineB, eventStart, events, bFirst, bLast);
    }

    /// <summary>Sweeps the a-ranks in order, inserting each point's b-rank, and answers the queries of each position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Sweep(SortedLine lineA, SortedLine lineB, int[] eventStart, int[] events, int[] bFirst, int[] bLast)
    {
        int n = bFirst.Length;
        var counts = new int[n];
        var fenwick = new int[n + 1];
        for (int p = 0; p < n; p++)
        {
            for (int f = lineB.PositionOf(lineA.OriginalIndex(p)) + 1; f <= n; f += f & -f)
            {
                fenwick[f]++;
            }

            for (int e = eventStart[p]; e < eventStart[p + 1]; e++)
            {
                int query = events[e] >= 0 ? events[e] : ~events[e];
                int inside = Between(fenwick, bFirst[query], bLast[query] + 1);
                counts[query] += events[e] >= 0 ? inside : -inside;
            }
        }

        return counts;
    }

    /// <summary>
    /// The number of inserted ranks in [<paramref name="low"/>, <paramref name="high"/>): both prefix walks clear their lowest
    /// set bit until they meet at the two indices' common binary prefix, where the rest of the two prefix sums cancel.
    /// </summary>
    private static int Between(int[] fenwick, int low, int high)
    {
        int sum = 0;
        while (high > low)
        {
            sum += fenwick[high];
            high &= high - 1;
        }

        while (low > high)
        {
            sum -= fenwick[low];
            low &= low - 1;
        }

        return sum;
    }
}
