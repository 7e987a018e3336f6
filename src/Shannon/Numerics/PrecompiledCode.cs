using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Shannon.Numerics;

/// <summary>
/// Whether this assembly runs precompiled (ReadyToRun) code for its vector kernels: true in the tool's packages, which
/// are compiled for each runtime (x64 for x86-64-v3), on a machine that has the instruction sets the code was compiled
/// for; false for the plain IL assembly, or when the runtime turns the precompiled code down (AVX2 or FMA missing or
/// disabled with <c>DOTNET_EnableAVX2=0</c>, <c>DOTNET_ReadyToRun=0</c>). Kernels with two compiled forms take the
/// precompiled one when true and, when false, the one the JIT compiles fully optimised at its first call.
/// </summary>
/// <remarks>
/// The test calls a small method whose precompiled code depends on the same instruction sets as the kernels' and counts
/// the methods the JIT compiled on this thread meanwhile: none means the precompiled code was taken.
/// </remarks>
internal static class PrecompiledCode
{
    internal static readonly bool InUse = Probe();

    private static bool Probe()
    {
        long before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        _ = VectorWidth();
        return System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) == before;
    }

    /// <summary>The widest accelerated vector's lanes of double: its code depends on AVX2 and FMA like the kernels'.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int VectorWidth() =>
        Vector256.IsHardwareAccelerated && Fma.IsSupported ? Vector256<double>.Count
        : Vector128.IsHardwareAccelerated ? Vector128<double>.Count
        : 1;
}
