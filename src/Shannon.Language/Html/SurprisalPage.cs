using System.Globalization;
using System.Net;
using System.Text;

namespace Shannon.Language.Html;

/// <summary>
/// A self-contained HTML page that shows scored texts with every token coloured by its surprisal (or by GLTR's rank
/// bucket) and its numbers — surprisal, probability, entropy, rank, top alternatives — on hover.
/// </summary>
/// <remarks>
/// The page has no script and loads nothing: styles are inline and the hover details are each token's <c>title</c>.
/// Every piece of text that came from the data (the text, token strings, alternatives, the title) is HTML-escaped,
/// so a token such as <c>&lt;script&gt;</c> shows as text. Text between tokens (unscored context, separators) is shown
/// uncoloured; a token of zero length (e.g. continuation bytes of a split character) is a thin coloured mark.
/// Reference for the rank colouring: Gehrmann, S., Strobelt, H. &amp; Rush, A. M. (2019), GLTR: Statistical Detection
/// and Visualization of Generated Text, ACL System Demonstrations, doi:10.18653/v1/P19-3019.
/// </remarks>
public static class SurprisalPage
{
    /// <summary>Surprisal (bits) at which the continuous scale saturates to red.</summary>
    public const double SaturationBits = 15.0;

    /// <summary>Renders the page.</summary>
    /// <param name="documents">At least one scored document.</param>
    /// <param name="title">The page's heading (escaped).</param>
    /// <param name="colouring">Surprisal scale or GLTR rank buckets.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentException"><paramref name="documents"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="colouring"/> is not defined.</exception>
    public static string Render(IReadOnlyList<ScoredText> documents, string title = "Surprisal", SurprisalColouring colouring = SurprisalColouring.Surprisal)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(title);
        if (documents.Count == 0)
        {
            throw new ArgumentException("documents is empty.", nameof(documents));
        }

        if (!Enum.IsDefined(colouring))
        {
            throw new ArgumentOutOfRangeException(nameof(colouring), colouring, "colouring must be Surprisal or Rank.");
        }

        var report = PerplexityReport.Of(documents);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Escape(title)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}")
            .Append(".doc{white-space:pre-wrap;font-family:ui-monospace,monospace;line-height:1.8;border:1px solid #ddd;padding:1em;margin:1em 0}")
            .Append(".t{border-radius:2px;cursor:help}.t:hover{outline:2px solid #333}.z{display:inline-block;width:3px;height:1em}")
            .Append(".key span{padding:0 .5em;margin-right:.5em;font-family:ui-monospace,monospace}")
            .Append("</style></head><body>\n<h1>").Append(Escape(title)).Append("</h1>\n<p>")
            .Append(Invariant($"Perplexity {report.Perplexity:G6} ± {report.PerplexityStandardError:G3} over {report.Tokens} tokens; cross-entropy {report.CrossEntropyBits:G6} bits per token. "))
            .Append("Hover a token for its numbers.</p>\n");
        AppendKey(html, colouring);
        foreach (var document in documents)
        {
            AppendDocument(html, document, colouring);
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The background colour of a token.</summary>
    /// <param name="token">The token.</param>
    /// <param name="colouring">Surprisal scale or GLTR rank buckets.</param>
    /// <returns>A CSS colour, e.g. <c>hsl(120,80%,80%)</c>.</returns>
    public static string Colour(TokenScore token, SurprisalColouring colouring)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (colouring == SurprisalColouring.Rank)
        {
            return token.Bucket switch
            {
                GltrBucket.Top10 => "#b6f2a0",
                GltrBucket.Top100 => "#fbeb8c",
                GltrBucket.Top1000 => "#f9a58e",
                GltrBucket.Beyond1000 => "#dbb5f5",
                _ => "#e4e4e4",
            };
        }

        double share = Math.Clamp(token.SurprisalBits / SaturationBits, 0.0, 1.0);
        return Invariant($"hsl({120.0 * (1.0 - share):F0},80%,80%)");
    }

    private static void AppendKey(StringBuilder html, SurprisalColouring colouring)
    {
        html.Append("<p class=\"key\">");
        if (colouring == SurprisalColouring.Rank)
        {
            html.Append("<span style=\"background:#b6f2a0\">rank ≤ 10</span><span style=\"background:#fbeb8c\">≤ 100</span>")
                .Append("<span style=\"background:#f9a58e\">≤ 1000</span><span style=\"background:#dbb5f5\">&gt; 1000</span><span style=\"background:#e4e4e4\">unknown</span>");
        }
        else
        {
            foreach (double bits in (double[])[0, 3, 6, 9, 12, 15])
            {
                double share = bits / SaturationBits;
                html.Append(Invariant($"<span style=\"background:hsl({120.0 * (1.0 - share):F0},80%,80%)\">{bits:G3} bits</span>"));
            }
        }

        html.Append("</p>\n");
    }

    private static void AppendDocument(StringBuilder html, ScoredText document, SurprisalColouring colouring)
    {
        html.Append("<div class=\"doc\">");
        int cursor = 0;
        for (int i = 0; i < document.Count; i++)
        {
            var token = document[i];
            int start = Math.Max(token.Offset, cursor);
            html.Append(Escape(document.Text[cursor..start]));
            int end = Math.Max(start, token.Offset + token.Text.Length);
            html.Append("<span class=\"").Append(end == start ? "t z" : "t").Append("\" style=\"background:").Append(Colour(token, colouring))
                .Append("\" title=\"").Append(Escape(Details(token))).Append("\">")
                .Append(Escape(document.Text[start..end])).Append("</span>");
            cursor = end;
        }

        html.Append(Escape(document.Text[cursor..])).Append("</div>\n");
    }

    private static string Details(TokenScore token)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"{Visible(token.Text)}\nsurprisal {token.SurprisalBits:G4} bits ({token.SurprisalNats:G4} nats), p = {Math.Exp(token.LogProbability):G4}"));
        if (!double.IsNaN(token.Entropy))
        {
            text.Append(Invariant($"\nentropy {token.Entropy / Math.Log(2.0):G4} bits"));
        }

        if (token.Rank > 0)
        {
            text.Append(Invariant($"\nrank {token.Rank} ({token.Bucket})"));
        }

        foreach (var alternative in token.Alternatives)
        {
            text.Append(Invariant($"\n  {Visible(alternative.Text)}  p = {Math.Exp(alternative.LogProbability):G4}"));
        }

        return text.ToString();
    }

    /// <summary>The token in quotes with its whitespace made visible.</summary>
    private static string Visible(string token) => "“" + token.Replace("\n", "⏎", StringComparison.Ordinal).Replace("\t", "⇥", StringComparison.Ordinal) + "”";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
