namespace Shannon.Language;

/// <summary>
/// GLTR's colour buckets for the rank of the true token in the model's prediction: top 10, top 100,
/// top 1000, or beyond. Reference: Gehrmann, S., Strobelt, H. &amp; Rush, A. M. (2019), GLTR: Statistical
/// Detection and Visualization of Generated Text, ACL System Demonstrations, doi:10.18653/v1/P19-3019.
/// </summary>
public enum GltrBucket
{
    /// <summary>The rank is not known (the source gave too few alternatives).</summary>
    Unknown = 0,

    /// <summary>Rank 1 … 10.</summary>
    Top10 = 1,

    /// <summary>Rank 11 … 100.</summary>
    Top100 = 2,

    /// <summary>Rank 101 … 1000.</summary>
    Top1000 = 3,

    /// <summary>Rank above 1000.</summary>
    Beyond1000 = 4,
}
