using System.Globalization;

namespace Shannon.Reports.Tour;

/// <summary>One number the tour computes with Shannon, optionally next to what a lesson states.</summary>
/// <param name="Label">What is computed, in the lesson's words.</param>
/// <param name="Value">Shannon's value.</param>
/// <param name="Unit">bits, nats or empty.</param>
/// <param name="Digits">Decimals to print.</param>
/// <param name="ClaimId">The lesson claim this line checks, if any.</param>
/// <param name="ReferenceId">The key of the independent numpy/scipy/torch value in tour_reference.json, if any.</param>
internal sealed record TourLine(string Label, double Value, string Unit, int Digits, string? ClaimId = null, string? ReferenceId = null)
{
    /// <summary>The claim this line checks, or null.</summary>
    public LessonClaim? Claim => ClaimId is null ? null : LessonClaims.Get(ClaimId);

    /// <summary>
    /// Whether the lesson's value is right: Shannon's value rounded to the digits the lesson prints equals the lesson's
    /// value (−0 equals 0). Null when the line checks no numeric claim.
    /// </summary>
    public bool? LessonIsRight
    {
        get
        {
            if (Claim is not { Stated: { } stated, Digits: { } digits })
            {
                return null;
            }

            double lesson = double.Parse(stated.TrimStart('~', '≈'), NumberStyles.Float, CultureInfo.InvariantCulture);
            return Round(Value, digits) == Round(lesson, digits);
        }
    }

    /// <summary>Shannon's value with the given decimals, invariant culture, never "-0".</summary>
    public static string Round(double value, int digits)
    {
        if (double.IsInfinity(value) || double.IsNaN(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        string text = value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.TrimStart('-').All(c => c is '0' or '.') ? text.TrimStart('-') : text;
    }
}
