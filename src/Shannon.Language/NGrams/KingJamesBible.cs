using System.Collections.Concurrent;

namespace Shannon.Language.NGrams;

/// <summary>
/// The King James Version of the Bible (public domain; one verse per line, book and chapter headings
/// kept, from Debian's bible-kjv-text), shipped inside the assembly, and the default n-gram models
/// trained on it at first use so that perplexity works with no download.
/// </summary>
public static class KingJamesBible
{
    private static readonly ConcurrentDictionary<(NGramLevel, int), Lazy<KneserNeyModel>> Models = new();
    private static readonly Lazy<string> Content = new(ReadText);

    /// <summary>The text: 33,479 lines, about 4.15 MB of UTF-8.</summary>
    public static string Text => Content.Value;

    /// <summary>
    /// A Kneser–Ney model trained on <see cref="Text"/> with min-count 1, built on first request (about a
    /// second) and cached for the life of the process.
    /// </summary>
    /// <param name="level">Words (default) or characters.</param>
    /// <param name="order">The order; 3 by default.</param>
    /// <returns>The cached model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is below 1.</exception>
    public static KneserNeyModel Model(NGramLevel level = NGramLevel.Word, int order = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        return Models.GetOrAdd((level, order), key => new Lazy<KneserNeyModel>(() => KneserNeyModel.Train(Text, key.Item2, key.Item1))).Value;
    }

    private static string ReadText()
    {
        using var stream = typeof(KingJamesBible).Assembly.GetManifestResourceStream("Shannon.Language.kjv.txt")
            ?? throw new InvalidOperationException("The embedded King James Bible text is missing from Shannon.Language.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
