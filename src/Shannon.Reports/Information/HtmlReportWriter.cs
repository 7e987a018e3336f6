using System.Globalization;
using System.Text;
using Shannon.Estimators.Uncertainty;
using Shannon.Reports.Plots;

namespace Shannon.Reports.Information;

/// <summary>
/// Renders an <see cref="InformationReport"/> as one self-contained HTML page: inline CSS, figures as base64 PNG,
/// no scripts and no network fetches. Every string from the data is escaped with <see cref="Html.Text"/>.
/// </summary>
internal static class HtmlReportWriter
{
    /// <summary>
    /// The page's style: one sans-serif family (the one the figures are drawn in, <see cref="FigureFont"/>); at a phone's
    /// width (390 px) nothing is wider than the screen: figures shrink, wide tables scroll inside their own box, long
    /// names wrap, and small multiples fall into one column.
    /// </summary>
    private static readonly string Style = "body{font-family:" + FigureFont.CssStack + """
        ;margin:0 auto;max-width:1100px;color:#1d232a;line-height:1.45;padding:1rem 1rem 2rem;overflow-wrap:anywhere}
        *,*::before,*::after{box-sizing:border-box}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
        table{display:block;max-width:100%;overflow-x:auto;border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
        th,td{padding:.25rem .6rem;border-bottom:1px solid #e6e9ed;text-align:right;overflow-wrap:normal}
        th:first-child,td:first-child,td.name{text-align:left}td.name{overflow-wrap:anywhere;min-width:6rem}th{background:#f6f8fa}
        .meta{color:#57606a;font-size:.9rem}.warn{background:#fff8c5;border:1px solid #d4a72c;padding:.6rem 1rem;border-radius:6px}
        .ok{background:#dafbe1;border:1px solid #4ac26b;padding:.6rem 1rem;border-radius:6px}img,svg{max-width:100%;height:auto;display:block}
        figure{margin:1rem 0}figcaption{color:#57606a;font-size:.85rem}code{overflow-wrap:anywhere}ul{padding-left:1.2rem}
        .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,320px),1fr));gap:.5rem 1rem}.multiples figure{margin:0}
        @media (max-width:600px){body{padding:.5rem .6rem 1.5rem}h1{font-size:1.3rem}h2{font-size:1.05rem}table{font-size:.8rem}th,td{padding:.2rem .35rem}}
        """;

    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Write(InformationReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Information report — ").Append(Html.Text(report.Target)).Append("</title>")
            .Append("<style>").Append(Style).Append("</style></head><body>\n");
        Header(html, report);
        Insights(html, report);
        Warnings(html, report);
        Target(html, report);
        Relevance(html, report);
        Distributions(html, report);
        Selection(html, report);
        Redundancy(html, report);
        Columns(html, report);
        DataQuality(html, report);
        html.Append("<p class=\"meta\">Made by Shannon (<code>shannon report</code>). All figures are embedded; the page loads nothing.</p>\n");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, InformationReport report)
    {
        var s = report.Settings;
        html.Append("<h1>Information report</h1>\n<p class=\"meta\">Data: ").Append(Html.Text(report.Source))
            .Append("<br>Rows: ").Append(report.Rows.ToString(CultureInfo.InvariantCulture))
            .Append(report.RowsUsed == report.Rows ? string.Empty : $" ({report.RowsUsed.ToString(CultureInfo.InvariantCulture)} used)")
            .Append(" · columns: ").Append(report.Columns.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" · target: <strong>").Append(Html.Text(report.Target)).Append("</strong>")
            .Append("<br>Units: ").Append(Html.Text(s.Unit.Unit)).Append(". Estimators: the automatic rule (plug-in for two discrete columns, Ross for a continuous and a discrete one, KSG for two continuous ones; k = ")
            .Append(s.K.ToString(CultureInfo.InvariantCulture)).Append("), the numbers <code>shannon mi</code> prints; ")
            .Append(Html.Number(s.Confidence * 100, 0)).Append("% half-sampling intervals from ")
            .Append(s.Replicates.ToString(CultureInfo.InvariantCulture)).Append(" half-samples (for the ")
            .Append(InformationReportBuilder.IntervalFeatures.ToString(CultureInfo.InvariantCulture)).Append(" best-ranked features); p-values from ")
            .Append(s.Permutations is int fixedCount ? fixedCount.ToString(CultureInfo.InvariantCulture) + " permutations" : "adaptive permutations (see below)").Append("; ")
            .Append(s.Bins.ToString(CultureInfo.InvariantCulture)).Append(" equal-frequency bins for redundancy; seed ")
            .Append(s.Seed.ToString(CultureInfo.InvariantCulture)).Append(".</p>\n");
    }

