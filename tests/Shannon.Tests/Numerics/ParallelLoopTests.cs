using CsCheck;
using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

/// <summary>The library's fork-join loop: every index once, the first failure rethrown as itself, nesting without starving the pool.</summary>
public class ParallelLoopTests
{
    [Fact]
    public void Every_index_runs_exactly_once()
    {
        Gen.Select(Gen.Int[-5, 5], Gen.Int[0, 3000]).Sample((from, count) =>
        {
            var hits = new int[count];
            ParallelLoop.For(from, from + count, i => Interlocked.Increment(ref hits[i - from]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }, iter: 200);
    }

    [Fact]
    public void An_empty_or_reversed_range_runs_nothing()
    {
        int calls = 0;
        ParallelLoop.For(5, 5, _ => calls++);
        ParallelLoop.For(5, 2, _ => calls++);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void A_failure_reaches_the_caller_as_itself_and_stops_handing_out_indices()
    {
        int ran = 0;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ParallelLoop.For(0, 1_000_000, i =>
        {
            Interlocked.Increment(ref ran);
            if (i == 10)
            {
                throw new ArgumentOutOfRangeException("p", i, "bad entry");
            }
        }));
        Assert.Equal("p", ex.ParamName);
        Assert.True(ran < 1_000_000, $"ran {ran}");
    }

    [Fact]
    public void Nested_loops_on_every_pool_thread_finish()
    {
        // Each outer body blocks a pool thread on an inner loop; the inner loops' helpers may never start, which must not matter.
        long total = 0;
        ParallelLoop.For(0, 4 * Environment.ProcessorCount, _ => ParallelLoop.For(0, 200, j => Interlocked.Add(ref total, j)));
        Assert.Equal(4L * Environment.ProcessorCount * (199 * 200 / 2), total);
    }

    [Fact]
    public void A_range_ending_at_int_max_value_does_not_overflow()
    {
        long sum = 0;
        ParallelLoop.For(int.MaxValue - 100, int.MaxValue, i => Interlocked.Add(ref sum, int.MaxValue - (long)i));
        Assert.Equal(100L * 101 / 2, sum);
    }

    [Fact]
    public void Invoke_runs_every_action_once_and_rethrows_a_failure_as_itself()
    {
        var hits = new int[3];
        ParallelLoop.Invoke(() => hits[0]++, () => hits[1]++, () => hits[2]++);
        Assert.Equal([1, 1, 1], hits);

        var ex = Assert.Throws<ArgumentException>(() => ParallelLoop.Invoke(() => { }, () => throw new ArgumentException("bad", "x")));
        Assert.Equal("x", ex.ParamName);
        ParallelLoop.Invoke();
    }
}
