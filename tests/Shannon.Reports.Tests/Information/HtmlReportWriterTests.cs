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
}
