using System.Text.RegularExpressions;
using Shannon.Language.Html;

namespace Shannon.Language.Tests.Html;

public class SurprisalPageTests
{
    private static ScoredText Hostile()
    {
        // Tokens "<script>", "alert(1)", "</script>" and an alternative with quotes and an ampersand.
        const string text = "x <script>alert(1)</script>";
        return new ScoredText(text, [Math.Log(0.4), Math.Log(0.0001), -0.1], [2, 10, 18], [8, 8, 9],
            ranks: [1, 2000, 50],
            alternatives: [[new TokenAlternative("\" onmouseover=\"evil()", -0.5)], [new TokenAlternative("<b>&amp;", -1.0)], []]);
    }

    [Fact]
    public void Every_token_string_is_escaped()
    {
        string html = SurprisalPage.Render([Hostile()], title: "<img src=x>");
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("</script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("\" onmouseover", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&lt;/script&gt;", html);
        Assert.Contains("&amp;amp;", html);
    }

    [Fact]
    public void One_span_per_token_with_the_lesson_surprisals_on_hover()
    {
        string html = SurprisalPage.Render([Hostile()]);
        Assert.Equal(3, Regex.Matches(html, "<span class=\"t").Count);
        Assert.Contains("surprisal 1.322 bits", html);
        Assert.Contains("surprisal 13.29 bits", html);
        Assert.Contains("x ", html);
        Assert.DoesNotContain("http", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Colours_follow_surprisal_or_gltr_buckets()
    {
        var scored = Hostile();
        Assert.Equal("hsl(120,80%,80%)", SurprisalPage.Colour(scored[2] with { LogProbability = 0.0 }, SurprisalColouring.Surprisal));
        Assert.Equal("hsl(0,80%,80%)", SurprisalPage.Colour(scored[1] with { LogProbability = -100.0 }, SurprisalColouring.Surprisal));
        Assert.Equal("#b6f2a0", SurprisalPage.Colour(scored[0], SurprisalColouring.Rank));
        Assert.Equal("#dbb5f5", SurprisalPage.Colour(scored[1], SurprisalColouring.Rank));
        Assert.Equal("#fbeb8c", SurprisalPage.Colour(scored[2], SurprisalColouring.Rank));
        string html = SurprisalPage.Render([scored], colouring: SurprisalColouring.Rank);
        Assert.Contains("background:#dbb5f5", html);
        Assert.Contains("rank 2000 (Beyond1000)", html);
    }

    [Fact]
    public void Zero_length_tokens_are_thin_marks()
    {
        var scored = new ScoredText("ab", [-1.0, -2.0], [0, 1], [1, 0]);
        string html = SurprisalPage.Render([scored]);
        Assert.Contains("<span class=\"t z\"", html);
        Assert.Contains(">a</span>", html);
        Assert.Contains("b</div>", html);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => SurprisalPage.Render([])).ParamName);
        Assert.Equal("colouring", Assert.Throws<ArgumentOutOfRangeException>(() => SurprisalPage.Render([Hostile()], colouring: (SurprisalColouring)7)).ParamName);
    }

    /// <summary>A long text of <paramref name="tokens"/> tokens "w0 w1 …", one a hostile "&lt;/script&gt;", with surprisals i mod 17 bits.</summary>
    private static ScoredText Long(int tokens, bool details = false)
    {
        var text = new System.Text.StringBuilder();
        var offsets = new int[tokens];
        var lengths = new int[tokens];
        var logProbabilities = new double[tokens];
        for (int i = 0; i < tokens; i++)
        {
            string word = i == 7 ? "</script><b>" : $"w{i}";
            offsets[i] = text.Length;
            lengths[i] = word.Length;
            logProbabilities[i] = i == 9 ? double.NegativeInfinity : -(i % 17) * Math.Log(2.0);
            text.Append(word).Append(i % 50 == 49 ? "\n" : " ");
        }

        return details
            ? new ScoredText(text.ToString(), logProbabilities, offsets, lengths, entropies: [.. Enumerable.Repeat(Math.Log(2.0) * 3, tokens)], ranks: [.. Enumerable.Range(1, tokens)])
            : new ScoredText(text.ToString(), logProbabilities, offsets, lengths);
    }

    /// <summary>The tokens of the paged form: (gap, length, millibits[, entropy, rank]) per token, parsed from its JSON.</summary>
    private static (System.Text.Json.JsonElement Root, string Json) Scores(string html)
    {
        const string open = "<script type=\"application/json\" id=\"scores\">";
        int start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        string json = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        return (System.Text.Json.JsonDocument.Parse(json).RootElement, json);
    }

    [Fact]
    public void A_long_text_is_paged_with_every_token_number_in_compact_json()
    {
        var scored = Long(SurprisalPage.InlineTokens + 1);
        string html = SurprisalPage.Render([scored]);
        var (root, json) = Scores(html);

        // No data can close the element: the hostile token's "<" is escaped, so the only "</script" are the two real ones.
        Assert.DoesNotContain("<b>", json, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(html, "</script>").Count);
        Assert.Equal(SurprisalPage.PageTokens, root.GetProperty("pageTokens").GetInt32());
        Assert.False(root.GetProperty("details").GetBoolean());
        var document = root.GetProperty("docs")[0];
        Assert.Equal(scored.Text, document.GetProperty("text").GetString());
        int[] numbers = [.. document.GetProperty("tokens").EnumerateArray().Select(n => n.GetInt32())];
        Assert.Equal(3 * scored.Count, numbers.Length);
        int cursor = 0;
        for (int i = 0; i < scored.Count; i++)
        {
            int start = cursor + numbers[3 * i];
            Assert.Equal(scored.Offsets[i], start);
            Assert.Equal(scored.Lengths[i], numbers[(3 * i) + 1]);
            Assert.Equal(i == 9 ? -1 : (i % 17) * 1000, numbers[(3 * i) + 2]);
            cursor = start + numbers[(3 * i) + 1];
        }

        // About 10 bytes per token beyond the text itself, not the few hundred of a title per token.
        Assert.True(html.Length < scored.Text.Length + (12 * scored.Count) + 20_000, $"{html.Length} characters");
    }

    [Fact]
    public void A_paged_text_keeps_entropy_and_rank_when_the_scores_have_them()
    {
        var scored = Long(SurprisalPage.InlineTokens + 5, details: true);
        var (root, _) = Scores(SurprisalPage.Render([scored], colouring: SurprisalColouring.Rank));
        Assert.True(root.GetProperty("details").GetBoolean());
        Assert.Equal("rank", root.GetProperty("colouring").GetString());
        int[] numbers = [.. root.GetProperty("docs")[0].GetProperty("tokens").EnumerateArray().Take(10).Select(n => n.GetInt32())];
        Assert.Equal([0, 2, 0, 3000, 1, 1, 2, 1000, 3000, 2], numbers);
    }

    [Fact]
    public void A_short_text_stays_inline_without_a_script()
    {
        string html = SurprisalPage.Render([Long(SurprisalPage.InlineTokens)]);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Equal(SurprisalPage.InlineTokens, Regex.Matches(html, "<span class=\"t").Count);
    }
}
