using System.Globalization;

namespace Shannon;

/// <summary>
/// The unit of an information quantity: the base of the logarithm it is measured in.
/// Shannon computes in nats and converts once, at the end, with <see cref="FromNats"/>.
/// </summary>
/// <remarks>
/// One nat is 1/ln 2 ≈ 1.4427 bits and 1/ln 10 ≈ 0.4343 hartleys. Any base b &gt; 0, b ≠ 1 is allowed;
/// its unit is written <c>log_b</c>. Reference: Cover, T. M. &amp; Thomas, J. A. (2006),
/// <i>Elements of Information Theory</i>, 2nd ed., §2.1, doi:10.1002/047174882X.
/// </remarks>
public readonly record struct LogBase
{
    private LogBase(double value, double lnBase)
    {
        Value = value;
        LnBase = lnBase;
    }

    /// <summary>Natural logarithm: results in nats. The default.</summary>
    public static LogBase Nats { get; } = new(Math.E, 1.0);

    /// <summary>Base 2: results in bits (shannons).</summary>
    public static LogBase Bits { get; } = new(2.0, Math.Log(2.0));

    /// <summary>Base 10: results in hartleys (bans).</summary>
    public static LogBase Hartleys { get; } = new(10.0, Math.Log(10.0));

    /// <summary>The base b of the logarithm.</summary>
    public double Value { get; }

    /// <summary>ln b: the number of nats in one unit of this base.</summary>
    public double LnBase { get; }

    /// <summary>Is this the natural logarithm (nats)? The default value of the struct counts as nats.</summary>
    public bool IsNats => LnBase is 1.0 or 0.0;

    /// <summary>The unit's name: <c>nats</c>, <c>bits</c>, <c>hartleys</c>, or <c>log_b</c> for any other base b.</summary>
    public string Unit => IsNats ? "nats"
        : Value == 2.0 ? "bits"
        : Value == 10.0 ? "hartleys"
        : "log_" + Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A logarithm of any base b &gt; 0, b ≠ 1.</summary>
    /// <param name="b">The base.</param>
    /// <returns>The log base; <see cref="Nats"/>, <see cref="Bits"/> or <see cref="Hartleys"/> for e, 2 and 10.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="b"/> is not finite, not positive, or equal to 1.</exception>
    public static LogBase Of(double b)
    {
        if (!double.IsFinite(b) || b <= 0.0 || b == 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, $"A logarithm base must be a finite positive number other than 1; got {Format(b)}.");
        }

        return b == Math.E ? Nats : b == 2.0 ? Bits : b == 10.0 ? Hartleys : new LogBase(b, Math.Log(b));
    }

    /// <summary>
    /// Parses <c>2</c>, <c>e</c>, <c>10</c>, <c>bits</c>, <c>nats</c>, <c>hartleys</c> (also <c>bans</c>,
    /// <c>shannons</c>) or any positive number other than 1, case-insensitively.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The log base it names.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> names no valid base.</exception>
    public static LogBase Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToLowerInvariant())
        {
            case "e" or "nat" or "nats" or "ln":
                return Nats;
            case "2" or "bit" or "bits" or "shannon" or "shannons":
                return Bits;
            case "10" or "hartley" or "hartleys" or "ban" or "bans" or "dit" or "dits":
                return Hartleys;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && double.IsFinite(b) && b > 0 && b != 1)
        {
            return Of(b);
        }

        throw new ArgumentException($"'{text}' is not a logarithm base: use 2, e, 10, bits, nats, hartleys, or a positive number other than 1.", nameof(text));
    }

    /// <summary>Converts a quantity in nats to this unit: x / ln b.</summary>
    /// <param name="nats">A value in nats; ±∞ and NaN pass through.</param>
    /// <returns>The same quantity in this base's unit.</returns>
    public double FromNats(double nats) => IsNats ? nats : nats / LnBase;

    /// <summary>Converts a quantity in this unit to nats: x · ln b.</summary>
    /// <param name="value">A value in this base's unit.</param>
    /// <returns>The same quantity in nats.</returns>
    public double ToNats(double value) => IsNats ? value : value * LnBase;

    /// <inheritdoc/>
    public override string ToString() => Unit;

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
