namespace Shannon.Language.Onnx;

/// <summary>One forward pass of a sliding-window evaluation: the inputs it reads and the targets it scores.</summary>
/// <param name="Begin">Index of the first input token of the window.</param>
/// <param name="End">One past the last input token (the window reads tokens [Begin, End)).</param>
/// <param name="FirstTarget">The first token position this window scores.</param>
/// <param name="LastTarget">The last token position this window scores (inclusive).</param>
/// <remarks>Target p is predicted by the logits row of input p − 1, i.e. row p − 1 − <see cref="Begin"/> of the window.</remarks>
public readonly record struct WindowPass(int Begin, int End, int FirstTarget, int LastTarget);

/// <summary>
/// Sliding-window evaluation of a causal language model over a sequence longer than its context: windows of at most
/// <see cref="Window"/> input tokens, each advancing by <see cref="Stride"/> new targets, such that every token but the
/// first is scored exactly once.
/// </summary>
/// <remarks>
/// <para>
/// A window that reads inputs [b, e) yields one logits row per input; row j predicts token b + j + 1, so the window can
/// score targets b + 1 … e. The first window reads inputs [0, min(W, L − 1)) and scores targets 1 … min(W, L − 1); each
/// later window scores the next S targets (fewer at the end), reading the W inputs just before its last target. So a
/// target is conditioned on at least W − S previous tokens (all of them while the text fits in one window), and token 0
/// — which has no context — is never scored: a text of L tokens yields L − 1 scores (20 tokens, window 10, stride 5 →
/// 19 scores, each once). Prepend a BOS token to score the text's first token too (the BOS itself is never scored).
/// </para>
/// <para>
/// S = W gives disjoint targets with the least context at each window's start; smaller S costs more passes (about
/// L/S) and gives each target more context. Hugging Face's "perplexity of fixed-length models" guide uses the same
/// trade-off; its loop loses one target per window start when S = W, this plan does not.
/// </para>
/// </remarks>
/// <param name="Window">W ≥ 1: the most input tokens a pass reads (the model's context length).</param>
/// <param name="Stride">1 ≤ S ≤ W: new targets per pass after the first.</param>
public readonly record struct SlidingWindow(int Window, int Stride)
{
    /// <summary>The passes that score tokens 1 … length − 1 of a sequence, each exactly once, in order.</summary>
    /// <param name="length">L ≥ 2 tokens.</param>
    /// <returns>The passes; their targets partition 1 … L − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is below 2, <see cref="Window"/> below 1, or <see cref="Stride"/> outside [1, <see cref="Window"/>].</exception>
    public IReadOnlyList<WindowPass> Plan(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        if (Window < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "Window must be at least 1.");
        }

        if (Stride < 1 || Stride > Window)
        {
            throw new ArgumentOutOfRangeException(nameof(Stride), Stride, $"Stride must lie in [1, Window = {Window}].");
        }

        var passes = new List<WindowPass>();
        int last = Math.Min(Window, length - 1);
        passes.Add(new WindowPass(0, last, 1, last));
        while (last < length - 1)
        {
            int next = Math.Min(last + Stride, length - 1);
            passes.Add(new WindowPass(Math.Max(0, next - Window), next, last + 1, next));
            last = next;
        }

        return passes;
    }
}
