using System.Net;
using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>
/// Opens the demo report in headless Chromium when <c>/usr/bin/chromium</c> exists (CI installs it in .ci/run):
/// it must render with no console errors, keep the hostile column name as text, and leave a screenshot in the test
/// output directory. Without Chromium the same report is checked structurally (no script, no external fetch).
/// </summary>
public sealed class ReportBrowserTests() : ScratchDirectoryTests("shannon-browser-")
{
    [Fact]
    public void Report_renders_in_headless_chromium_without_errors()
    {
        string csv = PathOf("hostile.csv");
        System.IO.File.WriteAllText(csv, "\"<script>alert(1)</script>\",width,target\n" + string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i % 5},{i * 0.5},{(i % 3 == 0 ? "a" : "b")}")) + "\n");
        Assert.Equal(0, CliRunner.Run("report", csv, "-o", Scratch, "--permutations", "5", "--replicates", "5").Code);
        string html = PathOf("report.html");
        string text = System.IO.File.ReadAllText(html);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        if (!HeadlessChromium.Installed)
        {
            return;
        }

        var dom = HeadlessChromium.Run(html, "--dump-dom");
        Assert.Equal(0, dom.Code);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", dom.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom.Out, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CONSOLE", dom.Err, StringComparison.Ordinal);

        string screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        System.IO.File.Delete(screenshot);
        var shot = HeadlessChromium.Run(html, $"--screenshot={screenshot}", "--window-size=1200,1600", "--hide-scrollbars");
        Assert.Equal(0, shot.Code);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or blank");
    }

    /// <summary>
    /// The page at a phone's width (390 px) and a desktop's (1280 px), measured by Chromium: nothing wider than the
    /// viewport (no sideways scroll), every figure with alt text and no wider than the screen, the small multiples in
    /// one column on the phone and side by side on the desktop, and the page's font the figures' sans-serif family.
    /// The report is loaded into an iframe of that width (headless Chromium's window is never narrower than 500 px)
    /// whose parent page measures it and writes the numbers into its DOM.
    /// </summary>
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public void Report_fits_a_phone_and_a_desktop_without_sideways_scroll(int width)
    {
        if (!HeadlessChromium.Installed)
        {
            Assert.Fail($"{HeadlessChromium.Path} is missing: install Debian's chromium (.ci/run does) to run the browser checks.");
        }

        string csv = PathOf("wide.csv");
        string longName = "a_very_long_column_name_without_spaces_that_would_push_every_table_wider_than_a_phone";
        System.IO.File.WriteAllText(csv, $"{longName},colour,width,target\n" + string.Join("\n", Enumerable.Range(0, 90).Select(i => $"{i % 7},{(i % 4 == 0 ? "red" : i % 4 == 1 ? "green" : "blue")},{(i * 0.37) + (i % 3)},{(i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c")}")) + "\n");
        Assert.Equal(0, CliRunner.Run("report", csv, "-o", Scratch, "--permutations", "5", "--replicates", "5").Code);
        string report = System.IO.File.ReadAllText(PathOf("report.html"));
        string probe = PathOf("probe.html");
        System.IO.File.WriteAllText(probe, $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
            <iframe id="f" width="{{width}}" height="900" style="border:0" srcdoc="{{WebUtility.HtmlEncode(report)}}"></iframe>
            <pre id="out"></pre>
            <script>
            window.addEventListener('load', function () {
              var f = document.getElementById('f'), d = f.contentDocument, w = f.contentWindow;
              var images = [].slice.call(d.images);
              var panels = [].slice.call(d.querySelectorAll('.multiples figure'));
              document.getElementById('out').textContent = JSON.stringify({
                viewport: w.innerWidth,
                scroll: d.documentElement.scrollWidth,
                images: images.length,
                withAlt: images.filter(function (i) { return (i.getAttribute('alt') || '').length > 0; }).length,
                widestImage: Math.max.apply(null, images.map(function (i) { return i.getBoundingClientRect().right; })),
                panels: panels.length,
                panelRows: new Set(panels.map(function (p) { return Math.round(p.getBoundingClientRect().top); })).size,
                font: w.getComputedStyle(d.body).fontFamily
              });
            });
            </script></body></html>
            """);
        var run = HeadlessChromium.Run(probe, "--dump-dom", "--window-size=1400,1000");
        Assert.Equal(0, run.Code);
        int start = run.Out.IndexOf("<pre id=\"out\">", StringComparison.Ordinal) + "<pre id=\"out\">".Length;
        string measured = WebUtility.HtmlDecode(run.Out[start..run.Out.IndexOf("</pre>", start, StringComparison.Ordinal)]);
        using var json = JsonDocument.Parse(measured);
        var root = json.RootElement;
        Assert.Equal(width, root.GetProperty("viewport").GetInt32());
        Assert.True(root.GetProperty("scroll").GetInt32() <= width, $"the page scrolls sideways at {width} px: {measured}");
        Assert.True(root.GetProperty("images").GetInt32() >= 5, measured);
        Assert.Equal(root.GetProperty("images").GetInt32(), root.GetProperty("withAlt").GetInt32());
        Assert.True(root.GetProperty("widestImage").GetDouble() <= width, measured);
        int panels = root.GetProperty("panels").GetInt32();
        Assert.True(panels >= 3, measured);
        Assert.Equal(width < 600 ? panels : (panels + 2) / 3, root.GetProperty("panelRows").GetInt32());
        Assert.StartsWith("\"DejaVu Sans\"", root.GetProperty("font").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", report, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", report.Replace("http://www.w3.org/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
