using System.Globalization;

namespace Shannon.Data.Tables;

/// <summary>Reads a text column whose every value is an ISO 8601 date, date-time or time of day as seconds (<see cref="TableReadOptions.Times"/>).</summary>
internal static class TimeText
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    private static readonly string[] TimeFormats = ["hh\\:mm", "hh\\:mm\\:ss", "hh\\:mm\\:ss\\.FFFFFFF"];

    /// <summary>The column as seconds, or null when a value is not one kind of ISO time (then it stays text).</summary>
    public static TableColumn? TryRead(TableColumn column)
    {
        var names = column.Categories;
        if (names.All(name => name is null))
        {
            return null; // an entirely empty column has no type to read
        }

        foreach (var (kind, parse) in Readers())
        {
            var seconds = new double[names.Count];
            bool all = true;
            for (int c = 0; c < names.Count && all; c++)
            {
                if (names[c] is not { } name)
                {
                    seconds[c] = double.NaN;
                }
                else if (parse(name.Trim()) is double value)
                {
                    seconds[c] = value;
                }
                else
                {
                    all = false;
                }
            }

            if (all)
            {
                var codes = column.Codes;
                var values = new double[codes.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = seconds[codes[i]];
                }

                return TableColumn.Times(column.Name, values, kind);
            }
        }

        return null;
    }

    private static IEnumerable<(string Kind, Func<string, double?> Parse)> Readers()
    {
        yield return ("date", text => Epoch(text, DateFormats));
        yield return ("date-time", text => Epoch(text, DateTimeFormats));
        yield return ("time", text => TimeSpan.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, out var time) && time < TimeSpan.FromDays(1)
            ? time.TotalSeconds
            : null);
    }

    private static double? Epoch(string text, string[] formats) =>
        text.Length >= 10 && DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? (moment - DateTimeOffset.UnixEpoch).TotalSeconds
            : null;
}