    private static void Warnings(StringBuilder html, InformationReport report)
    {
        if (report.Warnings.Count == 0)
        {
            html.Append("<p class=\"ok\">No warnings: no constant columns, no leakage-like features, enough samples for k.</p>\n");
            return;
        }

        html.Append("<div class=\"warn\"><strong>Warnings</strong><ul>");
        foreach (string warning in report.Warnings)
        {
            html.Append("<li>").Append(Html.Text(warning)).Append("</li>");
        }

        html.Append("</ul></div>\n");
    }

    private static void Target(StringBuilder html, InformationReport report)
    {
        long total = report.Classes.Sum(c => c.Count);
        var unit = report.Settings.Unit;
        html.Append("<h2>Target: class balance and entropy</h2>\n<p>H(").Append(Html.Text(report.Target)).Append(") = <strong>")
            .Append(Html.Number(report.TargetEntropy)).Append(' ').Append(Html.Text(unit.Unit)).Append("</strong> ");
        if (report.TargetIsDiscrete)
        {
            html.Append("(at most log ").Append(report.Classes.Count.ToString(CultureInfo.InvariantCulture)).Append(" = ")
                .Append(Html.Number(unit.FromNats(Math.Log(Math.Max(1, report.Classes.Count))))).Append(' ').Append(Html.Text(unit.Unit)).Append(" for balanced classes).</p>\n");
        }
        else
        {
            html.Append("(a differential entropy: the target is continuous, so it depends on the target's unit and can be negative; no share of it is shown).</p>\n");
        }

        html.Append("<table><tr><th>class</th><th>rows</th><th>share</th></tr>");
        foreach (var share in report.Classes)
        {
            html.Append("<tr><td class=\"name\">").Append(Html.Text(share.Label)).Append("</td><td>")
                .Append(share.Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Html.Number(100.0 * share.Count / total, 1)).Append("%</td></tr>");
        }

        html.Append("</table>\n");
        Figure(html, ReportFigures.ClassBalance(report), "Rows per class of the target.");
    }

