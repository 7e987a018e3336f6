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
}
