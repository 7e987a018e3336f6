using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Shannon.Coding;

/// <summary>−log₂(p/4096) for p = 0 … 4096 in units of 2⁻¹⁶ bits: the ideal cost of coding an event of 12-bit probability p, summed exactly in integers.</summary>
/// <remarks>Only reported, never used to code, so the platform's log is fine here. Entry 0 is unused (a coded event never has probability 0).</remarks>
internal static unsafe class CodeCost
{
    private static readonly int[] Values = Build();

    /// <summary>A pointer to the 4097 costs (the array is pinned for the process's lifetime).</summary>
    internal static readonly int* Table = (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Values));

    /// <summary>Converts a sum of table entries to bits.</summary>
    internal static double Bits(long units) => units / 65536.0;

    private static int[] Build()
    {
        var table = GC.AllocateArray<int>(4097, pinned: true);
        for (int p = 1; p <= 4096; p++)
        {
            table[p] = (int)Math.Round(-Math.Log2(p / 4096.0) * 65536.0);
        }

        return table;
    }
}
