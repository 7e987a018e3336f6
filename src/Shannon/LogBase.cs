using System.Globalization;

namespace Shannon;

/// <summary>
/// The unit of an information quantity: the base of the logarithm it is measured in.
/// Shannon computes in nats and converts once, at the end, with <see cref="FromNats"/>.
/// </summary>
/// <remarks>
/// One nat is 1/ln 2 ≈ 1.4427 bits and 1/ln 10 ≈ 0.4343 hartleys. Any finite base b &gt; 1 is allowed;
/// its unit is written <c>log_b</c>. A base in (0, 1) is refused: its logarithm is negative, so it would flip the sign
/// of every entropy, divergence and information (KL = +∞ would print as −∞, a clamped MI would disagree with its
/// interval), and base 1 has no logarithm at all. Reference: Cover, T. M. &amp; Thomas, J. A. (2006),
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

    /// <summary>A logarithm of any finite base b &gt; 1.</summary>
    /// <param name="b">The base.</param>
    /// <returns>The log base; <see cref="Nats"/>, <see cref="Bits"/> or <see cref="Hartleys"/> for e, 2 and 10.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="b"/> is not finite or not greater than 1.</exception>
    /// <remarks>Bases in (0, 1) have a negative logarithm and would flip the sign of every result, so they are refused.</remarks>
    public static LogBase Of(double b)
    {
        if (!double.IsFinite(b) || !(b > 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, $"A logarithm base must be a finite number greater than 1; got {Format(b)}.");
        }

        return b == Math.E ? Nats : b == 2.0 ? Bits : b == 10.0 ? Hartleys : new LogBase(b, Math.Log(b));
    }

    /// <summary>
    /// Parses <c>2</c>, <c>e</c>, <c>10</c>, <c>bits</c>, <c>nats</c>, <c>hartleys</c> (also <c>bans</c>,
    /// <c>shannons</c>) or any finite number greater than 1, case-insensitively.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The log base it names.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="text"/> is a number that is not finite or not greater than 1
    /// (a base in (0, 1) would flip the sign of every result).</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is neither a base's name nor a number.</exception>
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

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            if (double.IsFinite(b) && b > 1.0)
            {
                return Of(b);
            }

            throw new ArgumentOutOfRangeException(nameof(text), text, $"'{text}' is not a logarithm base: a base must be a finite number greater than 1 (2, e, 10, bits, nats, hartleys).");
        }

        throw new ArgumentException($"'{text}' is not a logarithm base: use 2, e, 10, bits, nats, hartleys, or a finite number greater than 1.", nameof(text));
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
