namespace Shannon.Language.Html;

/// <summary>How <see cref="SurprisalPage"/> colours tokens.</summary>
public enum SurprisalColouring
{
    /// <summary>A continuous scale from green (0 bits) through yellow to red (15 bits or more).</summary>
    Surprisal,

    /// <summary>GLTR's rank buckets: green top 10, yellow top 100, red top 1000, violet beyond, grey unknown.</summary>
    Rank,
}
