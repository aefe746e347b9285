namespace Learning.Modules.Reporting;

/// <summary>
/// One question's item analysis (<see cref="ItemAnalysis"/>): the attempts that drew it and their learners, and,
/// when at least <see cref="ItemAnalysis.FewestLearners"/> learners did, its facility index (%), discrimination
/// index (100 × a correlation), discriminative efficiency (%), the share of each choice and the flags. An index
/// Moodle leaves undefined (no spread of marks) is null.
/// </summary>
public sealed record QuestionStatistics(
    string Name,
    int Attempts,
    int Learners,
    double? Facility,
    double? Discrimination,
    double? Efficiency,
    IReadOnlyList<ChoiceShare> Choices,
    IReadOnlyList<ItemFlag> Flags)
{
    public bool TooFewLearners => Learners < ItemAnalysis.FewestLearners;
}
