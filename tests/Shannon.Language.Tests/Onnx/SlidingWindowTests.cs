using CsCheck;
using Shannon.Language.Onnx;

namespace Shannon.Language.Tests.Onnx;

public class SlidingWindowTests
{
    private static int[] ScoredTargets(SlidingWindow window, int length) =>
        [.. window.Plan(length).SelectMany(p => Enumerable.Range(p.FirstTarget, p.LastTarget - p.FirstTarget + 1))];

    [Fact]
    public void Twenty_tokens_window_10_stride_5_score_19_tokens_each_once()
    {
        var window = new SlidingWindow(10, 5);
        Assert.Equal([.. Enumerable.Range(1, 19)], ScoredTargets(window, 20));
        Assert.Equal(
            [new WindowPass(0, 10, 1, 10), new WindowPass(5, 15, 11, 15), new WindowPass(9, 19, 16, 19)],
            window.Plan(20));
    }

    [Fact]
    public void A_window_at_least_the_length_is_one_pass()
    {
        Assert.Equal([new WindowPass(0, 6, 1, 6)], new SlidingWindow(1024, 512).Plan(7));
    }

    [Fact]
    public void Every_target_is_scored_once_and_sees_its_previous_token_within_the_window()
    {
        Gen.Int[2, 300].Select(Gen.Int[1, 40], Gen.Int[1, 40]).Sample((length, w, s) =>
        {
            var window = new SlidingWindow(w, Math.Min(s, w));
            Assert.Equal([.. Enumerable.Range(1, length - 1)], ScoredTargets(window, length));
            foreach (var pass in window.Plan(length))
            {
                Assert.True(pass.End - pass.Begin <= w);
                Assert.True(pass.FirstTarget - 1 >= pass.Begin);
                Assert.True(pass.LastTarget - 1 < pass.End);
            }
        });
    }

    [Fact]
    public void Bad_window_names_the_parameter()
    {
        Assert.Equal("Stride", Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindow(4, 5).Plan(10)).ParamName);
        Assert.Equal("Stride", Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindow(4, 0).Plan(10)).ParamName);
        Assert.Equal("Window", Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindow(0, 0).Plan(10)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindow(4, 2).Plan(1)).ParamName);
    }
}
