using CsCheck;
using Shannon.Numerics;
using Shannon.Tests.Estimators;

namespace Shannon.Tests.Numerics;

/// <summary>The grid in the plane and in space, the k-d tree, the sorted line and the planar range counts against brute force, on spread, tied, heavy-tailed and degenerate data.</summary>
public class NeighbourSearchTests
{
    /// <summary>Planar point sets of every awkward kind: rounded (many ties and duplicates), wide-ranged, and Gaussian.</summary>
    private static readonly Gen<double[]> PlanarPoints = Gen.OneOf(
        Gen.Int[0, 6].Select(v => (double)v).Array[8, 400],
        Gen.Double[-1e6, 1e6].Array[8, 400],
        Gen.Select(Gen.Int[4, 400], Gen.Int).Select((pairs, seed) => GaussianSamples.Standard(2 * pairs, new Random(seed))))
        .Where(points => points.Length % 2 == 0);

    [Fact]
    public void GridIsChosenForGaussianPointsAndMatchesBruteForce()
    {
        (double[] x, double[] y) = GaussianSamples.Correlated(5000, 0.6, seed: 3);
        double[] points = Interleave(x, y);
        IOwnNeighbourSearch search = IOwnNeighbourSearch.Over(points, x.Length, 2);
        Assert.IsType<MaxNormGrid>(search);
        AssertKthDistances(search, points, 2, k: 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void EveryIndexAgreesWithBruteForce(int k)
    {
        PlanarPoints.Where(points => points.Length / 2 > k).Sample(points =>
        {
            int n = points.Length / 2;
            if (MaxNormGrid.TryBuild(points, n, 2) is { } grid)
            {
                AssertKthDistances(grid, points, 2, k);
            }

            AssertKthDistances(new MaxNormKdTree(points, n, 2), points, 2, k);
        });
    }

    [Fact]
    public void GridHandlesCollinearAndHeavyTailedPoints()
    {
        var random = new Random(5);
        var line = new double[2 * 3000];
        var cauchy = new double[2 * 3000];
        for (int i = 0; i < 3000; i++)
        {
            line[2 * i] = random.NextDouble();
            line[(2 * i) + 1] = 2.0;
            cauchy[2 * i] = Math.Tan(Math.PI * (random.NextDouble() - 0.5));
            cauchy[(2 * i) + 1] = Math.Tan(Math.PI * (random.NextDouble() - 0.5));
        }

        AssertKthDistances(IOwnNeighbourSearch.Over(line, 3000, 2), line, 2, k: 3);
        AssertKthDistances(IOwnNeighbourSearch.Over(cauchy, 3000, 2), cauchy, 2, k: 3);
    }

    [Fact]
    public void GridDeclinesIdenticalPoints()
    {
        double[] same = [1.0, 2.0, 1.0, 2.0, 1.0, 2.0];
        Assert.Null(MaxNormGrid.TryBuild(same, 3, 2));
        Assert.Equal(0.0, IOwnNeighbourSearch.Over(same, 3, 2).KthNeighbourDistanceAt(0, 2, new int[2], new double[2]));
    }

    [Fact]
    public void SortedLineCountsMatchBruteForceAtEveryRadius()
    {
        Gen.Select(Gen.OneOf(Gen.Int[-5, 5].Select(v => v * 0.1).Array[1, 300], Gen.Double[-1e3, 1e3].Array[1, 300]), Gen.Int[0, 299], Gen.Int[0, 299])
            .Sample((values, i, j) =>
            {
                var line = new SortedLine(values);
                int index = i % values.Length;
                double exact = Math.Abs(values[j % values.Length] - values[index]);

                // The radius equal to an observed distance is the tie case; its neighbours in double are the rounding cases.
                foreach (double radius in new[] { 0.0, exact, Math.Max(0.0, Math.BitDecrement(exact)), Math.BitIncrement(exact), exact * 3 })
                {
                    int expected = values.Count(v => Math.Abs(v - values[index]) <= radius);
                    Assert.Equal(expected, line.CountWithinOf(index, radius));
                }
            });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void SortedLineNeighboursMatchBruteForce(int k)
    {
        Gen.OneOf(Gen.Int[0, 4].Select(v => (double)v).Array[6, 200], Gen.Double[-1e3, 1e3].Array[6, 200])
            .Sample(values => AssertKthDistances(new SortedLine(values), values, 1, k));
    }

    [Fact]
    public void SortedLineHandlesHeavyTailsAndConstants()
    {
        double[] values = [1e300, -1e300, 0.0, 1e-300, 5.0, 5.0, 5.0, double.Epsilon];
        var line = new SortedLine(values);
        Assert.Equal(3, line.CountWithinOf(4, 0.0));
        Assert.Equal(3, line.CountWithinOf(2, 1.0));
        Assert.Equal(values.Length, line.CountWithinOf(0, double.MaxValue));
        Assert.Equal(4, new SortedLine([7.0, 7.0, 7.0, 7.0]).CountWithinOf(1, 0.0));
    }

    /// <summary>Points in three dimensions of every awkward kind: rounded (ties and duplicates), wide-ranged, Gaussian, flat.</summary>
    private static readonly Gen<double[]> SpacePoints = Gen.OneOf(
        Gen.Int[0, 4].Select(v => (double)v).Array[9, 450],
        Gen.Double[-1e6, 1e6].Array[9, 450],
        Gen.Select(Gen.Int[4, 150], Gen.Int).Select((triples, seed) => GaussianSamples.Standard(3 * triples, new Random(seed))),
        Gen.Select(Gen.Int[4, 150], Gen.Int).Select((triples, seed) => Flat(GaussianSamples.Standard(3 * triples, new Random(seed)))))
        .Where(points => points.Length % 3 == 0);

    [Fact]
    public void GridIsChosenForGaussianPointsInSpaceAndMatchesBruteForce()
    {
        double[] points = GaussianSamples.Standard(3 * 4000, new Random(11));
        IOwnNeighbourSearch search = IOwnNeighbourSearch.Over(points, 4000, 3);
        Assert.IsType<MaxNormGrid>(search);
        AssertKthDistances(search, points, 3, k: 4);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void GridInSpaceAgreesWithBruteForce(int k)
    {
        SpacePoints.Where(points => points.Length / 3 > k).Sample(points =>
        {
            if (MaxNormGrid.TryBuild(points, points.Length / 3, 3) is { } grid)
            {
                AssertKthDistances(grid, points, 3, k);
            }
        });
    }

    [Fact]
    public void GridInSpaceDeclinesIdenticalPointsAndHeavyTailsStillMatch()
    {
        double[] same = [1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 1.0, 2.0, 3.0];
        Assert.Null(MaxNormGrid.TryBuild(same, 3, 3));
        var random = new Random(5);
        var cauchy = new double[3 * 2000];
        for (int i = 0; i < cauchy.Length; i++)
        {
            cauchy[i] = Math.Tan(Math.PI * (random.NextDouble() - 0.5));
        }

        AssertKthDistances(IOwnNeighbourSearch.Over(cauchy, 2000, 3), cauchy, 3, k: 3);
    }

    [Fact]
    public void PlaneRangeCountsMatchBruteForceAtEveryRadius()
    {
        Gen.Select(PlanarPoints, Gen.Int).Sample((points, seed) =>
        {
            int n = points.Length / 2;
            var random = new Random(seed);
            var radii = new double[n];
            for (int i = 0; i < n; i++)
            {
                // Radii equal to an observed distance are the tie cases; their neighbours in double the rounding cases.
                int j = random.Next(n);
                double exact = Math.Max(Math.Abs(points[2 * j] - points[2 * i]), Math.Abs(points[(2 * j) + 1] - points[(2 * i) + 1]));
                radii[i] = (i % 4) switch { 0 => exact, 1 => Math.Max(0.0, Math.BitDecrement(exact)), 2 => Math.BitIncrement(exact), _ => 0.0 };
            }

            int[] counts = PlaneRangeCounts.Of(points, radii);
            for (int i = 0; i < n; i++)
            {
                int expected = 0;
                for (int j = 0; j < n; j++)
                {
                    if (Math.Abs(points[2 * j] - points[2 * i]) <= radii[i] && Math.Abs(points[(2 * j) + 1] - points[(2 * i) + 1]) <= radii[i])
                    {
                        expected++;
                    }
                }

                Assert.Equal(expected, counts[i]);
            }
        });
    }

    [Fact]
    public void PlaneRangeCountsEqualTheKdTreeCounts()
    {
        (double[] x, double[] y) = GaussianSamples.Correlated(20_000, 0.6, seed: 8);
        double[] points = Interleave(x, y);
        var tree = new MaxNormKdTree(points, x.Length, 2);
        var radii = new double[x.Length];
        for (int i = 0; i < radii.Length; i++)
        {
            radii[i] = 0.02 * (1 + (i % 7));
        }

        int[] counts = PlaneRangeCounts.Of(points, radii);
        for (int i = 0; i < radii.Length; i++)
        {
            Assert.Equal(tree.CountWithin(points.AsSpan(2 * i, 2), radii[i]), counts[i]);
        }
    }

    /// <summary>The third coordinate set to one value: points on a plane, a degenerate axis for the grid.</summary>
    private static double[] Flat(double[] points)
    {
        for (int i = 2; i < points.Length; i += 3)
        {
            points[i] = 0.5;
        }

        return points;
    }

    private static double[] Interleave(double[] x, double[] y)
    {
        var points = new double[2 * x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            points[2 * i] = x[i];
            points[(2 * i) + 1] = y[i];
        }

        return points;
    }

    private static void AssertKthDistances(IOwnNeighbourSearch search, double[] points, int dimensions, int k)
    {
        int n = points.Length / dimensions;
        var neighbours = new int[k];
        var distances = new double[k];
        var seen = new bool[n];
        for (int position = 0; position < search.Count; position++)
        {
            int i = search.OriginalIndex(position);
            seen[i] = true;
            var all = new List<double>(n - 1);
            for (int j = 0; j < n; j++)
            {
                if (j != i)
                {
                    double distance = 0;
                    for (int d = 0; d < dimensions; d++)
                    {
                        distance = Math.Max(distance, Math.Abs(points[(j * dimensions) + d] - points[(i * dimensions) + d]));
                    }

                    all.Add(distance);
                }
            }

            all.Sort();
            Assert.Equal(all[k - 1], search.KthNeighbourDistanceAt(position, k, neighbours, distances));
            Assert.DoesNotContain(i, neighbours);
            Assert.Equal(all.Take(k), distances);
        }

        Assert.All(seen, Assert.True);
    }
}
