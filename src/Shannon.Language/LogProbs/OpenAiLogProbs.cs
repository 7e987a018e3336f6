using System.Text;
using System.Text.Json;

namespace Shannon.Language.LogProbs;

/// <summary>Parses OpenAI-compatible log-probabilities: chat <c>logprobs.content</c> and legacy completion <c>logprobs.tokens</c>.</summary>
internal static class OpenAiLogProbs
{
    /// <summary>One document per choice (or the line itself when it is a <c>logprobs</c> object or holds one).</summary>
    public static IEnumerable<ScoredText> Documents(JsonElement root)
    {
        if (JsonShape.TryGet(root, "choices", out var choices))
        {
            int i = 0;
            foreach (var choice in JsonShape.Array(choices, "choices"))
            {
                yield return Document(JsonShape.Required(choice, "logprobs", $"choices[{i}]"), $"choices[{i}].logprobs");
                i++;
            }
        }
        else if (JsonShape.TryGet(root, "logprobs", out var logprobs))
        {
            yield return Document(logprobs, "logprobs");
        }
        else
        {
            yield return Document(root, "the line");
        }
    }

    private static ScoredText Document(JsonElement logprobs, string path) =>
        JsonShape.TryGet(logprobs, "content", out var content) ? Chat(content, path + ".content")
        : JsonShape.TryGet(logprobs, "tokens", out _) ? Completion(logprobs, path)
        : throw new FormatException($"{path} has neither \"content\" (chat) nor \"tokens\" (completions).");

    /// <summary>Chat: <c>content[{token, logprob, bytes, top_logprobs[{token, logprob, bytes}]}]</c>.</summary>
    private static ScoredText Chat(JsonElement content, string path)
    {
        var builder = new ScoredTextBuilder();
        int i = 0;
        foreach (var entry in JsonShape.Array(content, path))
        {
            string at = $"{path}[{i}]";
            string token = JsonShape.String(JsonShape.Required(entry, "token", at), at + ".token");
            double logProbability = JsonShape.LogProbability(JsonShape.Required(entry, "logprob", at), at + ".logprob");
            var alternatives = new List<TokenAlternative>();
            bool listed = false;
            if (JsonShape.TryGet(entry, "top_logprobs", out var top))
            {
                int k = 0;
                foreach (var candidate in JsonShape.Array(top, at + ".top_logprobs"))
                {
                    string where = $"{at}.top_logprobs[{k}]";
                    string text = JsonShape.String(JsonShape.Required(candidate, "token", where), where + ".token");
                    alternatives.Add(new TokenAlternative(text, JsonShape.LogProbability(JsonShape.Required(candidate, "logprob", where), where + ".logprob")));
                    listed |= text == token;
                    k++;
                }
            }

            builder.Add(JsonShape.TokenBytes(entry, token, at), logProbability, JsonShape.RankAmong(alternatives, listed, logProbability), alternatives);
            i++;
        }

        return builder.Build();
    }

    /// <summary>Legacy completions: parallel arrays <c>tokens</c>, <c>token_logprobs</c> (null for an echoed first token), <c>top_logprobs[{text: logprob}]</c>.</summary>
    private static ScoredText Completion(JsonElement logprobs, string path)
    {
        var tokens = JsonShape.Required(logprobs, "tokens", path);
        var logProbabilities = JsonShape.Required(logprobs, "token_logprobs", path);
        int n = JsonShape.Array(tokens, path + ".tokens").Count();
        if (JsonShape.Array(logProbabilities, path + ".token_logprobs").Count() != n)
        {
            throw new FormatException($"{path}.token_logprobs has {logProbabilities.GetArrayLength()} entries but {path}.tokens has {n}.");
        }

        JsonShape.TryGet(logprobs, "top_logprobs", out var top);
        var builder = new ScoredTextBuilder();
        for (int i = 0; i < n; i++)
        {
            string token = JsonShape.String(tokens[i], $"{path}.tokens[{i}]");
            var bytes = Encoding.UTF8.GetBytes(token);
            if (logProbabilities[i].ValueKind == JsonValueKind.Null)
            {
                builder.AddUnscored(bytes);
                continue;
            }

            double logProbability = JsonShape.LogProbability(logProbabilities[i], $"{path}.token_logprobs[{i}]");
            var alternatives = new List<TokenAlternative>();
            bool listed = false;
            if (top.ValueKind == JsonValueKind.Array && i < top.GetArrayLength() && top[i].ValueKind == JsonValueKind.Object)
            {
                foreach (var candidate in top[i].EnumerateObject())
                {
                    alternatives.Add(new TokenAlternative(candidate.Name, JsonShape.LogProbability(candidate.Value, $"{path}.top_logprobs[{i}].{candidate.Name}")));
                    listed |= candidate.Name == token;
                }

                alternatives.Sort((a, b) => b.LogProbability.CompareTo(a.LogProbability));
            }

            builder.Add(bytes, logProbability, JsonShape.RankAmong(alternatives, listed, logProbability), alternatives);
        }

        return builder.Build();
    }
}
