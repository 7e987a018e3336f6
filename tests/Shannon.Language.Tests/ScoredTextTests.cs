namespace Shannon.Language.Tests;

public class ScoredTextTests
{
    [Fact]
    public void Word_surprisals_sum_the_tokens_of_each_word()
    {
        // GPT-2 style tokens: "The", " cat", "s", " sat", "!" → words The, cats, sat!
        const string text = "The cats sat!";
        var scored = new ScoredText(text, [-1.0, -2.0, -0.5, -3.0, -0.25], [0, 3, 7, 8, 12], [3, 4, 1, 4, 1]);
        var words = scored.WordSurprisals();
        Assert.Equal([(0, 3, 1.0), (4, 4, 2.5), (9, 4, 3.25)], words);
        Assert.Equal(3, scored.Words);
        Assert.Equal(13, scored.Bytes);
    }

    [Fact]
    public void Counts_bytes_and_characters_of_non_ascii_text()
    {
        var scored = new ScoredText("é😀", [-1.0], [0], [3]);
        Assert.Equal(6, scored.Bytes);
        Assert.Equal(2, scored.Characters);
        Assert.Equal("é😀", scored[0].Text);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("offsets", Assert.Throws<ArgumentException>(() => new ScoredText("ab", [-1.0], [0, 1], [1])).ParamName);
        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => new ScoredText("ab", [0.5], [0], [1])).ParamName);
        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => new ScoredText("ab", [double.NaN], [0], [1])).ParamName);
        Assert.Equal("offsets", Assert.Throws<ArgumentException>(() => new ScoredText("ab", [-1.0], [1], [2])).ParamName);
        Assert.Equal("ranks", Assert.Throws<ArgumentException>(() => new ScoredText("ab", [-1.0], [0], [1], ranks: [1, 2])).ParamName);
    }
}
