using System.Globalization;
using System.Net;

namespace Shannon.Reports.Information;

/// <summary>Escaping for text that came from data: every column name, category and message goes through here.</summary>
internal static class Html
{
    /// <summary>The text with &amp;, &lt;, &gt;, " and ' escaped, safe in element content and quoted attributes.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number with the given decimals, invariant culture.</summary>
    public static string Number(double value, int digits = 4) =>
        double.IsNaN(value) ? "—" : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
