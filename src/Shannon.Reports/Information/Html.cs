using System.Globalization;
using System.Net;

namespace Shannon.Reports.Information;

/// <summary>Escaping for text that came from data: every column name, category and message goes through here.</summary>
internal static class Html
{
    /// <summary>The text with &amp;, &lt;, &gt;, " and ' escaped, safe in element content and quoted attributes.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A p- or q-value: four decimals from 0.0001 up, two significant digits in scientific notation below (never a bare 0.0000); "—" for NaN.</summary>
    public static string Probability(double value) =>
        double.IsNaN(value) ? "—" : value >= 1e-4 ? Number(value) : value.ToString("0.0E+0", CultureInfo.InvariantCulture);

    /// <summary>A number with the given decimals, invariant culture.</summary>
    public static string Number(double value, int digits = 4) =>
        double.IsNaN(value) ? "—" : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
