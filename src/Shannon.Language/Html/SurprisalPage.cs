using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shannon.Language.Html;

/// <summary>
/// A self-contained HTML page that shows scored texts with every token coloured by its surprisal (or by GLTR's rank
/// bucket) and its numbers — surprisal, probability, entropy, rank, top alternatives — on hover.
/// </summary>
/// <remarks>
/// Up to <see cref="InlineTokens"/> tokens the page has no script and loads nothing: styles are inline and the hover
/// details are each token's <c>title</c>. A longer text (a whole corpus) becomes a paged page: the text and each
/// token's numbers (gap, length, surprisal in millibits, and entropy and rank when known) are embedded once as JSON,
/// and a small inline script draws one page of about <see cref="PageTokens"/> tokens at a time with the same colours
/// and hover numbers, so a million tokens cost about 10 bytes each instead of a few hundred (the King James Bible's
/// 948,622 tokens: 14 MB instead of 272 MB). It still loads nothing.
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

    /// <summary>Texts of at most this many tokens are drawn whole, with every token's numbers in its title; longer ones are paged.</summary>
    public const int InlineTokens = 20_000;

    /// <summary>Tokens drawn per page of a paged page (a document is split at token boundaries when longer).</summary>
    public const int PageTokens = 4_000;

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
        long tokens = documents.Sum(d => (long)d.Count);
        var html = new StringBuilder(tokens > InlineTokens ? (int)Math.Min(int.MaxValue / 2, documents.Sum(d => (long)d.Text.Length) + (12 * tokens) + 16_384) : 16_384);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Escape(title)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}")
            .Append(".doc{white-space:pre-wrap;font-family:ui-monospace,monospace;line-height:1.8;border:1px solid #ddd;padding:1em;margin:1em 0}")
            .Append(".t{border-radius:2px;cursor:help}.t:hover{outline:2px solid #333}.z{display:inline-block;width:3px;height:1em}")
            .Append(".key span{padding:0 .5em;margin-right:.5em;font-family:ui-monospace,monospace}.pager{position:sticky;top:0;background:#fff;padding:.4em 0}.pager input{width:6em}")
            .Append("</style></head><body>\n<h1>").Append(Escape(title)).Append("</h1>\n<p>")
            .Append(Invariant($"Perplexity {report.Perplexity:G6} ± {report.PerplexityStandardError:G3} over {report.Tokens} tokens; cross-entropy {report.CrossEntropyBits:G6} bits per token. "))
            .Append("Hover a token for its numbers.</p>\n");
        AppendKey(html, colouring);
        if (tokens > InlineTokens)
        {
            AppendPaged(html, documents, colouring, tokens);
            return html.ToString();
        }

        foreach (var document in documents)
        {
            AppendDocument(html, document, colouring);
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The paged form: the documents as JSON in a <c>script type="application/json"</c> element (every <c>&lt;</c>
    /// written as <c>\u003c</c>, so no text can close the element) and the script that draws one page at a time.
    /// Per token: the characters between the previous token's end and its start, its length, its surprisal in
    /// millibits (−1 for +∞), then its entropy in millibits (−1 unknown) and rank (0 unknown) when the scores have them.
    /// </summary>
    private static void AppendPaged(StringBuilder html, IReadOnlyList<ScoredText> documents, SurprisalColouring colouring, long tokens)
    {
        bool details = documents.All(d => d.HasEntropies);
        html.Append("<nav class=\"pager\"><button id=\"prev\">← previous</button> <span id=\"where\"></span> <button id=\"next\">next →</button>")
            .Append(" page <input id=\"page\" type=\"number\" min=\"1\" value=\"1\"></nav>\n")
            .Append(Invariant($"<noscript><p>This text has {tokens} tokens: the page draws them {PageTokens} at a time with a script, which is turned off. The numbers of every token are in the JSON below; <code>shannon perplexity --json --per-token</code> prints them too.</p></noscript>\n"))
            .Append("<div id=\"view\"></div>\n<script type=\"application/json\" id=\"scores\">{\"colouring\":\"")
            .Append(colouring == SurprisalColouring.Rank ? "rank" : "surprisal")
            .Append(Invariant($"\",\"saturation\":{SaturationBits},\"pageTokens\":{PageTokens},\"details\":{(details ? "true" : "false")},\"docs\":["));
        for (int d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            html.Append(d == 0 ? "{\"text\":\"" : ",{\"text\":\"")
                .Append(JsonEncodedText.Encode(document.Text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value.Replace("<", "\\u003c", StringComparison.Ordinal))
                .Append("\",\"tokens\":[");
            int cursor = 0;
            for (int i = 0; i < document.Count; i++)
            {
                int start = Math.Max(document.Offsets[i], cursor);
                int end = Math.Max(start, document.Offsets[i] + document.Lengths[i]);
                double bits = -document.LogProbabilities[i] / Math.Log(2.0);
                long millibits = double.IsFinite(bits) ? (long)Math.Round(bits * 1000.0) : -1;
                if (i > 0)
                {
                    html.Append(',');
                }

                html.Append(start - cursor).Append(',').Append(end - start).Append(',').Append(millibits);
                if (details)
                {
                    var token = document[i];
                    double entropyBits = token.Entropy / Math.Log(2.0);
                    html.Append(',').Append(double.IsFinite(entropyBits) ? (long)Math.Round(entropyBits * 1000.0) : -1).Append(',').Append(token.Rank);
                }

                cursor = end;
            }

            html.Append("]}");
        }

        html.Append("]}</script>\n<script>\n").Append(PagerScript).Append("</script>\n</body></html>\n");
    }

    /// <summary>Draws one page of the JSON in #scores into #view: text nodes between tokens, a coloured span per token with its numbers as title.</summary>
    private const string PagerScript = """
        (function () {
          var data = JSON.parse(document.getElementById('scores').textContent);
          var stride = data.details ? 5 : 3, pages = [], run = [], size = 0;
          data.docs.forEach(function (doc, d) {
            var n = doc.tokens.length / stride, first = 0;
            while (first < n || (n === 0 && first === 0)) {
              var last = Math.min(n, first + data.pageTokens - size);
              run.push({ doc: d, first: first, last: last });
              size += last - first; first = last;
              if (size >= data.pageTokens) { pages.push(run); run = []; size = 0; }
              if (n === 0) { break; }
            }
          });
          if (run.length > 0) { pages.push(run); }
          var view = document.getElementById('view'), where = document.getElementById('where'), input = document.getElementById('page');
          input.max = pages.length;
          var rankColours = ['#e4e4e4', '#b6f2a0', '#fbeb8c', '#f9a58e', '#dbb5f5'];
          function colour(bits, rank) {
            if (data.colouring === 'rank') { return rankColours[rank <= 0 ? 0 : rank <= 10 ? 1 : rank <= 100 ? 2 : rank <= 1000 ? 3 : 4]; }
            var share = bits < 0 ? 1 : Math.min(1, bits / 1000 / data.saturation);
            return 'hsl(' + Math.round(120 * (1 - share)) + ',80%,80%)';
          }
          function visible(text) { return '\u201c' + text.replace(/\n/g, '\u23ce').replace(/\t/g, '\u21e5') + '\u201d'; }
          function show(p) {
            p = Math.max(0, Math.min(pages.length - 1, p));
            view.textContent = '';
            pages[p].forEach(function (part) {
              var doc = data.docs[part.doc], t = doc.tokens, cursor = 0, box = document.createElement('div');
              box.className = 'doc';
              for (var i = 0; i < part.first; i++) { cursor += t[i * stride] + t[i * stride + 1]; }
              var text = '';
              for (var i = part.first; i < part.last; i++) {
                var k = i * stride, start = cursor + t[k], end = start + t[k + 1], bits = t[k + 2];
                if (start > cursor) { box.appendChild(document.createTextNode(doc.text.slice(cursor, start))); }
                var span = document.createElement('span');
                span.className = end === start ? 't z' : 't';
                span.style.background = colour(bits, data.details ? t[k + 4] : 0);
                var title = visible(doc.text.slice(start, end)) + '\nsurprisal ' + (bits < 0 ? '\u221e' : (bits / 1000).toFixed(3)) + ' bits (' +
                  (bits < 0 ? '\u221e' : (bits / 1000 * Math.LN2).toFixed(3)) + ' nats), p = ' + (bits < 0 ? '0' : Math.pow(2, -bits / 1000).toPrecision(4));
                if (data.details && t[k + 3] >= 0) { title += '\nentropy ' + (t[k + 3] / 1000).toFixed(3) + ' bits'; }
                if (data.details && t[k + 4] > 0) { title += '\nrank ' + t[k + 4]; }
                span.title = title;
                span.textContent = doc.text.slice(start, end);
                box.appendChild(span);
                cursor = end;
              }
              if (part.last === t.length / stride) { box.appendChild(document.createTextNode(doc.text.slice(cursor))); }
              view.appendChild(box);
            });
            where.textContent = 'page ' + (p + 1) + ' of ' + pages.length;
            input.value = p + 1; current = p;
            if (location.hash !== '#' + (p + 1)) { history.replaceState(null, '', '#' + (p + 1)); }
          }
          var current = 0;
          document.getElementById('prev').onclick = function () { show(current - 1); window.scrollTo(0, 0); };
          document.getElementById('next').onclick = function () { show(current + 1); window.scrollTo(0, 0); };
          input.onchange = function () { show((parseInt(input.value, 10) || 1) - 1); };
          show((parseInt(location.hash.slice(1), 10) || 1) - 1);
        })();

        """;

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
