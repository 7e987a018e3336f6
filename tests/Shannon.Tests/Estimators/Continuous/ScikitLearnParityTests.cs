using Shannon.Estimators.Continuous;

namespace Shannon.Tests.Estimators.Continuous;

public class ScikitLearnParityTests
{
    public static TheoryData<int> RegressionCases() => [.. Enumerable.Range(0, EstimatorsReference.Cases("mutual_info_regression").Count())];

    public static TheoryData<int> ClassifCases() => [.. Enumerable.Range(0, EstimatorsReference.Cases("mutual_info_classif").Count())];

    // With scikit-learn's own noise draws the search sees the same numbers; the only differences left are the
    // order of summation (pairwise vs compensated) and the scale's last bit: 1e-12 absolute.
    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void Mutual_info_regression_with_its_noise(int index)
    {
        var c = EstimatorsReference.Cases("mutual_info_regression").ElementAt(index);
        var estimate = ScikitLearnParity.MutualInfoRegression(c.Doubles("x"), c.Doubles("y"), 3, c.Doubles("feature_noise"), c.Doubles("target_noise"));
        Assert.Equal(c.GetProperty("value").GetDouble(), estimate.Value, 1e-12);
    }

    // Without noise (our default) on data without ties the 1e-10 noise moves no point across a radius, so the
    // neighbour counts, and the estimate, are the same.
    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void Mutual_info_regression_deterministic(int index)
    {
        var c = EstimatorsReference.Cases("mutual_info_regression").ElementAt(index);
        Assert.Equal(c.GetProperty("value").GetDouble(), ScikitLearnParity.MutualInfoRegression(c.Doubles("x"), c.Doubles("y")).Value, 1e-12);
        Assert.Equal(c.GetProperty("value").GetDouble(), new Ksg().MutualInformation(c.Doubles("x"), c.Doubles("y")).Value, 1e-12);
    }

    [Theory]
    [MemberData(nameof(ClassifCases))]
    public void Mutual_info_classif(int index)
    {
        var c = EstimatorsReference.Cases("mutual_info_classif").ElementAt(index);
        double expected = c.GetProperty("value").GetDouble();
        Assert.Equal(expected, ScikitLearnParity.MutualInfoClassif(c.Doubles("x"), c.Ints("labels"), 3, c.Doubles("feature_noise")).Value, 1e-12);
        Assert.Equal(expected, ScikitLearnParity.MutualInfoClassif<int>(c.Doubles("x"), c.Ints("labels")).Value, 1e-12);
        Assert.Equal(expected, new Ross().MutualInformation<int>(c.Doubles("x"), c.Ints("labels")).Value, 1e-12);
    }

    [Fact]
    public void Noise_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScikitLearnParity.MutualInfoRegression([1.0, 2, 3, 4, 5], [2.0, 1, 4, 3, 5], 3, [0.1, 0.2]));
        Assert.Equal("featureNoise", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => ScikitLearnParity.MutualInfoClassif([1.0, 2, 3, 4, 5], [0, 0, 1, 1, 1], 3, [0.1]));
        Assert.Equal("featureNoise", ex.ParamName);
    }
}