    private static void Relevance(StringBuilder html, InformationReport report)
    {
        html.Append("<h2>Which features carry information about the target</h2>\n")
            .Append("<table><tr><th>feature</th><th>kind</th><th>estimator</th><th>I(feature; target) ").Append(Html.Text(report.Settings.Unit.Unit)).Append("</th><th>interval</th><th>share of H(target)</th><th>p-value</th>")
            .Append("<th>chance-corrected I</th><th>q-value</th><th>flags</th></tr>");
        foreach (var feature in report.Relevance)
        {
            html.Append("<tr><td class=\"name\">").Append(Html.Text(feature.Name)).Append("</td><td>")
                .Append(Html.Text(feature.Kind)).Append("</td><td>").Append(Html.Text(feature.Estimator)).Append("</td><td>")
                .Append(Html.Number(feature.MutualInformation)).Append("</td><td>")
                .Append(double.IsNaN(feature.Lower) ? "—" : $"[{Html.Number(feature.Lower)}, {Html.Number(feature.Upper)}]").Append("</td><td>")
                .Append(report.TargetIsDiscrete && report.TargetEntropy > 0 ? Html.Number(100.0 * feature.MutualInformation / report.TargetEntropy, 1) + "%" : "—").Append("</td><td>")
                .Append(Html.Probability(feature.PValue, feature.PValueIsBound, "<")).Append("</td><td>")
                .Append(Html.Number(feature.Adjusted)).Append("</td><td>")
                .Append(Html.Probability(feature.QValue, feature.PValueIsBound, "≤")).Append("</td><td>")
                .Append(Html.Text(string.Join(", ", feature.Flags))).Append("</td></tr>");
        }

        html.Append("</table>\n<p class=\"meta\">Intervals: estimate ± z·SE, the standard error from random half-samples of the rows ")
            .Append("(the delete-d jackknife, Shao &amp; Wu 1989; half-samples never repeat a row, which would be a k-NN neighbour at distance 0). ")
            .Append("p-values are counted from permutations of the target, (1 + b)/(1 + B) for b of B permuted scores at least the observed one (Phipson &amp; Smyth 2010), never extrapolated beyond them: ")
            .Append("a score beyond every permutation shows as the bound p &lt; 1/(B + 1) and its q-value as an upper bound, q ≤ the value shown (the JSON keeps the numbers and sets p_value_is_bound). ")
            .Append(report.Settings.Permutations is null
                ? Invariant($"The number of permutations adapts (Besag &amp; Clifford 1991): batches that double from {Schedule(report).Initial} stop once {Schedule(report).Exceedances} permuted scores reach the observed one, or at {Schedule(report).Maximum:N0} (max(1,000, ⌈m/q⌉ − 1) for m = {Tested(report)} tested features and q = 0.05, at most 20,000), so that a score beyond every permutation passes the 5 % false discovery rate whatever the others show. ")
                : string.Empty)
            .Append("Rows are ranked by the chance-corrected score I − E₀[I]: for two discrete columns E₀[I] is the exact mean under random permutation (Vinh, Epps &amp; Bailey 2010), so a column with one value per row scores 0; the k-NN estimators (KSG, Ross) have E₀[I] ≈ 0 and keep their value. ")
            .Append("Significance rule: a feature carries information when its Benjamini–Hochberg q-value across the tested features is at most ")
            .Append(Html.Number(ScoringSettings.FalseDiscoveryRate, 2)).Append(" (false discovery rate 5 %).</p>\n");
        Figure(html, ReportFigures.Relevance(report), "Mutual information with the target, with half-sampling intervals.");
    }

    /// <summary>The small multiples: how each top feature is distributed within each class of the target.</summary>
    private static void Distributions(StringBuilder html, InformationReport report)
    {
        if (report.Histograms is not { Count: > 0 } histograms)
        {
            return;
        }

        bool binned = report.Columns.Any(c => c.Name == report.Target && c.Kind.StartsWith("continuous", StringComparison.Ordinal));
        html.Append("<h2>How the top features differ between ").Append(binned ? "ranges of the target" : "classes").Append("</h2>\n<p class=\"meta\">")
            .Append("Each panel is one feature, best-ranked first: a continuous feature's density within each ")
            .Append(binned ? "equal-frequency range of the target" : "class").Append(" (equal-width bins, each curve has area 1), ")
            .Append("a discrete feature's share of each class's rows per category. Curves that coincide mean the feature says little about the target.</p>\n<div class=\"multiples\">");
        foreach (var histogram in histograms)
        {
            string caption = histogram.Continuous
                ? $"Density of {histogram.Name} within each {(binned ? "range" : "class")} of {report.Target}."
                : $"Share of each {(binned ? "range" : "class")} of {report.Target} per category of {histogram.Name}.";
            Figure(html, ReportFigures.ClassConditional(histogram), caption, 560, 400);
        }

        html.Append("</div>\n");
    }

    private static void Selection(StringBuilder html, InformationReport report)
    {
        if (report.Selection.Count == 0)
        {
            return;
        }

        html.Append("<h2>mRMR selection (maximum relevance, minimum redundancy)</h2>\n")
            .Append("<table><tr><th>rank</th><th>feature</th><th>chance-corrected relevance ").Append(Html.Text(report.Settings.Unit.Unit)).Append("</th><th>mean redundancy ").Append(Html.Text(report.Settings.Unit.Unit)).Append("</th><th>score</th></tr>");
        foreach (var pick in report.Selection)
        {
            html.Append("<tr><td>").Append(pick.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"name\">")
                .Append(Html.Text(pick.Name)).Append("</td><td>").Append(Html.Number(pick.Relevance)).Append("</td><td>")
                .Append(Html.Number(pick.Redundancy)).Append("</td><td>").Append(Html.Number(pick.Score)).Append("</td></tr>");
        }

        html.Append("</table>\n");
    }

