using System.Globalization;

namespace Shannon.Reports.Tour;

/// <summary>One number the tour computes with Shannon, optionally next to what a lesson states.</summary>
/// <param name="Label">What is computed, in the lesson's words.</param>
/// <param name="Value">Shannon's value.</param>
/// <param name="Unit">bits, nats or empty.</param>
/// <param name="Digits">Decimals to print.</param>
/// <param name="ClaimId">The lesson claim this line checks, if any.</param>
/// <param name="ReferenceId">The key of the independent numpy/scipy/torch value in tour_reference.json, if any.</param>
/// <param name="ReferenceTolerance">
/// How far the value may be from the reference, relative to max(1, |reference|): 10⁻¹² for double references; looser,
/// with the reason, where the reference is torch's float32 arithmetic (<see cref="Float32Tolerance"/>).
/// </param>
internal sealed record TourLine(string Label, double Value, string Unit, int Digits, string? ClaimId = null, string? ReferenceId = null, double ReferenceTolerance = 1e-12)
{
    /// <summary>
    /// The tolerance for a value whose reference torch computed in float32 (the lessons' <c>torch.randn</c> tensors):
    /// the tour computes in double from the very float32 draws torch makes, and torch's own float32 sums, logs and
    /// normalisations each add a few ε = 2⁻²³ ≈ 1.2·10⁻⁷; the largest difference measured on the lessons' values is
    /// 3.8·10⁻⁷ (InfoNCE of unrelated views at τ = 1), well inside 10⁻⁶, and the golden tests check that every such line still prints torch's digits.
    /// </summary>
    public const double Float32Tolerance = 1e-6;

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
