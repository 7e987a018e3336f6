namespace Shannon.Language.NGrams;

/// <summary>What an n-gram model's tokens are.</summary>
public enum NGramLevel
{
    /// <summary>
    /// Words: maximal runs of letters, digits, combining marks and apostrophes inside a word; every other
    /// non-whitespace character (punctuation, symbols) is a token of its own; whitespace separates tokens.
    /// </summary>
    Word = 0,

    /// <summary>Characters: every Unicode scalar value of a line, spaces included, is a token.</summary>
    Character = 1,
}
