using System.Text;
using System.Text.Json;

namespace Shannon.Language.LogProbs;

/// <summary>
/// Parses llama.cpp server's <c>completion_probabilities</c>: the current shape
/// <c>[{id, token, bytes, logprob, top_logprobs[{id, token, bytes, logprob}]}]</c> (with <c>post_sampling_probs</c>:
/// <c>prob</c> and <c>top_probs</c>), and the older <c>[{content, probs[{tok_str, prob}]}]</c>, in which the chosen
/// token's probability is the entry of <c>probs</c> whose <c>tok_str</c> equals <c>content</c>.
/// </summary>
internal static class LlamaCppLogProbs
{
    /// <summary>The document of one <c>/completion</c> response.</summary>
    public static ScoredText Document(JsonElement root)
    {
        const string path = "completion_probabilities";
        var builder = new ScoredTextBuilder();
        int i = 0;
        foreach (var entry in JsonShape.Array(JsonShape.Required(root, path, "the line"), path))
        {
            string at = $"{path}[{i}]";
            if (JsonShape.TryGet(entry, "probs", out var probs) && !JsonShape.TryGet(entry, "token", out _))
            {
                Older(builder, entry, probs, at);
            }
            else
            {
                Current(builder, entry, at);
            }

            i++;
        }

        return builder.Build();
    }

    private static void Current(ScoredTextBuilder builder, JsonElement entry, string at)
    {
        string token = JsonShape.String(JsonShape.Required(entry, "token", at), at + ".token");
        double logProbability = LogProbabilityOf(entry, at);
        int id = JsonShape.TryGet(entry, "id", out var idElement) ? JsonShape.Count(idElement, at + ".id", "a token id") : -1;
        var alternatives = new List<TokenAlternative>();
        bool listed = false;
        string topName = JsonShape.TryGet(entry, "top_logprobs", out _) ? "top_logprobs" : "top_probs";
        if (JsonShape.TryGet(entry, topName, out var top))
        {
            int k = 0;
            foreach (var candidate in JsonShape.Array(top, $"{at}.{topName}"))
            {
                string where = $"{at}.{topName}[{k}]";
                string text = JsonShape.String(JsonShape.Required(candidate, "token", where), where + ".token");
                alternatives.Add(new TokenAlternative(text, LogProbabilityOf(candidate, where)));
                listed |= id >= 0 && JsonShape.TryGet(candidate, "id", out var candidateId)
                    ? JsonShape.Count(candidateId, where + ".id", "a token id") == id
                    : text == token;
                k++;
            }
        }

        builder.Add(JsonShape.TokenBytes(entry, token, at), logProbability, JsonShape.RankAmong(alternatives, listed, logProbability), alternatives);
    }

    private static void Older(ScoredTextBuilder builder, JsonElement entry, JsonElement probs, string at)
    {
        string token = JsonShape.String(JsonShape.Required(entry, "content", at), at + ".content");
        var alternatives = new List<TokenAlternative>();
        double? logProbability = null;
        int k = 0;
        foreach (var candidate in JsonShape.Array(probs, at + ".probs"))
        {
            string where = $"{at}.probs[{k}]";
            string text = JsonShape.String(JsonShape.Required(candidate, "tok_str", where), where + ".tok_str");
            double lp = JsonShape.ProbabilityAsLog(JsonShape.Required(candidate, "prob", where), where + ".prob");
            alternatives.Add(new TokenAlternative(text, lp));
            if (text == token)
            {
                logProbability ??= lp;
            }

            k++;
        }

        if (logProbability is not double value)
        {
            throw new FormatException($"{at}: the chosen token \"{token}\" is not among its probs, so its probability is unknown (request more n_probs).");
        }

        builder.Add(Encoding.UTF8.GetBytes(token), value, JsonShape.RankAmong(alternatives, listed: true, value), alternatives);
    }

    /// <summary><c>logprob</c>, or <c>prob</c> (post-sampling) as its logarithm.</summary>
    private static double LogProbabilityOf(JsonElement entry, string at) =>
        JsonShape.TryGet(entry, "logprob", out var logprob) ? JsonShape.LogProbability(logprob, at + ".logprob")
        : JsonShape.TryGet(entry, "prob", out var prob) ? JsonShape.ProbabilityAsLog(prob, at + ".prob")
        : throw new FormatException($"{at} has neither \"logprob\" nor \"prob\".");
}
