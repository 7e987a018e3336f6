using System.Globalization;

namespace Shannon.Reports.InformationPlane;

/// <summary>
/// The built-in digits data: 1797 handwritten digits as 8 × 8 images, pixels scaled from 0–16 to [0, 1], row-major
/// <see cref="Rows"/> × <see cref="Features"/>, and their labels 0–9.
/// </summary>
/// <param name="Pixels">The images, row-major, one row of <see cref="Features"/> values per sample.</param>
/// <param name="Labels">The digit of each row.</param>
/// <remarks>
/// Embedded from the repository's data/digits.csv: UCI Optical Recognition of Handwritten Digits, exported from
/// scikit-learn 1.2.1 (Debian python3-sklearn), BSD-3-Clause. Alpaydin, E. &amp; Kaynak, C. (1998), UCI Machine
/// Learning Repository, doi:10.24432/C50P49.
/// </remarks>
internal sealed record DigitsData(double[] Pixels, int[] Labels)
{
    /// <summary>Pixels per image.</summary>
    public const int Features = 64;

    /// <summary>Digit classes.</summary>
    public const int Classes = 10;

    /// <summary>The number of samples.</summary>
    public int Rows => Labels.Length;

    /// <summary>Row <paramref name="row"/>'s pixels.</summary>
    public ReadOnlySpan<double> Row(int row) => Pixels.AsSpan(row * Features, Features);

    /// <summary>Loads the embedded CSV (header, 64 pixel columns, then the label), scaling pixels to [0, 1].</summary>
    public static DigitsData Load()
    {
        using var stream = typeof(DigitsData).Assembly.GetManifestResourceStream("Shannon.Reports.InformationPlane.digits.csv")
            ?? throw new InvalidOperationException("The embedded digits data is missing from Shannon.Reports.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var pixels = new List<double>();
        var labels = new List<int>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            string[] cells = line.Split(',');
            for (int i = 0; i < Features; i++)
            {
                pixels.Add(double.Parse(cells[i], CultureInfo.InvariantCulture) / 16.0);
            }

            labels.Add(int.Parse(cells[Features], CultureInfo.InvariantCulture));
        }

        return new DigitsData(pixels.ToArray(), labels.ToArray());
    }
}
