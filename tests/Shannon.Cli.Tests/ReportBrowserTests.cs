namespace Shannon.Cli.Tests;

/// <summary>
/// Opens the demo report in headless Chromium when <c>/usr/bin/chromium</c> exists (CI installs it in .ci/run):
/// it must render with no console errors, keep the hostile column name as text, and leave a screenshot in the test
/// output directory. Without Chromium the same report is checked structurally (no script, no external fetch).
/// </summary>
public class ReportBrowserTests
{
    [Fact]
    public void Report_renders_in_headless_chromium_without_errors()
    {
        string directory = Directory.CreateTempSubdirectory("shannon-browser-").FullName;
        try
        {
            string csv = Path.Combine(directory, "hostile.csv");
            File.WriteAllText(csv, "\"<script>alert(1)</script>\",width,target\n" + string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i % 5},{i * 0.5},{(i % 3 == 0 ? "a" : "b")}")) + "\n");
            Assert.Equal(0, CliRunner.Run("report", csv, "-o", directory, "--permutations", "5", "--replicates", "5").Code);
            string html = Path.Combine(directory, "report.html");
            string text = File.ReadAllText(html);
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
            File.Delete(screenshot);
            var shot = HeadlessChromium.Run(html, $"--screenshot={screenshot}", "--window-size=1200,1600", "--hide-scrollbars");
            Assert.Equal(0, shot.Code);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or blank");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
