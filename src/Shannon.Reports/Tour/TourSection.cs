namespace Shannon.Reports.Tour;

/// <summary>One step of the tour: a lesson topic, the numbers Shannon computes for it and the lessons' statements it checks.</summary>
/// <param name="Number">1-based position, the value of <c>--section</c>.</param>
/// <param name="Title">The topic.</param>
/// <param name="Lines">The numbers, in order.</param>
/// <param name="Statements">Ids of lesson claims without a number (directional statements) that this topic corrects.</param>
/// <param name="Notes">Short explanations printed after the numbers.</param>
internal sealed record TourSection(int Number, string Title, IReadOnlyList<TourLine> Lines, IReadOnlyList<string> Statements, IReadOnlyList<string> Notes);
