using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shannon.Language.LogProbs;

/// <summary>
/// Parses vLLM's <c>prompt_logprobs</c>: a list with one entry per prompt token, <c>null</c> for the first (a causal
/// model does not score it), else an object <c>{"token id": {logprob, rank, decoded_token}}</c> holding the prompt
/// token and the top-k alternatives. The prompt token is <c>prompt_token_ids[i]</c> when the response carries them,
/// else the entry's first key (vLLM writes the prompt token first). Unscored first tokens carry no text and are left
/// out of the document's text.
/// </summary>
internal static class VllmLogProbs
{
    /// <summary>One document per choice holding <c>prompt_logprobs</c>, or the response's own (chat completions).</summary>
    public static IEnumerable<ScoredText> Documents(JsonElement root)
    {
        if (JsonShape.TryGet(root, "prompt_logprobs", out var own))
        {
            yield return Document(own, PromptIds(root, "prompt_token_ids"), "prompt_logprobs");
            yield break;
        }

        var choices = JsonShape.Required(root, "choices", "the line (no \"prompt_logprobs\")");
        int i = 0;
        foreach (var choice in JsonShape.Array(choices, "choices"))
        {
            string path = $"choices[{i}]";
            yield return Document(JsonShape.Required(choice, "prompt_logprobs", path), PromptIds(choice, path + ".prompt_token_ids"), path + ".prompt_logprobs");
            i++;
        }
    }

    private static int[]? PromptIds(JsonElement holder, string path) =>
        JsonShape.TryGet(holder, "prompt_token_ids", out var ids)
            ? [.. JsonShape.Array(ids, path).Select((id, k) => JsonShape.Count(id, $"{path}[{k}]", "a token id"))]
            : null;

    private static ScoredText Document(JsonElement logprobs, int[]? promptIds, string path)
    {
        var builder = new ScoredTextBuilder();
        int i = 0;
        foreach (var entry in JsonShape.Array(logprobs, path))
        {
            string at = $"{path}[{i}]";
            if (entry.ValueKind == JsonValueKind.Null)
            {
                i++;
                continue;
            }

            string? key = promptIds is null ? null : i < promptIds.Length
                ? promptIds[i].ToString(CultureInfo.InvariantCulture)
                : throw new FormatException($"{at} has no prompt_token_ids entry (only {promptIds.Length}).");
            var alternatives = new List<TokenAlternative>();
            string? token = null;
            double logProbability = 0;
            int rank = 0, tokenIndex = -1;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{at} is not an object of token ids.");
            }

            foreach (var candidate in entry.EnumerateObject())
            {
                string where = $"{at}.{candidate.Name}";
                double lp = JsonShape.LogProbability(JsonShape.Required(candidate.Value, "logprob", where), where + ".logprob");
                string text = JsonShape.TryGet(candidate.Value, "decoded_token", out var decoded) ? JsonShape.String(decoded, where + ".decoded_token") : string.Empty;
                alternatives.Add(new TokenAlternative(text, lp));
                if (token is null && (key is null || candidate.Name == key))
                {
                    token = text;
                    logProbability = lp;
                    rank = JsonShape.TryGet(candidate.Value, "rank", out var r) ? JsonShape.Count(r, where + ".rank", "a rank") : 0;
                    tokenIndex = alternatives.Count - 1;
                }
            }

            if (token is null)
            {
                throw new FormatException(key is null ? $"{at} is empty." : $"{at} has no entry for the prompt token {key}.");
            }

            if (rank > alternatives.Count - 1)
            {
                // Outside the top k: vLLM added the prompt token as an extra entry; it is no alternative.
                alternatives.RemoveAt(tokenIndex);
            }

            alternatives.Sort((a, b) => b.LogProbability.CompareTo(a.LogProbability));
            builder.Add(Encoding.UTF8.GetBytes(token), logProbability, Math.Max(rank, 0), alternatives);
            i++;
        }

        return builder.Build();
    }
}
