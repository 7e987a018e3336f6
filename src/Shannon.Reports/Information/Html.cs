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

    /// <summary>
    /// A p- or q-value that may be a bound: as <see cref="Probability(double)"/>, prefixed with <paramref name="relation"/>
    /// (escaped) and rounded up at the shown precision when <paramref name="bound"/>, so that the printed bound still holds.
    /// </summary>
    public static string Probability(double value, bool bound, string relation) =>
        !bound || double.IsNaN(value) ? Probability(value) : Text(relation) + " " + Probability(RoundUp(value, value >= 1e-4 ? 4 : null));

    /// <summary>
    /// <paramref name="value"/> (positive) rounded up to <paramref name="decimals"/> decimals, or to two significant digits
    /// when null: the number a bound may be printed as without claiming more than it knows.
    /// </summary>
    public static double RoundUp(double value, int? decimals)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            return value;
        }

        double step = decimals is int d ? Math.Pow(10, -d) : Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return Math.Ceiling((value / step) - 1e-9) * step;
    }

    /// <summary>A number with the given decimals, invariant culture.</summary>
    public static string Number(double value, int digits = 4) =>
        double.IsNaN(value) ? "—" : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
