using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class MutualInformationTests
{
    private static readonly int[] TwoByTwo = [2, 2];

    [Fact] // Lesson 000: independent 0 bits, dependent [[0.45, 0.05], [0.05, 0.45]] 0.5310 bits.
    public void Lesson_independent_and_dependent_tables()
    {
        Assert.Equal(0.0, MutualInformation.Of([0.25, 0.25, 0.25, 0.25], TwoByTwo, LogBase.Bits), 15);
        Assert.Equal(0.5310044064107188, MutualInformation.Of([0.45, 0.05, 0.05, 0.45], TwoByTwo, LogBase.Bits), 14);
    }

    [Fact] // Lesson 003 prints 0.5004 for [[0.4, 0.05], [0.05, 0.5]]: the value is 0.3636 nats (0.5246 bits).
    public void Lesson_correlated_table_has_the_correct_value()
    {
        Assert.Equal(0.36361451704214315, MutualInformation.Of([0.4, 0.05, 0.05, 0.5], TwoByTwo), 14);
        Assert.Equal(0.0, MutualInformation.Of([0.12, 0.28, 0.18, 0.42], TwoByTwo), 15); // outer([0.4,0.6],[0.3,0.7])
        Assert.Equal(Math.Log(2), MutualInformation.Of([0.5, 0.0, 0.0, 0.5], TwoByTwo), 15); // I = H(X)
    }

    private static readonly Gen<(double[] Joint, int[] Shape)> Table =
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6]).SelectMany((r, c) =>
            Gen.Double[0.0, 1.0].Array[r * c].Where(w => w.Sum() > 0).Select(w => (TestDistributions.Normalized(w), new[] { r, c })));

    private static double[] RowSums(double[] joint, int[] shape) =>
        Enumerable.Range(0, shape[0]).Select(x => joint.Skip(x * shape[1]).Take(shape[1]).Sum()).ToArray();

    private static double[] ColumnSums(double[] joint, int[] shape) =>
        Enumerable.Range(0, shape[1]).Select(y => Enumerable.Range(0, shape[0]).Sum(x => joint[(x * shape[1]) + y])).ToArray();

    private static double[] Transpose(double[] joint, int[] shape) =>
        Enumerable.Range(0, joint.Length).Select(i => joint[((i % shape[0]) * shape[1]) + (i / shape[0])]).ToArray();

    [Fact]
    public void Chain_rules_and_bounds() =>
        Table.Sample((joint, shape) =>
        {
            double hx = Entropy.Of(TestDistributions.Normalized(RowSums(joint, shape)));
            double hy = Entropy.Of(TestDistributions.Normalized(ColumnSums(joint, shape)));
            double hxy = MutualInformation.JointEntropy(joint, shape);
            double hyGivenX = MutualInformation.ConditionalEntropy(joint, shape);
            double mi = MutualInformation.Of(joint, shape);
            return Math.Abs(hxy - (hx + hyGivenX)) <= 1e-12                 // H(X,Y) = H(X) + H(Y|X)
                && Math.Abs(mi - (hx + hy - hxy)) <= 1e-12                  // I = H(X) + H(Y) − H(X,Y)
                && hyGivenX >= 0 && hyGivenX <= hy + 1e-12                    // 0 ≤ H(Y|X) ≤ H(Y)
                && mi >= 0 && mi <= Math.Min(hx, hy) + 1e-12
                && Math.Abs(MutualInformation.VariationOfInformation(joint, shape) - (2 * hxy - hx - hy)) <= 1e-12;
        });

    [Fact]
    public void Symmetric_and_self_information_is_entropy() =>
        Gen.Select(Table, TestDistributions.Distribution).Sample((table, p) =>
        {
            var (joint, shape) = table;
            double symmetric = Math.Abs(MutualInformation.Of(joint, shape) - MutualInformation.Of(Transpose(joint, shape), [shape[1], shape[0]]));
            double[] diagonal = new double[p.Length * p.Length];
            for (int i = 0; i < p.Length; i++)
            {
                diagonal[(i * p.Length) + i] = p[i];
            }

            return symmetric <= 1e-13 && Math.Abs(MutualInformation.Of(diagonal, [p.Length, p.Length]) - Entropy.Of(p)) <= 1e-13;
        });

    [Fact]
    public void Data_processing_inequality_on_random_markov_chains() =>
        Gen.Select(Gen.Int[2, 5], Gen.Int[2, 5], Gen.Int[2, 5], Gen.Int).Sample((nx, ny, nz, seed) =>
        {
            // X → Y → Z: p(x) p(y|x) p(z|y); then I(X;Z) ≤ I(X;Y).
            double[] px = TestDistributions.Seeded(nx, seed);
            double[][] yGivenX = Enumerable.Range(0, nx).Select(x => TestDistributions.Seeded(ny, seed + 1 + x)).ToArray();
            double[][] zGivenY = Enumerable.Range(0, ny).Select(y => TestDistributions.Seeded(nz, seed + 101 + y)).ToArray();
            double[] xy = new double[nx * ny], xz = new double[nx * nz];
            for (int x = 0; x < nx; x++)
            {
                for (int y = 0; y < ny; y++)
                {
                    xy[(x * ny) + y] = px[x] * yGivenX[x][y];
                    for (int z = 0; z < nz; z++)
                    {
                        xz[(x * nz) + z] += px[x] * yGivenX[x][y] * zGivenY[y][z];
                    }
                }
            }

            return MutualInformation.Of(xz, [nx, nz]) <= MutualInformation.Of(xy, [nx, ny]) + 1e-12;
        });

    [Fact]
    public void Bad_tables_name_the_parameter()
    {
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => MutualInformation.Of([0.5, 0.5, 0.5], TwoByTwo)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => MutualInformation.Of([0.5, 0.5], [2])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => MutualInformation.Of([1.0], [1, 0])).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => MutualInformation.ConditionalEntropy([0.5, 0.6, -0.1, 0.0], TwoByTwo));
        Assert.Equal("joint", ex.ParamName);
        Assert.Contains("negative entry -0.1 at index 2", ex.Message);
    }
}
