namespace Shannon.Language;

/// <summary>A candidate token the model considered at one position, with its log-probability.</summary>
/// <param name="Text">The candidate's text as the model's tokenizer decodes it.</param>
/// <param name="LogProbability">ln p of the candidate, in nats (≤ 0).</param>
public readonly record struct TokenAlternative(string Text, double LogProbability);
