namespace Shannon.Dynamics;

/// <summary>How the surrogates of a transfer entropy significance test are drawn from the source's past blocks.</summary>
/// <remarks>
/// Every scheme keeps the target's present and past paired and moves only the source, so a surrogate keeps the target's
/// own dynamics and breaks the source–target coupling. With several trials, swapping whole trials keeps each source
/// trial's internal (time-locked) structure as well, as IDTxl does when there are enough trials; permuting within each
/// trial keeps the trials apart. Reference: Lindner, M. et al. (2011), TRENTOOL: A Matlab open source toolbox to analyse
/// information flow in time series data with transfer entropy, BMC Neuroscience 12, 119, doi:10.1186/1471-2202-12-119;
/// Wollstadt, P. et al. (2019), IDTxl: The Information Dynamics Toolkit xl, Journal of Open Source Software 4(34), 1081,
/// doi:10.21105/joss.01081.
/// </remarks>
public enum SurrogateScheme
{
    /// <summary>
    /// One trial: <see cref="Pooled"/>. Several: <see cref="SwapTrials"/> when every trial gives the same number of samples
    /// and there are at least as many derangements of the trials as surrogates; <see cref="WithinTrials"/> otherwise.
    /// </summary>
    Automatic,

    /// <summary>The source's past blocks shuffled across all samples, trials pooled (JIDT's surrogate).</summary>
    Pooled,

    /// <summary>The source's past blocks shuffled within each trial: no sample takes a source block from another trial.</summary>
    WithinTrials,

    /// <summary>
    /// Whole trials of the source swapped: the target of trial i is paired with the source of trial π(i), π a random
    /// derangement (no trial keeps its own source), sample by sample in time order. Needs at least 2 trials with the same
    /// number of samples each.
    /// </summary>
    SwapTrials,
}
