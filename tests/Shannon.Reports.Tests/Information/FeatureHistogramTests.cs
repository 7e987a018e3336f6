using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Reports.Information;

namespace Shannon.Reports.Tests.Information;

public class FeatureHistogramTests
{
    private static FeatureHistogram[] Panels(TableColumn column, int[] target, string[] labels) =>
        FeatureHistogram.Of([column.Name], [column], [column.ToVariable()], target, labels);

    [Fact]
    public void Each_class_density_integrates_to_one_and_separated_classes_do_not_overlap()
    {
        // Class a holds 0…0.99, class b 2…2.99: on 20 equal-width bins over [0, 2.99] their densities never share a bin.
        double[] values = [.. Enumerable.Range(0, 100).Select(i => i / 100.0), .. Enumerable.Range(0, 100).Select(i => 2 + (i / 100.0))];
        int[] target = [.. Enumerable.Repeat(0, 100), .. Enumerable.Repeat(1, 100)];
        var panel = Assert.Single(Panels(TableColumn.Numeric("x", values), target, ["a", "b"]));
        Assert.True(panel.Continuous);
        Assert.Equal(FeatureHistogram.Bins + 1, panel.Edges.Length);
        Assert.Equal(0.0, panel.Edges[0]);
        Assert.Equal(2.99, panel.Edges[^1]);
        Assert.Equal(["a", "b"], panel.Classes);
        for (int c = 0; c < 2; c++)
        {
            double area = Enumerable.Range(0, FeatureHistogram.Bins).Sum(b => panel.Values[c][b] * (panel.Edges[b + 1] - panel.Edges[b]));
            Assert.Equal(1.0, area, 12);
        }

        Assert.All(Enumerable.Range(0, FeatureHistogram.Bins), b => Assert.Equal(0.0, panel.Values[0][b] * panel.Values[1][b]));
    }

    [Fact]
    public void Discrete_shares_sum_to_one_per_class_and_rare_categories_are_pooled()
    {
        // 12 categories: the ten most frequent keep a bar when there are at most ten; here nine keep one and "other" pools three.
        string[] categories = [.. Enumerable.Range(0, 12).Select(i => $"c{i:00}")];
        int[] codes = [.. Enumerable.Range(0, 240).Select(i => i % 12)];
        int[] target = [.. Enumerable.Range(0, 240).Select(i => i % 12 < 6 ? 0 : 1)];
        var panel = Assert.Single(Panels(TableColumn.Categorical("colour", codes, categories), target, ["a", "b"]));
        Assert.False(panel.Continuous);
        Assert.Equal(FeatureHistogram.MaxCategories, panel.Categories.Count);
        Assert.Equal("other", panel.Categories[^1]);
        Assert.All(panel.Values, shares => Assert.Equal(1.0, shares.Sum(), 12));

        // Class a never takes c06…c11, so its share of each of them is 0.
        for (int b = 0; b < panel.Categories.Count - 1; b++)
        {
            bool inA = int.Parse(panel.Categories[b][1..], System.Globalization.CultureInfo.InvariantCulture) < 6;
            Assert.Equal(inA ? 1.0 / 6 : 0.0, panel.Values[0][b], 12);
        }
    }

    [Fact]
    public void At_most_the_largest_classes_and_the_top_features_are_drawn_and_constants_are_skipped()
    {
        int rows = 400;
        int[] target = [.. Enumerable.Range(0, rows).Select(i => i % 10)];
        string[] labels = [.. Enumerable.Range(0, 10).Select(c => $"k{c}")];
        var columns = Enumerable.Range(0, 9).Select(f => TableColumn.Numeric($"f{f}", [.. Enumerable.Range(0, rows).Select(i => f == 0 ? 1.0 : Math.Sin(i * (f + 1)))])).ToArray();
        var panels = FeatureHistogram.Of(columns.Select(c => c.Name), columns, [.. columns.Select(c => c.ToVariable())], target, labels);
        Assert.Equal(FeatureHistogram.MaxFeatures, panels.Length);
        Assert.DoesNotContain(panels, p => p.Name == "f0");
        Assert.Equal(["f1", "f2", "f3", "f4", "f5", "f6"], panels.Select(p => p.Name));
        Assert.All(panels, p => Assert.Equal(FeatureHistogram.MaxClasses, p.Classes.Count));
    }

    [Fact]
    public void Missing_cells_are_skipped()
    {
        double[] values = [1, 2, double.NaN, 4, 5, 6, double.NaN, 8];
        int[] target = [0, 0, 0, 0, 1, 1, 1, 1];
        var panel = Assert.Single(FeatureHistogram.Of(["x"], [TableColumn.Numeric("x", values)], [Variable.Continuous("x", [1, 2, 3, 4, 5, 6, 7, 8])], target, ["a", "b"]));
        for (int c = 0; c < 2; c++)
        {
            double area = Enumerable.Range(0, FeatureHistogram.Bins).Sum(b => panel.Values[c][b] * (panel.Edges[b + 1] - panel.Edges[b]));
            Assert.Equal(1.0, area, 12);
        }
    }
}
