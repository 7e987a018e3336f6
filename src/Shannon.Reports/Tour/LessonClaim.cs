namespace Shannon.Reports.Tour;

/// <summary>One number (or statement) a lesson prints, as checked by <c>tour_reference.py</c>.</summary>
/// <param name="Id">Stable key, e.g. <c>003.kl.pq</c>: lesson number, topic, quantity.</param>
/// <param name="Lesson">The lesson's number and title.</param>
/// <param name="Section">Where in the lesson the claim appears.</param>
/// <param name="Quantity">What the number is.</param>
/// <param name="Stated">The value exactly as the lesson prints it (may start with ~ or ≈); null for a statement.</param>
/// <param name="Digits">Decimals the lesson prints; the claim is right when Shannon's value rounds to it.</param>
/// <param name="Unit">bits, nats or empty.</param>
/// <param name="Why">One line on why the lesson is wrong; null when the reference check found it right.</param>
internal sealed record LessonClaim(string Id, string Lesson, string Section, string Quantity, string? Stated, int? Digits, string Unit, string? Why)
{
    /// <summary>The lesson's number as printed (<c>003</c>).</summary>
    public string LessonNumber => Lesson[..3];
}
