using System.Text;
using Shannon.Coding;

namespace Shannon.Tests.Coding;

/// <summary>
/// The model's coded bytes do not depend on the vector path the machine runs (CI runs this class again with
/// DOTNET_EnableAVX2=0 and DOTNET_EnableAVX=0): the mixer's vector and scalar updates agree, and the code of a fixed
/// text has a fixed checksum on every path.
/// </summary>
public class ContextMixingModelTests
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 300).Select(i =>
        $"In the beginning {i % 11} God created the heaven and the earth; line {i * 37 % 1000}, and the {(i % 4 == 0 ? "water" : "light")} was good.\n")));

    public static TheoryData<int> Orders() => [0, 1, 2, 3, 4, 6, 8];

    [Theory]
    [MemberData(nameof(Orders))]
    public void Vector_and_scalar_mixers_code_the_same_bytes(int order)
    {
        var (vectorCode, vectorIdeal) = Encode(new ContextMixingModel(order), Text);
        var (scalarCode, scalarIdeal) = Encode(new ContextMixingModel(order, scalarMixer: true), Text);
        Assert.Equal(scalarCode, vectorCode);
        Assert.Equal(scalarIdeal, vectorIdeal);

        var decoded = new byte[Text.Length];
        new ContextMixingModel(order, scalarMixer: true).Decode(new RangeDecoder(vectorCode), decoded);
        Assert.Equal(Text, decoded);
    }

    // CRC-32 of the range coder's bytes for Text at each order, computed (AVX2) with the model of container version 2:
    // no secondary estimation stage, hashed tables of 2^13-2^16 lines. The same on every vector width.
    [Theory]
    [InlineData(0, 1021406569u)]
    [InlineData(2, 612964097u)]
    [InlineData(3, 897184424u)]
    [InlineData(4, 1776383558u)]
    [InlineData(8, 122846811u)]
    public void Code_of_a_fixed_text_is_the_same_on_every_vector_path(int order, uint expectedCrc)
    {
        var (code, _) = Encode(new ContextMixingModel(order), Text);
        Assert.Equal(expectedCrc, Crc32.Of(code));
    }

    private static (byte[] Code, long Ideal) Encode(ContextMixingModel model, byte[] data)
    {
        var encoder = new RangeEncoder();
        long ideal = model.Encode(data, encoder);
        encoder.Finish();
        return (encoder.Written.ToArray(), ideal);
    }
}
