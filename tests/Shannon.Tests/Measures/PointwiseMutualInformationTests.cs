using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class PointwiseMutualInformationTests
{
    private static readonly int[] TwoByTwo = [2, 2];

    [Fact] // Lesson 000's dependent table [[0.45, 0.05], [0.05, 0.45]]: marginals ½, so pmi = log(p / ¼).
    public void Dependent_table_closed_forms()
    {
        double[] joint = [0.45, 0.05, 0.05, 0.45];
        Assert.Equal(Math.Log(1.8), PointwiseMutualInformation.Cell(joint, TwoByTwo, 0, 0), 15);
        Assert.Equal(Math.Log2(0.2), PointwiseMutualInformation.Cell(joint, TwoByTwo, 1, 0, LogBase.Bits), 15);
        var pmi = new double[4];
        PointwiseMutualInformation.Matrix(joint, TwoByTwo, pmi);
        Assert.Equal([Math.Log(1.8), Math.Log(0.2), Math.Log(0.2), Math.Log(1.8)], pmi, (a, b) => Math.Abs(a - b) <= 1e-15);
        var npmi = new double[4];
        PointwiseMutualInformation.NormalizedMatrix(joint, TwoByTwo, npmi);
        Assert.Equal(Math.Log(1.8) / -Math.Log(0.45), npmi[0], 15);
        Assert.Equal(Math.Log(0.2) / -Math.Log(0.05), npmi[1], 15);
        var ppmi = new double[4];
        PointwiseMutualInformation.PositiveMatrix(joint, TwoByTwo, ppmi, LogBase.Bits);
        Assert.Equal([Math.Log2(1.8), 0.0, 0.0, Math.Log2(1.8)], ppmi, (a, b) => Math.Abs(a - b) <= 1e-15);
    }

    [Fact] // Bouma's conventions: never co-occur −1, independent 0, complete co-occurrence +1.
    public void Edge_conventions()
    {
        double[] diagonal = [0.5, 0.0, 0.0, 0.5];
        Assert.Equal(double.NegativeInfinity, PointwiseMutualInformation.Cell(diagonal, TwoByTwo, 0, 1));
        var values = new double[4];
        PointwiseMutualInformation.NormalizedMatrix(diagonal, TwoByTwo, values);
        Assert.Equal([1.0, -1.0, -1.0, 1.0], values);
        PointwiseMutualInformation.PositiveMatrix(diagonal, TwoByTwo, values);
        Assert.Equal([Math.Log(2), 0.0, 0.0, Math.Log(2)], values);

        PointwiseMutualInformation.NormalizedMatrix([0.12, 0.28, 0.18, 0.42], TwoByTwo, values); // outer([0.4, 0.6], [0.3, 0.7])
        Assert.All(values, v => Assert.Equal(0.0, v, 15));

        var single = new double[1];
        PointwiseMutualInformation.NormalizedMatrix([1.0], [1, 1], single);
        Assert.Equal(1.0, single[0]);
        Assert.Equal(0.0, PointwiseMutualInformation.Cell([1.0], [1, 1], 0, 0));
    }

    [Fact]
    public void In_place_destination_is_allowed()
    {
        double[] joint = [0.45, 0.05, 0.05, 0.45];
        PointwiseMutualInformation.Matrix(joint, TwoByTwo, joint);
        Assert.Equal(Math.Log(1.8), joint[0], 15);
        Assert.Equal(Math.Log(0.2), joint[1], 15);
    }

    [Fact]
    public void Expectation_is_the_mutual_information_and_the_variants_agree() =>
        TestDistributions.Joints(2, 2).Sample(joint =>
        {
            double[] p = joint.Probabilities.ToArray();
            int[] shape = joint.Shape.ToArray();
            var pmi = new double[p.Length];
            var npmi = new double[p.Length];
            var ppmi = new double[p.Length];
            PointwiseMutualInformation.Matrix(p, shape, pmi);
            PointwiseMutualInformation.NormalizedMatrix(p, shape, npmi);
            PointwiseMutualInformation.PositiveMatrix(p, shape, ppmi);
            double expectation = p.Select((pi, i) => pi > 0 ? pi * pmi[i] : 0.0).Sum();
            bool cells = Enumerable.Range(0, p.Length).All(i =>
                (pmi[i] == PointwiseMutualInformation.Cell(p, shape, i / shape[1], i % shape[1]) || Math.Abs(pmi[i] - PointwiseMutualInformation.Cell(p, shape, i / shape[1], i % shape[1])) <= 1e-14)
                && npmi[i] is >= -1.0 and <= 1.0
                && ppmi[i] == Math.Max(0.0, pmi[i])
                && (p[i] > 0 || (double.IsNegativeInfinity(pmi[i]) && npmi[i] == -1.0)));
            return cells && Math.Abs(expectation - MutualInformation.Of(p, shape)) <= 1e-12;
        });

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        double[] joint = [0.25, 0.25, 0.25, 0.25];
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => PointwiseMutualInformation.Cell(joint, TwoByTwo, 2, 0)).ParamName);
        Assert.Equal("column", Assert.Throws<ArgumentOutOfRangeException>(() => PointwiseMutualInformation.Cell(joint, TwoByTwo, 0, -1)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.Matrix(joint, TwoByTwo, new double[3])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.NormalizedMatrix(joint, [2, 2, 1], new double[4])).ParamName);
        var negative = Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.PositiveMatrix([0.5, 0.6, -0.1, 0.0], TwoByTwo, new double[4]));
        Assert.Equal("joint", negative.ParamName);
        Assert.Contains("negative entry -0.1 at index 2", negative.Message);
    }
}