    private static void Redundancy(StringBuilder html, InformationReport report)
    {
        html.Append("<h2>Redundancy between features (normalised mutual information)</h2>\n");
        Figure(html, ReportFigures.Redundancy(report), "NMI of every pair of features (quantile-binned); 1 = one determines the other.");
        int n = report.FeatureNames.Count;
        var pairs = new List<(int I, int J, double Nmi)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                pairs.Add((i, j, report.Redundancy[(i * n) + j]));
            }
        }

        html.Append("<table><tr><th>feature</th><th>feature</th><th>NMI</th></tr>");
        foreach (var (i, j, nmi) in pairs.OrderByDescending(pair => pair.Nmi).Take(10))
        {
            html.Append("<tr><td class=\"name\">").Append(Html.Text(report.FeatureNames[i])).Append("</td><td class=\"name\">")
                .Append(Html.Text(report.FeatureNames[j])).Append("</td><td>").Append(Html.Number(nmi, 3)).Append("</td></tr>");
        }

        html.Append("</table>\n");
    }

    private static void Columns(StringBuilder html, InformationReport report)
    {
        html.Append("<h2>Columns</h2>\n<table><tr><th>column</th><th>kind</th><th>distinct</th><th>entropy ").Append(Html.Text(report.Settings.Unit.Unit)).Append("</th><th>estimated as</th></tr>");
        foreach (var column in report.Columns)
        {
            html.Append("<tr><td class=\"name\">").Append(Html.Text(column.Name)).Append("</td><td>").Append(Html.Text(column.Kind))
                .Append("</td><td>").Append(column.Distinct.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(double.IsNaN(column.Entropy) ? "—" : Html.Number(column.Entropy)).Append("</td><td>").Append(Html.Text(column.Method)).Append("</td></tr>");
        }

        html.Append("</table>\n");
    }

    private static int Tested(InformationReport report) => report.Relevance.Count(f => !double.IsNaN(f.PValue));

    private static AdaptivePermutations Schedule(InformationReport report) => ScoringSettings.Schedule(Tested(report));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Insights(StringBuilder html, InformationReport report)
    {
        if (report.Insights.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"insights\"><h2>Insights</h2><ul>");
        foreach (string insight in report.Insights)
        {
            html.Append("<li>").Append(Html.Text(insight)).Append("</li>");
        }

        html.Append("</ul></section>\n");
    }

    private static void DataQuality(StringBuilder html, InformationReport report)
    {
        html.Append("<section id=\"data-quality\"><h2>Data quality</h2>\n<p>")
            .Append(report.RowsDropped == 0 ? "No row was left out." : Html.Text(string.Join("; ", report.DroppedReasons)) + ".")
            .Append(" Missing cells cost only the pairs they touch: a feature is scored on the rows where it and the target both have a value.</p>\n")
            .Append("<table><tr><th>column</th><th>read as</th><th>kind</th><th>missing</th><th>distinct</th><th>flags</th></tr>");
        foreach (var column in report.Quality)
        {
            html.Append("<tr><td class=\"name\">").Append(Html.Text(column.Name)).Append("</td><td>").Append(Html.Text(column.ReadAs))
                .Append("</td><td>").Append(Html.Text(column.Kind)).Append("</td><td>").Append(column.Missing.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(column.Distinct.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Html.Text(string.Join(", ", column.Flags))).Append("</td></tr>");
        }

        html.Append("</table>\n");
        foreach (var (name, reason) in report.NotScored)
        {
            html.Append("<p class=\"meta\">Not scored: ").Append(Html.Text(name)).Append(" — ").Append(Html.Text(reason)).Append(".</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Figure(StringBuilder html, ScottPlot.Plot plot, string caption, int width = 1000, int height = 460)
    {
        string png = Convert.ToBase64String(FigureFile.Png(plot, width, height));
        html.Append("<figure><img alt=\"").Append(Html.Text(caption)).Append("\" width=\"").Append(width.ToString(CultureInfo.InvariantCulture))
            .Append("\" height=\"").Append(height.ToString(CultureInfo.InvariantCulture)).Append("\" src=\"data:image/png;base64,").Append(png)
            .Append("\"><figcaption>").Append(Html.Text(caption)).Append("</figcaption></figure>\n");
    }
}
