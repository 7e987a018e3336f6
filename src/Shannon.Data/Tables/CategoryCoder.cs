namespace Shannon.Data.Tables;

/// <summary>Assigns codes to labels as rows stream in, then renumbers them in ordinal order of the names.</summary>
internal sealed class CategoryCoder
{
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly List<int> codes = [];
    private int missingCode = -1;

    /// <summary>Codes one label; null is the missing category.</summary>
    public void Add(string? label)
    {
        if (label is null)
        {
            if (missingCode < 0)
            {
                missingCode = NextCode();
            }

            codes.Add(missingCode);
            return;
        }

        if (!seen.TryGetValue(label, out int code))
        {
            code = NextCode();
            seen.Add(label, code);
        }

        codes.Add(code);
    }

    /// <summary>The column with the missing category first and the others in ordinal order.</summary>
    public TableColumn ToColumn(string name)
    {
        int count = NextCode();
        var names = new string?[count];
        var remap = new int[count];
        int next = 0;
        if (missingCode >= 0)
        {
            remap[missingCode] = next++;
        }

        foreach (var (label, code) in seen.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            names[next] = label;
            remap[code] = next++;
        }

        var result = new int[codes.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = remap[codes[i]];
        }

        return TableColumn.Categorical(name, result, names);
    }

    private int NextCode() => seen.Count + (missingCode >= 0 ? 1 : 0);
}
