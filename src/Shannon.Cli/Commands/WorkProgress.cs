using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Shannon.Cli.Commands;

/// <summary>
/// The one progress display of long commands, on stderr only (stdout, and so <c>--json</c>, stays clean): on a terminal a
/// Spectre.Console bar with the counts, the elapsed time and an estimate of the time left; when stderr is redirected to
/// a file or pipe, a plain line now and then (the first after <see cref="CliContext.ProgressLineInterval"/>, so short
/// work prints nothing); otherwise (tests' writers) nothing.
/// </summary>
internal static class WorkProgress
{
    /// <summary>Runs <paramref name="work"/> with no counts to show: a spinner and the elapsed time.</summary>
    public static T Run<T>(CliContext context, string description, Func<T> work) => Run(context, description, 0, _ => work());

    /// <summary>Runs <paramref name="work"/>, which advances the counter it is given towards <paramref name="total"/> (0 = unknown; it may set the total later).</summary>
    public static T Run<T>(CliContext context, string description, long total, Func<WorkCounter, T> work)
    {
        var counter = new WorkCounter(description, total);
        if (Terminal.IsTerminal(context.Error))
        {
            T result = default!;
            Terminal.Console(context.Error).Progress().AutoClear(true).HideCompleted(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                    task.IsIndeterminate = total <= 0;
                    counter.Changed = (done, all, label) =>
                    {
                        task.IsIndeterminate = all <= 0;
                        task.MaxValue = Math.Max(1, all);
                        task.Value = Math.Min(done, Math.Max(1, all));
                        task.Description = Markup.Escape(all > 0 && !counter.Fractional ? $"{label} {done.ToString("N0", CultureInfo.InvariantCulture)}/{all.ToString("N0", CultureInfo.InvariantCulture)}" : label);
                    };
                    counter.Report();
                    result = work(counter);
                    task.Value = task.MaxValue;
                });
            return result;
        }

        if (context.ProgressLines ?? Terminal.IsRedirectedStandardError(context.Error))
        {
            var clock = Stopwatch.StartNew();
            var interval = context.ProgressLineInterval;
            var last = TimeSpan.Zero;
            var gate = new object();
            bool printed = false, finished = false;
            counter.Changed = (done, all, label) =>
            {
                lock (gate)
                {
                    var now = clock.Elapsed;
                    if (finished || now - last < interval)
                    {
                        return;
                    }

                    last = now;
                    printed = true;
                    context.Error.WriteLine(Line(label, done, all, now, counter.Fractional));
                    context.Error.Flush();
                }
            };

            // Work that counts nothing (or counts slowly) still gets a line every interval.
            var beat = TimeSpan.FromMilliseconds(Math.Max(interval.TotalMilliseconds, 250));
            T result;
            using (new Timer(_ => counter.Report(), null, beat, beat))
            {
                result = work(counter);
            }

            lock (gate)
            {
                finished = true;
                if (printed)
                {
                    context.Error.WriteLine($"{description}: done in {Seconds(clock.Elapsed)}");
                }
            }

            return result;
        }

        return work(counter);
    }

    /// <summary>One plain progress line, e.g. <c>scoring documents: 512/1,189 (43%), 6 s elapsed, about 8 s left</c>.</summary>
    internal static string Line(string label, long done, long total, TimeSpan elapsed, bool fractional = false)
    {
        if (total <= 0)
        {
            return done > 0
                ? $"{label}: {done.ToString("N0", CultureInfo.InvariantCulture)} done, {Seconds(elapsed)} elapsed"
                : $"{label}: {Seconds(elapsed)} elapsed";
        }

        double share = Math.Clamp((double)done / total, 0.0, 1.0);
        string left = share > 0 ? $", about {Seconds(TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - share) / share))} left" : string.Empty;
        string counts = fractional ? string.Empty : $"{done.ToString("N0", CultureInfo.InvariantCulture)}/{total.ToString("N0", CultureInfo.InvariantCulture)} ";
        return $"{label}: {counts}({(share * 100).ToString("F0", CultureInfo.InvariantCulture)}%), {Seconds(elapsed)} elapsed{left}";
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds < 100
        ? $"{time.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s"
        : $"{((int)time.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min {time.Seconds.ToString(CultureInfo.InvariantCulture)} s";
}

/// <summary>How far long work has come: the count done, the total (0 = unknown) and what is being done; thread-safe.</summary>
internal sealed class WorkCounter(string description, long total)
{
    private long _done;
    private long _total = total;
    private string _label = description;

    /// <summary>Called with (done, total, label) on every change; set by <see cref="WorkProgress"/>.</summary>
    internal Action<long, long, string>? Changed { get; set; }

    /// <summary>The current label.</summary>
    public string Label => _label;

    /// <summary>The units done so far.</summary>
    public long Done => Interlocked.Read(ref _done);

    /// <summary>The units in all, 0 when unknown.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>True when the counts are a fraction (per mille) rather than units of work: shown as a percentage only.</summary>
    public bool Fractional { get; private set; }

    /// <summary>Sets the units done.</summary>
    public void Set(long done)
    {
        Interlocked.Exchange(ref _done, done);
        Report();
    }

    /// <summary>Sets the units done and the total together (for work whose total is known only once it has started).</summary>
    public void Set(long done, long total)
    {
        Interlocked.Exchange(ref _total, total);
        Interlocked.Exchange(ref _done, done);
        Report();
    }

    /// <summary>Counts <paramref name="units"/> more as done.</summary>
    public void Advance(long units = 1)
    {
        Interlocked.Add(ref _done, units);
        Report();
    }

    /// <summary>Sets the total (when it is known only once the work has started) and optionally a new label.</summary>
    public void Restart(long total, string? label = null)
    {
        Interlocked.Exchange(ref _done, 0);
        Interlocked.Exchange(ref _total, total);
        _label = label ?? _label;
        Report();
    }

    /// <summary>Sets the progress as a fraction in [0, 1] (kept as per mille) with the step's label, for work that knows no counts.</summary>
    public void Fraction(double fraction, string? label = null)
    {
        Fractional = true;
        Interlocked.Exchange(ref _total, 1000);
        Interlocked.Exchange(ref _done, (long)Math.Round(Math.Clamp(fraction, 0.0, 1.0) * 1000));
        _label = label ?? _label;
        Report();
    }

    internal void Report() => Changed?.Invoke(Done, Total, _label);
}

/// <summary>An <see cref="IProgress{T}"/> of a count done, reported synchronously into a <see cref="WorkCounter"/>.</summary>
internal sealed class CountingProgress(WorkCounter counter) : IProgress<int>
{
    public void Report(int value) => counter.Set(value);
}

/// <summary>A library's <see cref="WorkDone"/> reports (done of total), passed synchronously into a <see cref="WorkCounter"/>.</summary>
internal sealed class WorkDoneProgress(WorkCounter counter) : IProgress<WorkDone>
{
    public void Report(WorkDone value) => counter.Set(value.Done, value.Total);
}

/// <summary>The report builder's steps (a description and a fraction), reported synchronously into a <see cref="WorkCounter"/>.</summary>
internal sealed class StepProgress(WorkCounter counter) : IProgress<Reports.Information.ReportStep>
{
    public void Report(Reports.Information.ReportStep value) => counter.Fraction(value.Fraction, value.Description);
}
