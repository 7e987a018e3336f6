using Shannon.Reports.Information;

namespace Shannon.Reports.Tests.Information;

public class HtmlReportWriterTests
{
    private const string Hostile = "<script>alert(1)</script>";
    private const string HostileCategory = "\"><img src=x onerror=alert(2)>";

    private static InformationReport Sample(string feature, string category) => new(
        "test & <source>",
        4,
        "target",
        [new ColumnProfile(feature, "numeric", 4, 2.0, "plug-in on the values"), new ColumnProfile("target", "categorical (target)", 2, 1.0, "plug-in on the classes")],
        [new FeatureRelevance(feature, "continuous", "ross", 1.0, 0.8, 1.0, 0.01)],
        [new SelectedFeature(1, feature, 1.0, 0.0, 1.0)],
        [feature],
        [1.0],
        [new ClassShare(category, 2), new ClassShare("b", 2)],
        1.0,
        [$"Column '{feature}' is constant: it carries no information."],
        new ReportSettings(3, 10, 100, 50, 0.95, 0, LogBase.Bits));

    [Fact]
    public void Data_strings_are_escaped_and_the_page_has_no_script()
    {
        string html = HtmlReportWriter.Write(Sample(Hostile, HostileCategory));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("test &amp; &lt;source&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_is_self_contained()
    {
        string html = HtmlReportWriter.Write(Sample("x", "a"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_intervals_print_a_dash_and_no_selection_section()
    {
        var report = Sample("x", "a") with
        {
            Relevance = [new FeatureRelevance("x", "continuous", "ross", 0.5, double.NaN, double.NaN, double.NaN)],
            Selection = [],
        };
        string html = HtmlReportWriter.Write(report);
        Assert.DoesNotContain("mRMR", html, StringComparison.Ordinal);
        Assert.Contains("<td>—</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiny_p_and_q_values_print_in_scientific_notation_never_as_zero()
    {
        var report = Sample("x", "a") with
        {
            Relevance = [new FeatureRelevance("x", "continuous", "ross", 0.5, 0.4, 0.6, 6.4e-144) { QValue = 1.9e-142 }],
        };
        string html = HtmlReportWriter.Write(report);
        Assert.Contains("<td>6.4E-144</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>1.9E-142</td>", html, StringComparison.Ordinal);
        int row = html.IndexOf("share of H(target)", StringComparison.Ordinal);
        string relevance = html[row..html.IndexOf("</table>", row, StringComparison.Ordinal)];
        Assert.DoesNotContain("<td>0.0000</td>", relevance, StringComparison.Ordinal);
        Assert.Equal("0.0123", Html.Probability(0.0123));
        Assert.Equal("0.0001", Html.Probability(1e-4));
        Assert.Equal("1.0E-5", Html.Probability(1e-5));
        Assert.Equal("—", Html.Probability(double.NaN));
    }

    [Fact]
    public void A_continuous_target_gets_no_share_of_its_differential_entropy()
    {
        // h(target) of a continuous target moves with its unit and can be negative: I / h is no share of anything.
        var report = Sample("x", "a") with { TargetEntropy = -5.75, TargetIsDiscrete = false };
        string html = HtmlReportWriter.Write(report);
        Assert.Contains("a differential entropy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("for balanced classes", html, StringComparison.Ordinal);
        int row = html.IndexOf("share of H(target)", StringComparison.Ordinal);
        Assert.DoesNotContain("%</td>", html[row..html.IndexOf("</table>", row, StringComparison.Ordinal)], StringComparison.Ordinal);

        string discrete = HtmlReportWriter.Write(Sample("x", "a"));
        Assert.Contains("for balanced classes", discrete, StringComparison.Ordinal);
        Assert.Contains("<td>100.0%</td>", discrete, StringComparison.Ordinal);
    }

    [Fact]
    public void Insights_come_first_and_the_data_quality_section_lists_every_column_escaped()
    {
        var report = Sample(Hostile, "a") with
        {
            Insights = [$"Strongest features: {Hostile}."],
            Quality = [new ColumnQuality(Hostile, "date", "continuous", 3, 40, ["id_like"]), new ColumnQuality("target", "text", "discrete (target)", 0, 2, [])],
            RowsDropped = 2,
            DroppedReasons = ["2 row(s) without a value of the target 'target' left out of every score"],
            NotScored = [("empty", "every cell is missing; left out")],
        };
        string html = HtmlReportWriter.Write(report);
        int insights = html.IndexOf("<section id=\"insights\">", StringComparison.Ordinal);
        Assert.InRange(insights, 0, html.IndexOf("Warnings", StringComparison.Ordinal));
        Assert.True(insights < html.IndexOf("<h2>Which features", StringComparison.Ordinal));
        Assert.Contains("<li>Strongest features: &lt;script&gt;", html, StringComparison.Ordinal);
        int quality = html.IndexOf("<section id=\"data-quality\">", StringComparison.Ordinal);
        Assert.True(quality > 0);
        Assert.Contains("<td>date</td><td>continuous</td><td>3</td><td>40</td><td>id_like</td>", html[quality..], StringComparison.Ordinal);
        Assert.Contains("2 row(s) without a value of the target", html[quality..], StringComparison.Ordinal);
        Assert.Contains("Not scored: empty — every cell is missing; left out.", html[quality..], StringComparison.Ordinal);
        Assert.Contains("Benjamini–Hochberg q-value", html, StringComparison.Ordinal);
    }
}
