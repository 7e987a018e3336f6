using System.Reflection;
using System.Text.Json;

namespace Shannon.Reports.Tour;

/// <summary>
/// The lessons' claims, embedded from <c>Tour/lesson_claims.json</c> (written by
/// <c>tests/Shannon.Reports.Tests/References/tour_reference.py</c>, which also writes docs/errata.md).
/// </summary>
internal static class LessonClaims
{
    private static readonly Lazy<IReadOnlyDictionary<string, LessonClaim>> Claims = new(Load);

    /// <summary>Every claim by id, in the lessons' order.</summary>
    public static IReadOnlyDictionary<string, LessonClaim> All => Claims.Value;

    /// <summary>The claim with this id; throws <see cref="KeyNotFoundException"/> for a tour line naming no claim.</summary>
    public static LessonClaim Get(string id) =>
        All.TryGetValue(id, out var claim) ? claim : throw new KeyNotFoundException($"The tour names lesson claim '{id}', which lesson_claims.json does not hold.");

    private static IReadOnlyDictionary<string, LessonClaim> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Shannon.Reports.Tour.lesson_claims.json")
            ?? throw new InvalidOperationException("The embedded resource lesson_claims.json is missing.");
        using var document = JsonDocument.Parse(stream);
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var claims = document.RootElement.GetProperty("claims").Deserialize<LessonClaim[]>(options)!;
        return claims.ToDictionary(claim => claim.Id);
    }
}
