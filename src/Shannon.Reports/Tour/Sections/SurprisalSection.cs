using Shannon.Measures;

namespace Shannon.Reports.Tour.Sections;

/// <summary>The surprisal tables: Surprisal.Of on the lessons' events, in bits.</summary>
internal static class SurprisalSection
{
    public static TourSection Build(int number) => new(number, "Surprisal I(x) = −log p(x) (lessons 000 table, 003 §4.2, 004)",
    [
        new("I(fair coin heads), p = 0.5", Surprisal.Of(0.5, LogBase.Bits), "bits", 4, "000.surprise.coin", "surprisal.coin"),
        new("I(rolling a 6), p = 1/6", Surprisal.Of(1.0 / 6.0, LogBase.Bits), "bits", 4, "000.surprise.six", "surprisal.six"),
        new("I(1-in-1000 event)", Surprisal.Of(0.001, LogBase.Bits), "bits", 4, "000.surprise.thousand", "surprisal.thousand"),
        new("I(certain event), p = 1", Surprisal.Of(1.0, LogBase.Bits), "bits", 4, "000.surprise.certain", "surprisal.certain"),
        new("I('the'), p = 0.40", Surprisal.Of(0.4, LogBase.Bits), "bits", 4, "003.surprisal.the", "surprisal.the"),
        new("I('eigenvector'), p = 0.0001", Surprisal.Of(1e-4, LogBase.Bits), "bits", 4, "003.surprisal.eigenvector", "surprisal.eigenvector"),
        new("I(heads then 1-in-4) = I(0.125)", Surprisal.Of(0.5 * 0.25, LogBase.Bits), "bits", 4, "003.surprisal.direct", "surprisal.direct"),
        new("I(0.5) + I(0.25): independent surprisals add", Surprisal.Of(0.5, LogBase.Bits) + Surprisal.Of(0.25, LogBase.Bits), "bits", 4, "003.surprisal.summed", "surprisal.summed"),
        new("I(p = 1/8)", Surprisal.Of(0.125, LogBase.Bits), "bits", 4, "004.surprisal.eighth", "surprisal.eighth"),
        new("I(one card of 52)", Surprisal.Of(1.0 / 52.0, LogBase.Bits), "bits", 4, "004.surprisal.card", "surprisal.card"),
        new("1 nat in bits = I_bits / I_nats", Surprisal.Of(0.5, LogBase.Bits) / Surprisal.Of(0.5), "bits", 4, "000.nat.bits", "surprisal.nat"),
    ],
    [],
    ["Certain events carry no information; rarer events carry more; surprisals of independent events add."]);
}
