namespace Shannon.Language.LogProbs;

/// <summary>The JSON shapes in which inference engines return token log-probabilities.</summary>
public enum LogProbFormat
{
    /// <summary>
    /// OpenAI-compatible responses: chat completions' <c>choices[i].logprobs.content[{token, logprob, bytes, top_logprobs}]</c>
    /// and legacy completions' <c>choices[i].logprobs{tokens, token_logprobs, top_logprobs}</c>.
    /// </summary>
    OpenAI,

    /// <summary>
    /// llama.cpp server <c>/completion</c> responses: <c>completion_probabilities[{id, token, bytes, logprob, top_logprobs}]</c>
    /// (<c>prob</c>/<c>top_probs</c> with <c>post_sampling_probs</c>), or the older <c>completion_probabilities[{content, probs[{tok_str, prob}]}]</c>.
    /// </summary>
    LlamaCpp,

    /// <summary>
    /// vLLM's <c>prompt_logprobs</c>: one entry per prompt token, <c>null</c> for the first, else
    /// <c>{"token id": {logprob, rank, decoded_token}}</c>, at the top level (chat) or in <c>choices[i]</c> (completions).
    /// </summary>
    Vllm,
}
