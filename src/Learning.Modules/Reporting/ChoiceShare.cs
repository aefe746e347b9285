namespace Learning.Modules.Reporting;

/// <summary>How often a choice was ticked: by how many learners, and in what share of the attempts that drew its
/// question (shares of a multiple-response question add up to more than 100).</summary>
public sealed record ChoiceShare(string Text, int Learners, double Percent)
{
    /// <summary>A share that would describe 1 to 4 people is shown as "&lt; 5"; nobody at all describes no one.</summary>
    public bool TooFewLearners => Learners is > 0 and < ItemAnalysis.FewestLearners;
}
