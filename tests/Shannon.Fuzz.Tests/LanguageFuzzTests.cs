using System.Globalization;
using System.Text;
using CsCheck;

namespace Shannon.Fuzz.Tests;

/// <summary><c>shannon perplexity</c> on generated engine log-probabilities (llama.cpp, OpenAI, vLLM) and logit dumps.</summary>
public sealed class LanguageFuzzTests
{
    /// <summary>A JSON value where a log-probability (or probability) belongs: mostly numbers, some of them impossible.</summary>
    private static readonly Gen<string> Number = Gen.Frequency(
        (8, Gen.Double[-30, 0].Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("0", "-0.0", "1.5", "-1e308", "-1e400", "1e-320", "-745.2", "2")),
        (1, Gen.OneOf("\"-Infinity\"", "\"NaN\"", "null", "\"x\"", "true", "[]", "{}")));

    private static readonly Gen<string> Token = Gen.OneOf("\"a\"", "\" b\"", "\"<script>\"", "\"\\u0000\"", "\"\\ud800\"", "\"\"", "\"\U0001F4A5\"", "\"\\n\"", "null", "7");

    private static readonly Gen<string> Entry = Gen.Select(Gen.Int[0, 4], Token, Number, Number, Gen.Int[-1, 50000], (shape, token, value, top, id) => shape switch
    {
        0 => $"{{\"token\":{token},\"logprob\":{value},\"bytes\":[97],\"top_logprobs\":[{{\"token\":{token},\"logprob\":{top}}}]}}",
        1 => $"{{\"id\":{id},\"token\":{token},\"bytes\":[97],\"logprob\":{value},\"top_logprobs\":[{{\"id\":{id},\"token\":{token},\"logprob\":{top}}}]}}",
        2 => $"{{\"content\":{token},\"probs\":[{{\"tok_str\":{token},\"prob\":{top}}}]}}",
        3 => $"{{\"{id}\":{{\"logprob\":{value},\"rank\":1,\"decoded_token\":{token}}}}}",
        _ => $"{{\"id\":{id},\"token\":{token},\"prob\":{value},\"top_probs\":[]}}",
    });

    private static readonly Gen<string> Line = Gen.Select(Gen.Int[0, 5], Entry.Array[0, 6], Token.Array[0, 6], Number.Array[0, 6], Gen.Int[0, 30000].Array[0, 6], (shape, entries, tokens, values, ids) =>
    {
        string list = string.Join(',', entries);
        return shape switch
        {
            0 => $"{{\"choices\":[{{\"logprobs\":{{\"content\":[{list}]}}}}]}}",
            1 => $"{{\"choices\":[{{\"logprobs\":{{\"tokens\":[{string.Join(',', tokens)}],\"token_logprobs\":[{string.Join(',', values)}],\"top_logprobs\":null}}}}]}}",
            2 => $"{{\"completion_probabilities\":[{list}]}}",
            3 => $"{{\"prompt_logprobs\":[null,{list}],\"prompt_token_ids\":[{string.Join(',', ids)}]}}",
            4 => $"{{\"choices\":[{{\"prompt_logprobs\":[{list}]}}]}}",
            _ => $"{{\"logprobs\":{{\"content\":[{list}]}}}}",
        };
    });

    [Fact]
    public void Perplexity_on_engine_log_probabilities_keeps_the_promises()
    {
        var gen = Gen.Select(Line.Array[1, 3], Gen.Int[0, 6], Gen.Int[0, int.MaxValue], Gen.OneOf(string.Empty, "openai", "llamacpp", "vllm"), Gen.Int[0, 3]);
        Fuzz.Run("logprobs", gen, 500, value =>
        {
            var (lines, damage, at, format, extra) = value;
            byte[] bytes = Encoding.UTF8.GetBytes(string.Join(damage == 3 ? "\n\n" : "\n", lines) + "\n");
            bytes = damage switch
            {
                1 => bytes[..(at % bytes.Length)],
                2 => Inputs.Flip(bytes, at),
                4 => [0xEF, 0xBB, 0xBF, .. bytes],
                5 => [.. bytes, 0x93, 0x00, 0xFF],
                _ => bytes,
            };
            string[] args = ["perplexity", "--logprobs", "{r.jsonl}", "--html", "{page.html}",
                .. format.Length > 0 ? new[] { "--format", format } : [],
                .. extra switch { 1 => new[] { "--json" }, 2 => ["--colour", "rank"], 3 => ["--per-token"], _ => [] }];
            return new FuzzCase(args, new Dictionary<string, byte[]> { ["r.jsonl"] = bytes }, "page.html");
        });
    }

    [Fact]
    public void Perplexity_on_logit_dumps_keeps_the_promises()
    {
        var temperatures = Gen.OneOf(string.Empty, "0.5,1,2", "0", "-1", "1e-300", "1e300", "NaN", "1,,2", "Infinity", "1");
        var gen = Gen.Select(Gen.OneOf("<f2", "<f4", "<f8"), Gen.Int[1, 7], Gen.Int[1, 6], Inputs.Value.Array[1, 30], Gen.Int[-1, 7].Array[0, 9], Gen.Int[0, 5], temperatures, Gen.Int[0, 3]);
        Fuzz.Run("logits", gen, 500, value =>
        {
            var (descr, rows, vocabulary, values, ids, variant, sweep, extra) = value;
            int[] tokens = variant switch
            {
                0 => [.. Enumerable.Range(0, rows + 1).Select(i => Math.Abs(ids.Length == 0 ? i : ids[i % ids.Length]) % vocabulary)],
                1 => [.. Enumerable.Range(0, rows).Select(i => i % vocabulary)],
                _ => ids,
            };
            var files = new Dictionary<string, byte[]>
            {
                ["z.npy"] = Inputs.NpyBytes(descr, [rows, vocabulary], values),
                ["ids.txt"] = Encoding.ASCII.GetBytes(string.Join(variant == 5 ? "," : " ", tokens) + (variant == 4 ? " x" : string.Empty)),
                ["ref.npy"] = Inputs.NpyBytes(descr, [rows, variant == 3 ? vocabulary + 1 : vocabulary], [.. values.Reverse()]),
                ["ids.npy"] = Inputs.Labels(tokens),
            };
            string[] args = ["perplexity", "--logits", "{z.npy}", "--tokens", extra == 3 ? "{ids.npy}" : "{ids.txt}", "--html", "{page.html}",
                .. sweep.Length > 0 ? new[] { "--temperatures", sweep } : [],
                .. extra is 1 or 2 ? new[] { "--reference", "{ref.npy}" } : [],
                .. extra == 2 ? new[] { "--json" } : ["--per-token"]];
            return new FuzzCase(args, files, "page.html");
        });
    }
}
