using System.Net;
using System.Text.RegularExpressions;

namespace Shannon.Cli.Tests;

/// <summary>
/// <c>perplexity TEXT --html</c> on a text longer than the inline limit: a paged page whose first page Chromium draws
/// with every token's surprisal and probability on hover, at about 10 bytes per token.
/// </summary>
public sealed partial class PerplexityPageTests() : ScratchDirectoryTests("shannon-ppl-page-")
{
    [Fact]
    public void A_long_text_becomes_a_paged_page_whose_tokens_show_their_numbers_in_chromium()
    {
        if (!HeadlessChromium.Installed)
        {
            Assert.Fail($"{HeadlessChromium.Path} is missing: install Debian's chromium (.ci/run does) to run the browser checks.");
        }

        // The first 150,000 characters of the King James Bible: about 36,000 word tokens, more than the inline limit.
        string text = PathOf("genesis.txt");
        System.IO.File.WriteAllText(text, System.IO.File.ReadAllText(Path.Combine(ReportCommandTests.RepositoryRoot(), "data", "kjv.txt"))[..150_000]);
        string page = PathOf("page.html");
        var (code, output, error) = CliRunner.Run("perplexity", text, "--html", page);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        long tokens = long.Parse(TokenCount().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(tokens > 20_000, output);
        long bytes = new FileInfo(page).Length;
        Assert.True(bytes < 150_000 + (12 * tokens) + 20_000, $"{bytes} bytes for {tokens} tokens");

        var dom = HeadlessChromium.Run(page, "--dump-dom");
        Assert.Equal(0, dom.Code);
        string drawn = WebUtility.HtmlDecode(dom.Out);
        Assert.Equal(4_000, Regex.Matches(dom.Out, "<span class=\"t[ \"]").Count);
        Assert.Contains("“In”\nsurprisal ", drawn, StringComparison.Ordinal);
        Assert.Matches(@"surprisal \d+\.\d{3} bits \(\d+\.\d{3} nats\), p = 0\.\d+", drawn);
        Assert.Contains($"page 1 of {(tokens + 3_999) / 4_000}", drawn, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"over (\d+) tokens")]
    private static partial Regex TokenCount();
}
