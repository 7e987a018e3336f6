namespace Shannon.Reports.Information;

/// <summary>Progress of a report: what is being computed and the fraction done.</summary>
/// <param name="Description">The current step.</param>
/// <param name="Fraction">0 … 1.</param>
internal readonly record struct ReportStep(string Description, double Fraction);
