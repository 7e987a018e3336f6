using System.Text;

namespace Shannon.Language.NGrams;

/// <summary>
/// Splits text into sentences of tokens for an n-gram model. A sentence is one line (ended by <c>\n</c>,
/// a trailing <c>\r</c> dropped); a line with no token is skipped. Every sentence ends with the
/// end-of-sentence token, which stands for the line's newline (or for the end of the text).
/// </summary>
internal static class NGramTokenizer
{
    /// <summary>Receives the tokens of a text in order.</summary>
    internal interface ISink
    {
        /// <summary>A token: <paramref name="length"/> UTF-16 units of the text from <paramref name="offset"/>.</summary>
        void Token(int offset, int length);

        /// <summary>The end of a sentence; <paramref name="newlineOffset"/> is the newline's index or the text's length.</summary>
        void EndOfSentence(int newlineOffset);
    }

    /// <summary>Feeds every token of <paramref name="text"/> to <paramref name="sink"/>.</summary>
    internal static void Tokenize<TSink>(string text, NGramLevel level, ref TSink sink)
        where TSink : ISink
    {
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline;
            int contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            bool any = level == NGramLevel.Word
                ? Words(text, lineStart, contentEnd, ref sink)
                : Characters(text, lineStart, contentEnd, ref sink);
            if (any)
            {
                sink.EndOfSentence(lineEnd);
            }

            lineStart = lineEnd + 1;
        }
    }

    private static bool Words<TSink>(string text, int start, int end, ref TSink sink)
        where TSink : ISink
    {
        bool any = false;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            any = true;
            int tokenStart = i;
            if (IsWordCharacter(text, i))
            {
                while (i < end && (IsWordCharacter(text, i) || (IsApostrophe(text[i]) && i + 1 < end && IsWordCharacter(text, i + 1))))
                {
                    i += Width(text, i, end);
                }
            }
            else
            {
                i += Width(text, i, end);
            }

            sink.Token(tokenStart, i - tokenStart);
        }

        return any;
    }

    private static bool Characters<TSink>(string text, int start, int end, ref TSink sink)
        where TSink : ISink
    {
        int i = start;
        while (i < end)
        {
            int length = Width(text, i, end);
            sink.Token(i, length);
            i += length;
        }

        return end > start;
    }

    /// <summary>UTF-16 units of the character at <paramref name="i"/>: 2 for a surrogate pair, else 1.</summary>
    private static int Width(string text, int i, int end) =>
        char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static bool IsWordCharacter(string text, int i)
    {
        char c = text[i];
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        if (char.IsSurrogate(c))
        {
            return Rune.TryGetRuneAt(text, i, out var rune) && Rune.IsLetterOrDigit(rune);
        }

        var category = char.GetUnicodeCategory(c);
        return char.IsLetterOrDigit(c) || category is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';
}
